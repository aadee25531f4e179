#include "collectors/core/proc_process.hpp"

#include <catch2/catch.hpp>

#include "tests/support/fuzz.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::collector;

namespace {

constexpr std::string_view kStatus =
    "Name:\tredis-server\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t900\nPid:\t900\n"
    "PPid:\t1\nTracerPid:\t0\nUid:\t0\t105\t105\t105\nGid:\t0\t110\t110\t110\n";

constexpr std::string_view kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "# a comment\n"
    "redis:x:105:110::/var/lib/redis:/usr/sbin/nologin\n"
    "toor:x:0:0:second root:/root:/bin/sh\n"
    "broken line\n"
    ":x:7:7::/:/bin/sh\n"
    "neg:x:-1:1::/:/bin/sh\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin";

}  // namespace

TEST_CASE("proc: pids", "[unit][core][proc_process]") {
  CHECK(parse_pid("1") == 1);
  CHECK(parse_pid("4194304") == 4194304);
  CHECK_FALSE(parse_pid("self"));
  CHECK_FALSE(parse_pid("0"));
  CHECK_FALSE(parse_pid("-1"));
  CHECK_FALSE(parse_pid("12a"));
  CHECK_FALSE(parse_pid(""));
  CHECK_FALSE(parse_pid("99999999999999"));
}

TEST_CASE("proc: fd link targets", "[unit][core][proc_process]") {
  CHECK(parse_socket_link("socket:[132079]") == 132079u);
  CHECK_FALSE(parse_socket_link("pipe:[132079]"));
  CHECK_FALSE(parse_socket_link("/dev/null"));
  CHECK_FALSE(parse_socket_link("socket:[]"));
  CHECK_FALSE(parse_socket_link("socket:[12"));
  CHECK_FALSE(parse_socket_link("socket:[-12]"));
  CHECK_FALSE(parse_socket_link("anon_inode:[eventpoll]"));
}

TEST_CASE("proc: comm and status", "[unit][core][proc_process]") {
  CHECK(parse_comm("redis-server\n") == "redis-server");
  CHECK(parse_comm("kworker/0:1H") == "kworker/0:1H");
  CHECK(parse_comm("") == "");
  CHECK(parse_status_uid(kStatus) == 105u);  // effective, not real
  CHECK_FALSE(parse_status_uid("Name:\tx\n"));
  CHECK_FALSE(parse_status_uid("Uid:\t0\n"));
  CHECK_FALSE(parse_status_uid("Uid:\t0\tabc\t0\t0\n"));
  CHECK(parse_status_uid(zt::test::read_text(zt::test::fixture_host("net-weak") /
                                             "proc/801/status")) == 33u);
}

TEST_CASE("proc: cmdline arguments split at NULs", "[unit][core][proc_process]") {
  using Args = std::vector<std::string>;
  CHECK(parse_cmdline(std::string_view("redis-server\0/etc/redis/redis.conf\0", 35)) ==
        Args{"redis-server", "/etc/redis/redis.conf"});
  CHECK(parse_cmdline(std::string_view("postgres\0-D\0\0", 13)) == Args{"postgres", "-D", ""});
  // A process that rewrote its title: one argument, no final NUL.
  CHECK(parse_cmdline("redis-server 127.0.0.1:6379") == Args{"redis-server 127.0.0.1:6379"});
  CHECK(parse_cmdline("").empty());
}

TEST_CASE("proc: passwd", "[unit][core][proc_process]") {
  const auto users = parse_passwd(kPasswd);
  CHECK(users == std::map<std::uint32_t, std::string>{
                     {0, "root"}, {105, "redis"}, {65534, "nobody"}});
}

TEST_CASE("proc: fuzzed input", "[unit][core][proc_process][fuzz]") {
  zt::test::fuzz_text(kStatus, [](const std::string& text) { (void)parse_status_uid(text); });
  zt::test::fuzz_text(kPasswd, [](const std::string& text) { (void)parse_passwd(text); });
  zt::test::fuzz_text("socket:[132079]",
                      [](const std::string& text) { (void)parse_socket_link(text); }, 500);
  zt::test::fuzz_text("4194304", [](const std::string& text) { (void)parse_pid(text); }, 500);
  zt::test::fuzz_text(std::string("mongod\0--config\0/etc/mongod.conf\0", 33),
                      [](const std::string& text) { (void)parse_cmdline(text); }, 500);
}
