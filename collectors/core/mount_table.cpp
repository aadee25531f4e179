#include "collectors/core/mount_table.hpp"

#include <algorithm>

namespace zt::collector {
namespace {

// mountinfo writes space, tab, newline and backslash as \040, \011, \012 and \134.
std::string unescape(std::string_view field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size() &&
        std::all_of(field.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                    field.begin() + static_cast<std::ptrdiff_t>(i) + 4,
                    [](char c) { return c >= '0' && c <= '7'; })) {
      out += static_cast<char>((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 +
                               (field[i + 3] - '0'));
      i += 3;
    } else {
      out += field[i];
    }
  }
  return out;
}

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t next = std::min(line.find(' ', pos), line.size());
    if (next > pos) fields.push_back(line.substr(pos, next - pos));
    pos = next + 1;
  }
  return fields;
}

}  // namespace

std::vector<MountPoint> parse_mountinfo(std::string_view text) {
  // id parent major:minor root mount-point options [optional…] - fs-type source super-options
  std::vector<MountPoint> mounts;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::vector<std::string_view> fields = fields_of(text.substr(start, end - start));
    start = end + 1;
    const auto dash = std::find(fields.begin(), fields.end(), "-");
    if (fields.size() < 6 || dash == fields.end() || dash - fields.begin() < 6 ||
        dash + 1 == fields.end() || !fields[4].starts_with('/'))
      continue;
    mounts.push_back({unescape(fields[4]), std::string(*(dash + 1))});
  }
  return mounts;
}

bool never_walked_fs_type(std::string_view type) {
  static constexpr std::string_view kTypes[] = {
      "proc",    "sysfs",      "devtmpfs", "devpts",    "cgroup",   "cgroup2",     "debugfs",
      "tracefs", "securityfs", "bpf",      "pstore",    "efivarfs", "binfmt_misc", "nsfs",
      "mqueue",  "autofs",     "nfs",      "nfs4",      "cifs",     "smb3",        "smbfs",
      "ceph",    "afs",        "9p",       "glusterfs", "lustre",   "fuse",        "fuseblk"};
  return type.starts_with("fuse.") ||
         std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes);
}

HostMounts host_mounts(const HostFs& fs) {
  HostMounts mounts;
  // The agent's own view: the host root is a path in it.
  auto text = HostFs("/").read_file("/proc/self/mountinfo");
  if (!text) return mounts;
  std::string root = fs.root().string();
  while (root.size() > 1 && root.ends_with('/')) root.pop_back();
  for (const MountPoint& mount : parse_mountinfo(*text)) {
    std::string host_path;
    if (root == "/")
      host_path = mount.path;
    else if (mount.path == root)
      host_path = "/";
    else if (mount.path.starts_with(root + "/"))
      host_path = mount.path.substr(root.size());
    else
      continue;
    mounts.all.insert(host_path);
    if (never_walked_fs_type(mount.fs_type)) mounts.never.insert(host_path);
  }
  return mounts;
}

}  // namespace zt::collector
