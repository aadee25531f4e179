#pragma once
// One bounded walk of the host's files for every content check (secrets, personal data,
// wallets): detectors subscribe, the walk reads each file once and hands it to every
// detector that asked for it. No content collector walks on its own.
//
// How a collector subscribes:
//   1. Derive from `FileDetector`: `interest()` says which files it wants (name globs, a path
//      predicate, or every text file; a size limit; text only or binaries too), `inspect()`
//      gets each wanted file: its host path, mode/owner/size (from fstat after open) and the
//      first `WalkOptions::head_bytes` of its content.
//   2. Call `walk_content(fs, options, detectors, cursor, should_stop)` once per run, with
//      `detectors` (e.g. a std::vector<FileDetector*>) holding the detectors of every content
//      collector that runs; keep the returned `WalkProgress::resume_at` and pass it as
//      `cursor` next time.
// Detectors are called on the walking thread, one file at a time, in walk order; they keep
// what they found themselves (the walk returns only counts).
//
// Bounds: only under `roots` (host paths, resolved within the host root by HostFs), minus
// `exclude` (globs on the host path, glob_match.hpp, "*" crossing "/") and the kernel's pseudo
// filesystems (/proc, /sys, /dev are never walked; no proc/sysfs/devtmpfs/network/fuse mount
// is entered, whatever the options say); another filesystem than its root's only when
// `cross_filesystems` is set. Mount points are known from the mount table before they are
// opened (mount_table.hpp), and each folder on a new device is checked again with fstatfs. Symlinks are never followed (the walk descends through real
// directory entries opened with O_NOFOLLOW relative to their parent, so it cannot leave the
// root). Files are opened O_NONBLOCK|O_NOFOLLOW and checked to be regular with fstat, so a
// FIFO, socket or device never blocks it. A file or folder that cannot be read is counted and
// named in `problems` (the first few), and the walk goes on. A file that changes while it is
// read is handed as read (never more than head_bytes) and counted.
//
// Budget: files examined, bytes read, depth, wall time, and `should_stop` (the run's
// deadline). The walk goes in a fixed order (roots in order, entries sorted by name, depth
// first), so a walk cut by its budget names the next entry it did not examine
// (`resume_at`), and a walk given that cursor starts exactly there: two runs cover the tree
// once. A walk that ends returns an empty `resume_at` (the next one starts over).
// Thread-safe as far as its arguments are: it holds no state of its own.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_fs.hpp"

namespace zt::collector {

enum class ContentKind { text_only, any };

// What a detector wants. A file is wanted when its name matches one of `name_globs`
// (glob_match.hpp on the file name, e.g. ".env*", "*.pem", "id_*"), or `path_filter` accepts its
// host path, or `every_text_file` is set and its content sniffs as text.
struct FileInterest {
  std::vector<std::string> name_globs;
  std::function<bool(std::string_view host_path, std::string_view name)> path_filter;
  bool every_text_file = false;
  ContentKind content = ContentKind::text_only;
  std::uint64_t max_size = 0;  // larger files are not handed to it; 0: any size (their head)
};

struct WalkedFile {
  std::string_view path;   // host path ("/home/ann/.env")
  std::string_view name;   // its last component
  FileInfo info;           // from fstat of the opened file
  std::string_view head;   // the first min(size, head_bytes) bytes, as read
  bool truncated = false;  // the file is larger than head
  bool changed = false;    // its size or mtime changed while it was read
  bool text = false;       // the head sniffs as text (no NUL, mostly printable or UTF-8)
  // Whether every folder from the walk's root down to the file lets others (o+x), or the
  // members of a group (g+x or o+x), through: a world-readable file in a 0700 home is not
  // exposed to others.
  bool others_can_reach = true;
  bool group_can_reach = true;
};

class FileDetector {
 public:
  virtual ~FileDetector() = default;
  virtual const FileInterest& interest() const = 0;
  virtual void inspect(const WalkedFile& file) = 0;
};

struct WalkBudget {
  std::uint64_t max_files = 200000;        // regular files examined
  std::uint64_t max_bytes = 512ull << 20;  // bytes read, all files together
  int max_depth = 24;                      // folders below a root
  std::chrono::milliseconds max_time{std::chrono::minutes(5)};
};

struct WalkOptions {
  std::vector<std::string> roots{"/home", "/root", "/etc", "/opt", "/srv", "/var/www", "/tmp"};
  std::vector<std::string> exclude;
  bool cross_filesystems = false;
  std::size_t head_bytes = 1u << 20;  // read at most this much of each file
  WalkBudget budget;
};

struct WalkProgress {
  bool complete = false;
  // "file budget", "byte budget", "time budget" or "stopped"; "" if complete.
  std::string stop_reason;
  std::string resume_at;  // host path of the first entry not examined; "" if complete
  std::uint64_t files_seen = 0;  // regular files examined (the file budget counts these)
  std::uint64_t files_read = 0;  // of which opened and read (wanted by a detector)
  std::uint64_t bytes_read = 0;
  std::uint64_t dirs = 0;
  std::map<std::string, std::uint64_t> skipped;  // by reason ("symlink", "unreadable", …)
  std::vector<std::string> problems;             // the first kMaxProblems, naming the path
  std::chrono::milliseconds elapsed{0};

  static constexpr std::size_t kMaxProblems = 20;
};

// Skip reasons, as counted in WalkProgress::skipped.
namespace skip {
inline constexpr std::string_view kSymlink = "symlink";
inline constexpr std::string_view kSpecial = "not a regular file";
inline constexpr std::string_view kUnreadable = "unreadable";
inline constexpr std::string_view kUnwanted = "no detector wants it";
inline constexpr std::string_view kBinary = "binary";
inline constexpr std::string_view kExcluded = "excluded";
inline constexpr std::string_view kOtherFilesystem = "other filesystem";
inline constexpr std::string_view kPseudoFilesystem = "pseudo or network filesystem";
inline constexpr std::string_view kTooDeep = "depth limit";
inline constexpr std::string_view kChanged = "changed while read";  // counted, still handed
}  // namespace skip

WalkProgress walk_content(const HostFs& fs, const WalkOptions& options,
                          std::span<FileDetector* const> detectors, std::string_view cursor = {},
                          const std::function<bool()>& should_stop = {});

// The pieces the walk decides with, pure (tested on their own).
bool sniffs_as_text(std::string_view head);
bool wants_name(const FileInterest& interest, std::string_view host_path, std::string_view name);
bool path_excluded(std::span<const std::string> exclude, std::string_view host_path);

}  // namespace zt::collector
