#pragma once
// SpoolDir: one of the spool's folders, held open by a descriptor; every operation is relative
// to it (openat, renameat, unlinkat), so the spool keeps working on the folder it opened and
// never follows a symbolic link planted inside it. Files are written crash-consistently:
// "<name>.tmp" is written, fsynced, renamed over <name>, then the folder is fsynced. Folders
// are mode 0700, files 0600, whatever the umask.
//
// Errors are values whose message names the path, the operation and the errno text
// ("/var/lib/zerotrace/spool/…batch.tmp: write: No space left on device"). Nothing throws
// but allocation. A SpoolDir may be used from several threads at once: each call is a few
// system calls on its own descriptors; callers keep two threads off the same file name.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::transport {

class SpoolDir {
 public:
  enum class Kind { file, directory, other };
  struct Entry {
    std::string name;
    Kind kind = Kind::other;
    std::uint64_t size = 0;
    unsigned mode = 0;         // permission bits
    model::Timestamp mtime{};  // kept by a rename: when the content was written
  };

  // Creates `path` and any missing parents (mode 0700) and opens it. Follows symbolic links:
  // the agent's state directory may be one.
  static model::Result<SpoolDir> open(const std::filesystem::path& path);
  // Creates (0700) and opens the folder `name` inside this one; never through a symbolic
  // link; an existing folder with looser permissions is tightened to 0700.
  model::Result<SpoolDir> open_child(const std::string& name) const;

  SpoolDir(SpoolDir&& other) noexcept;
  SpoolDir& operator=(SpoolDir&& other) noexcept;
  SpoolDir(const SpoolDir&) = delete;
  SpoolDir& operator=(const SpoolDir&) = delete;
  ~SpoolDir();

  const std::filesystem::path& path() const { return path_; }

  model::Result<std::vector<Entry>> list() const;
  // tmp, fsync, rename, fsync the folder; mode 0600. On failure the tmp file is removed.
  model::Status write_durably(const std::string& name, std::string_view data) const;
  // The whole file; an error when it is larger than `limit` bytes.
  model::Result<std::string> read(const std::string& name, std::uint64_t limit) const;
  // At most the first `max` bytes of the file (fewer if it is shorter).
  model::Result<std::string> read_prefix(const std::string& name, std::size_t max) const;
  // The file from `offset` to its end in pieces, each passed to `sink`; returns the bytes
  // read. Holds at most one piece in memory.
  model::Result<std::uint64_t> read_pieces(const std::string& name, std::uint64_t offset,
                                           const std::function<void(std::string_view)>& sink) const;
  // Deletes the file and fsyncs the folder. A file already gone is not an error.
  model::Status remove(const std::string& name) const;
  // Renames `name` into `to` as `target` or, when that is taken, "<target>.1", "<target>.2"…
  // (never replacing a file), then fsyncs both folders. Returns the name used in `to`.
  model::Result<std::string> move_to(const std::string& name, const SpoolDir& to,
                                     const std::string& target) const;
  // Sets a file's mode to 0600.
  model::Status make_private(const std::string& name) const;
  model::Status sync() const;

 private:
  SpoolDir(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::filesystem::path path_;
};

}  // namespace zt::transport
