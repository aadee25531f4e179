#pragma once
// HostFs: every file a collector reads, read under the configured host root.
//
// Paths are host paths ("/etc/os-release"). They resolve under the root the way the kernel
// would resolve them inside a chroot at that root: "..", and absolute symlink targets, never
// leave it (a containerised agent with the host at /host reads /host/etc/…, never its own
// /etc). Reads are capped in size. Errors are values whose message names the host path (and
// the root, when it is not "/"). Thread-safe: it holds no mutable state.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::collector {

using model::Result;

enum class FileType { regular, directory, symlink, socket, other };

struct FileInfo {
  FileType type = FileType::other;
  std::uint32_t mode = 0;  // permission bits, e.g. 0644
  std::uint32_t uid = 0;
  std::uint32_t gid = 0;
  std::uint64_t size = 0;
  std::chrono::system_clock::time_point modified;
};

class HostFs {
 public:
  static constexpr std::size_t kDefaultMaxBytes = 16u << 20;

  explicit HostFs(std::filesystem::path root = "/");

  const std::filesystem::path& root() const { return root_; }

  // The whole file, or an error if it is missing, unreadable or larger than max_bytes.
  Result<std::string> read_file(std::string_view host_path,
                                std::size_t max_bytes = kDefaultMaxBytes) const;
  // Entry names (no "." or ".."), sorted.
  Result<std::vector<std::string>> list_dir(std::string_view host_path) const;
  // Follows symlinks (within the root).
  Result<FileInfo> stat(std::string_view host_path) const;
  bool exists(std::string_view host_path) const;
  // True when nothing is there (no such file or folder), as opposed to a file that exists but
  // cannot be read or a path that cannot be resolved (a symlink loop).
  bool is_missing(std::string_view host_path) const;
  // The target of a symlink, as written (e.g. "socket:[1234]" for /proc/<pid>/fd/3). The
  // parent folders resolve within the root; the link itself is not followed.
  Result<std::string> read_link(std::string_view host_path) const;
  // Where the host path is on this machine, symlinks resolved within the root.
  Result<std::filesystem::path> resolve(std::string_view host_path) const;

  // "/etc/shadow", or "/etc/shadow (under /host)": how messages name a host path.
  std::string describe(std::string_view host_path) const;

 private:
  std::filesystem::path root_;
};

}  // namespace zt::collector
