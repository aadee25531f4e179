#include "collectors/core/mount_table.hpp"

#include <catch2/catch.hpp>

#include "tests/support/fuzz.hpp"

using namespace zt::collector;

TEST_CASE("mountinfo lines give their mount point and filesystem type", "[unit][content_walk]") {
  const auto mounts = parse_mountinfo(
      "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
      "31 27 0:40 / /mnt/my\\040share rw shared:5 - nfs4 srv:/x rw\n"
      "32 27 0:41 / /home/ann/remote rw master:1 shared:2 - fuse.sshfs ann@h: rw\n"
      "garbage line\n"
      "33 27 8:1 / relative rw - ext4 /dev/sda1 rw\n");
  REQUIRE(mounts.size() == 3);
  CHECK(mounts[0].path == "/proc");
  CHECK(mounts[0].fs_type == "proc");
  CHECK(mounts[1].path == "/mnt/my share");
  CHECK(mounts[1].fs_type == "nfs4");
  CHECK(mounts[2].path == "/home/ann/remote");
  CHECK(mounts[2].fs_type == "fuse.sshfs");
}

TEST_CASE("network, FUSE and kernel filesystems are never walked", "[unit][content_walk]") {
  for (const char* type : {"proc", "sysfs", "nfs", "nfs4", "cifs", "fuse", "fuse.sshfs", "9p"})
    CHECK(never_walked_fs_type(type));
  for (const char* type : {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs"})
    CHECK_FALSE(never_walked_fs_type(type));
}

TEST_CASE("the agent's mount table as host paths under the host root", "[unit][content_walk]") {
  const HostMounts at_root = host_mounts(HostFs("/"));
  CHECK(at_root.never.contains("/proc"));
  CHECK(at_root.all.contains("/proc"));
  const HostMounts under_proc = host_mounts(HostFs("/proc/"));
  CHECK(under_proc.all.contains("/"));
  CHECK_FALSE(under_proc.all.contains("/proc"));
}

TEST_CASE("mountinfo on fuzzed text", "[unit][content_walk]") {
  zt::test::fuzz_text(
      "22 27 0:21 / /proc rw,relatime - proc proc rw\n31 27 0:40 / /a\\040b rw - nfs4 s rw\n",
      [](std::string_view text) {
        for (const MountPoint& m : parse_mountinfo(text)) CHECK(m.path.starts_with('/'));
      });
}
