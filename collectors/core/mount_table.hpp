#pragma once
// The mount points under the host root, from the agent's own mount table
// (/proc/self/mountinfo), so the content walk knows a mount point before it opens it: a hung
// network or FUSE mount can block an open, and the walk never opens one. Mount points are
// given as host paths (the host root's prefix taken off; mounts outside it dropped).
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_fs.hpp"

namespace zt::collector {

struct MountPoint {
  std::string path;     // as the agent sees it, "\040"-style escapes decoded
  std::string fs_type;  // "ext4", "nfs4", "fuse.sshfs"
};

struct HostMounts {
  std::set<std::string> all;    // host paths of every mount point under the host root
  std::set<std::string> never;  // of those, the ones never walked (never_walked_fs_type)
};

// One MountPoint per well-formed line of /proc/<pid>/mountinfo; other lines are skipped. Pure.
std::vector<MountPoint> parse_mountinfo(std::string_view text);
// The kernel's views, network filesystems and FUSE: proc, sysfs, devtmpfs, devpts, cgroup*,
// debugfs, tracefs, securityfs, bpf, pstore, efivarfs, binfmt_misc, nsfs, mqueue, autofs,
// nfs*, cifs, smb*, ceph, afs, 9p, glusterfs, lustre, fuse and fuse.*. Pure.
bool never_walked_fs_type(std::string_view fs_type);
// The agent's mount table, relative to `fs`'s root; empty when it cannot be read (the walk
// then relies on its fstat/fstatfs checks alone).
HostMounts host_mounts(const HostFs& fs);

}  // namespace zt::collector
