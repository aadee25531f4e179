// The collector on this machine (host root "/") against real servers from Debian's packages,
// started on free loopback ports in temporary directories: an insecure and a hardened
// PostgreSQL, Redis and Memcached. Other servers may run on this host, so only the findings
// for the test's own ports are looked at.
#include <catch2/catch.hpp>
#include <set>

#include "collectors/database/database_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/memcached_server.hpp"
#include "tests/support/postgres_cluster.hpp"
#include "tests/support/redis_server.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::collector::CollectResult;
using zt::model::Finding;

namespace {

CollectResult collect_live() {
  auto collector =
      zt::database::descriptor().make(zt::test::options_of(zt::database::descriptor()));
  return zt::test::collect_at(*collector, "/", std::stop_token{}, 30s);
}

std::set<std::string> types_on(const CollectResult& result, std::string_view database_type,
                               unsigned short port) {
  std::set<std::string> out;
  for (const Finding& f : result.findings)
    if (f.fields.at("database_type") == database_type && f.fields.at("port") == port)
      out.insert(f.fields.at("finding_type").get<std::string>());
  return out;
}

const Finding& finding(const CollectResult& result, std::string_view type, unsigned short port) {
  for (const Finding& f : result.findings)
    if (f.fields.at("finding_type") == type && f.fields.at("port") == port) return f;
  FAIL("no " << type << " finding on port " << port);
  throw std::logic_error("unreachable");
}

json server_on(const CollectResult& result, unsigned short port) {
  for (const json& s : result.inventory.at("servers"))
    if (s.at("port") == port && s.at("running") == true) return s;
  FAIL("no running server on port " << port << " in " << result.inventory.dump(2));
  throw std::logic_error("unreachable");
}

// The problems the run reported about the test's own files (there must be none).
std::vector<std::string> problems_under(const CollectResult& result, const std::string& dir) {
  std::vector<std::string> out;
  for (const std::string& p : result.problems)
    if (p.find(dir) != std::string::npos) out.push_back(p);
  return out;
}

}  // namespace

TEST_CASE("live PostgreSQL: trust/no-TLS/md5 cluster reported, hardened one not", "[integration]") {
  zt::test::PostgresOptions insecure;
  insecure.conf_lines = {"ssl = off", "password_encryption = md5"};
  zt::test::PostgresCluster weak(insecure);  // initdb -A trust

  zt::test::PostgresOptions hardened;
  hardened.conf_lines = {"ssl = on"};
  hardened.hba = "local all postgres peer\nhostssl all all 127.0.0.1/32 scram-sha-256\n";
  hardened.self_signed_tls = true;
  zt::test::PostgresCluster strong(hardened);

  const CollectResult result = collect_live();
  INFO(result.inventory.dump(2));
  CHECK(problems_under(result, weak.data_dir().parent_path().string()).empty());
  CHECK(problems_under(result, strong.data_dir().parent_path().string()).empty());

  CHECK(types_on(result, "postgresql", weak.port()) ==
        std::set<std::string>{"pg_hba_trust", "pg_ssl_off", "pg_md5_password_encryption",
                              "pg_passwordless_login"});
  const Finding& in = finding(result, "pg_passwordless_login", weak.port());
  CHECK(in.fields["host"] == "127.0.0.1");
  CHECK(in.metadata["server_version"].get<std::string>().rfind("15", 0) == 0);
  const Finding& trust = finding(result, "pg_hba_trust", weak.port());
  CHECK(trust.metadata["file"] == (weak.data_dir() / "pg_hba.conf").string());
  const json weak_server = server_on(result, weak.port());
  CHECK(weak_server["live_checks"][0]["outcome"] == "no password asked");
  CHECK(weak_server["config_source"] == "command line");

  CHECK(types_on(result, "postgresql", strong.port()).empty());
  const json strong_server = server_on(result, strong.port());
  CHECK(strong_server["live_checks"][0]["connected"] == true);
  CHECK(strong_server["live_checks"][0]["outcome"].get<std::string>().rfind("refused", 0) == 0);
  CHECK(strong_server["config_files"].size() == 2);
}

TEST_CASE("live Redis: open server reported with PING and version, hardened one not",
          "[integration]") {
  // The open server keeps Redis's default process title ("redis-server 127.0.0.1:PORT"),
  // which hides its config file: the collector learns it from INFO. The hardened one keeps
  // its command line (set-proc-title no), since it answers nothing without a password.
  zt::test::RedisServer weak({"protected-mode no"});
  zt::test::RedisServer strong({"set-proc-title no", "bind 127.0.0.1 -::1", "protected-mode yes",
                                "requirepass 6f1c2a9e8b7d4c3f2e1a0b9c8d7e6f5a",
                                "rename-command FLUSHALL \"\"", "rename-command FLUSHDB \"\"",
                                "rename-command CONFIG ZT_CONFIG_9f2",
                                "rename-command SHUTDOWN \"\"", "rename-command REPLICAOF \"\"",
                                "rename-command SLAVEOF \"\""});
  const CollectResult result = collect_live();
  INFO(result.inventory.dump(2));

  CHECK(types_on(result, "redis", weak.port()) ==
        std::set<std::string>{"redis_no_auth", "redis_protected_mode_off",
                              "redis_dangerous_commands", "redis_unauthenticated_access"});
  const Finding& open = finding(result, "redis_unauthenticated_access", weak.port());
  CHECK_FALSE(open.metadata["server_version"].get<std::string>().empty());
  const Finding& pm = finding(result, "redis_protected_mode_off", weak.port());
  CHECK(pm.metadata["file"] == weak.config_path().string());
  const json weak_server = server_on(result, weak.port());
  CHECK(weak_server["config_source"] == "server (INFO config_file)");
  CHECK(weak_server["live_checks"][0]["outcome"] == "answered PONG without a password");
  CHECK(weak_server["process"]["pid"] == weak.pid());

  CHECK(types_on(result, "redis", strong.port()).empty());
  const json strong_server = server_on(result, strong.port());
  CHECK(strong_server["config_files"] == json::array({strong.config_path().string()}));
  CHECK(strong_server["live_checks"][0]["outcome"] == "refused: NOAUTH Authentication required.");
  CHECK(result.inventory.dump().find("6f1c2a9e8b7d4c3f2e1a0b9c8d7e6f5a") == std::string::npos);
}

TEST_CASE("live Memcached: UDP on reported with its version, UDP off not", "[integration]") {
  zt::test::MemcachedServer weak(true);
  zt::test::MemcachedServer strong(false);
  const CollectResult result = collect_live();
  INFO(result.inventory.dump(2));

  CHECK(types_on(result, "memcached", weak.port()) ==
        std::set<std::string>{"memcached_udp_enabled"});
  const Finding& udp = finding(result, "memcached_udp_enabled", weak.port());
  CHECK(udp.metadata["value"] == std::to_string(weak.port()));
  CHECK(udp.metadata["file"] == "/proc/" + std::to_string(weak.pid()) + "/cmdline");
  CHECK(udp.metadata["server_version"].get<std::string>().rfind("1.", 0) == 0);

  CHECK(types_on(result, "memcached", strong.port()).empty());
  CHECK(server_on(result, strong.port())["version"].get<std::string>().rfind("1.", 0) == 0);
}
