#include "collectors/core/host_fs.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>

#include "tests/support/temp_tree.hpp"

using zt::collector::FileType;
using zt::collector::HostFs;
using zt::test::TempTree;

namespace {

// The message a HostFs error has for a host path under `root`.
std::string under(const TempTree& tree, std::string_view host_path, std::string_view reason) {
  return std::string(host_path) + " (under " + tree.root().string() + "): " +
         std::string(reason);
}

}  // namespace

TEST_CASE("HostFs reads a file under its root", "[unit][host_fs]") {
  TempTree tree;
  tree.write("etc/motd", "hello\nworld\n");
  const HostFs fs(tree.root());

  auto text = fs.read_file("/etc/motd");
  REQUIRE(text.ok());
  CHECK(*text == "hello\nworld\n");
  CHECK(fs.root() == tree.root());
  CHECK(fs.exists("/etc/motd"));
  CHECK_FALSE(fs.exists("/etc/nothing"));
}

TEST_CASE("HostFs caps the size of a read", "[unit][host_fs]") {
  TempTree tree;
  tree.write("ten", "0123456789");
  tree.write("eleven", "0123456789A");
  const HostFs fs(tree.root());

  SECTION("a file exactly at the cap is read") {
    auto text = fs.read_file("/ten", 10);
    REQUIRE(text.ok());
    CHECK(*text == "0123456789");
  }
  SECTION("one byte more is an error naming the path, the root and the limit") {
    auto text = fs.read_file("/eleven", 10);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message == under(tree, "/eleven", "larger than the limit of 10 bytes"));
  }
  SECTION("a file larger than the read buffer is read whole under the default cap") {
    const std::string big(200000, 'x');
    tree.write("big", big);
    auto text = fs.read_file("/big");
    REQUIRE(text.ok());
    CHECK(text->size() == big.size());
  }
}

TEST_CASE("HostFs read errors name the host path and the root", "[unit][host_fs]") {
  TempTree tree;
  tree.mkdir("var/lib");
  const HostFs fs(tree.root());

  SECTION("missing file") {
    auto text = fs.read_file("/etc/shadow");
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message == under(tree, "/etc/shadow", "No such file or directory"));
  }
  SECTION("a directory is not a regular file") {
    auto text = fs.read_file("/var/lib");
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message == under(tree, "/var/lib", "not a regular file"));
  }
  SECTION("at the machine's root, describe names the path alone") {
    const HostFs machine("/");
    CHECK(machine.describe("/etc/shadow") == "/etc/shadow");
    CHECK(fs.describe("/etc/shadow") == "/etc/shadow (under " + tree.root().string() + ")");
  }
  SECTION("an empty root means the machine's root") {
    CHECK(HostFs("").root() == "/");
  }
}

TEST_CASE("HostFs refuses a relative host path", "[unit][host_fs]") {
  TempTree tree;
  tree.write("etc/passwd", "inside\n");
  const HostFs fs(tree.root());

  for (std::string_view path : {"../../etc/passwd", "etc/passwd", ""}) {
    INFO("path: \"" << path << "\"");
    auto text = fs.read_file(path);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message == under(tree, path, "not an absolute host path"));
    CHECK_FALSE(fs.resolve(path).ok());
  }
}

TEST_CASE("HostFs keeps '..' inside the root", "[unit][host_fs]") {
  TempTree tree;
  tree.write("etc/passwd", "root:x:0:0:inside the fixture:/root:/bin/sh\n");
  const HostFs fs(tree.root());

  for (std::string_view path : {"/../../etc/passwd", "/etc/../../../../etc/passwd",
                                "/./etc/./passwd", "//etc//passwd"}) {
    INFO("path: " << path);
    auto text = fs.read_file(path);
    REQUIRE(text.ok());
    CHECK(*text == "root:x:0:0:inside the fixture:/root:/bin/sh\n");
    auto real = fs.resolve(path);
    REQUIRE(real.ok());
    CHECK(*real == tree.root() / "etc/passwd");
  }
  auto top = fs.resolve("/a/../../..");
  REQUIRE(top.ok());
  CHECK(*top == tree.root());
}

TEST_CASE("HostFs resolves symlinks within the root", "[unit][host_fs]") {
  TempTree tree;
  tree.write("etc/hostname", "fixture-host\n");
  const HostFs fs(tree.root());

  SECTION("an absolute symlink points into the root, not at the machine's file") {
    tree.symlink("/etc/hostname", "etc/x");
    auto real = fs.resolve("/etc/x");
    REQUIRE(real.ok());
    CHECK(*real == tree.root() / "etc/hostname");
    auto text = fs.read_file("/etc/x");
    REQUIRE(text.ok());
    CHECK(*text == "fixture-host\n");
  }
  SECTION("a relative symlink with too many '..' stops at the root") {
    tree.symlink("../../../../../../etc/hostname", "var/lib/up");
    auto text = fs.read_file("/var/lib/up");
    REQUIRE(text.ok());
    CHECK(*text == "fixture-host\n");
  }
  SECTION("an absolute symlink to a directory, in the middle of a path") {
    tree.symlink("/etc", "run/config");
    auto real = fs.resolve("/run/config/hostname");
    REQUIRE(real.ok());
    CHECK(*real == tree.root() / "etc/hostname");
  }
  SECTION("a relative symlink as Debian ships /etc/os-release") {
    tree.write("usr/lib/os-release", "ID=fixture\n");
    tree.symlink("../usr/lib/os-release", "etc/os-release");
    auto text = fs.read_file("/etc/os-release");
    REQUIRE(text.ok());
    CHECK(*text == "ID=fixture\n");
  }
  SECTION("a dangling symlink is a missing file") {
    tree.symlink("/nowhere", "etc/dangling");
    auto text = fs.read_file("/etc/dangling");
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message == under(tree, "/etc/dangling", "No such file or directory"));
    CHECK_FALSE(fs.exists("/etc/dangling"));
  }
}

TEST_CASE("HostFs reports a symlink loop as an error instead of hanging", "[unit][host_fs]") {
  TempTree tree;
  tree.symlink("/b", "a");
  tree.symlink("a", "b");
  tree.symlink("self", "self");
  const HostFs fs(tree.root());

  for (std::string_view path : {"/a", "/b", "/self", "/a/below"}) {
    INFO("path: " << path);
    auto text = fs.read_file(path);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message == under(tree, path, "too many levels of symbolic links"));
    CHECK_FALSE(fs.stat(path).ok());
    CHECK_FALSE(fs.exists(path));
  }
}

TEST_CASE("HostFs lists a directory sorted, without . and ..", "[unit][host_fs]") {
  TempTree tree;
  tree.write("etc/cron.d/b", "");
  tree.write("etc/cron.d/a.txt", "");
  tree.write("etc/cron.d/a", "");
  tree.write("etc/cron.d/C", "");
  tree.mkdir("etc/cron.d/sub");
  tree.mkdir("empty");
  const HostFs fs(tree.root());

  auto names = fs.list_dir("/etc/cron.d");
  REQUIRE(names.ok());
  CHECK(*names == std::vector<std::string>{"C", "a", "a.txt", "b", "sub"});

  auto empty = fs.list_dir("/empty");
  REQUIRE(empty.ok());
  CHECK(empty->empty());

  auto missing = fs.list_dir("/etc/missing.d");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == under(tree, "/etc/missing.d", "No such file or directory"));
}

TEST_CASE("HostFs stat gives type, mode, owner and size, following symlinks",
          "[unit][host_fs]") {
  TempTree tree;
  const auto secret = tree.write("etc/secret.conf", "password=x\n");
  REQUIRE(::chmod(secret.c_str(), 0640) == 0);
  const auto script = tree.write("usr/bin/tool", "#!/bin/sh\n");
  REQUIRE(::chmod(script.c_str(), 04755) == 0);
  tree.symlink("/etc/secret.conf", "etc/link.conf");
  const HostFs fs(tree.root());

  auto file = fs.stat("/etc/secret.conf");
  REQUIRE(file.ok());
  CHECK(file->type == FileType::regular);
  CHECK(file->mode == 0640);
  CHECK(file->size == 11);
  CHECK(file->uid == ::getuid());
  CHECK(file->gid == ::getgid());

  auto setuid = fs.stat("/usr/bin/tool");
  REQUIRE(setuid.ok());
  CHECK(setuid->mode == 04755);

  auto dir = fs.stat("/etc");
  REQUIRE(dir.ok());
  CHECK(dir->type == FileType::directory);

  auto link = fs.stat("/etc/link.conf");
  REQUIRE(link.ok());
  CHECK(link->type == FileType::regular);
  CHECK(link->mode == 0640);

  auto missing = fs.stat("/etc/none");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == under(tree, "/etc/none", "No such file or directory"));
}

TEST_CASE("read_link gives a symlink's target as written, without following it", "[unit]") {
  TempTree tree;
  tree.write("etc/hostname", "fixture-host\n");
  tree.symlink("socket:[4242]", "proc/1/fd/3");
  tree.symlink("/etc/hostname", "etc/alias");
  const HostFs fs(tree.root());
  auto socket = fs.read_link("/proc/1/fd/3");
  REQUIRE(socket.ok());
  CHECK(*socket == "socket:[4242]");
  auto alias = fs.read_link("/etc/alias");
  REQUIRE(alias.ok());
  CHECK(*alias == "/etc/hostname");
  auto not_a_link = fs.read_link("/etc/hostname");
  REQUIRE_FALSE(not_a_link.ok());
  CHECK_THAT(not_a_link.error().message, Catch::Contains("/etc/hostname (under "));
  CHECK_THAT(not_a_link.error().message, Catch::EndsWith("Invalid argument"));
  CHECK_FALSE(fs.read_link("relative/path").ok());
}
