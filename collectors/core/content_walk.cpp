// The pure decisions of the content walk, and its steps that are the same on every platform
// (content_walk_steps.hpp): which detector wants a file by its name or path,
// which paths are excluded, and whether a file's head is text.
#include "collectors/core/content_walk.hpp"

#include <algorithm>

#include "collectors/core/content_walk_steps.hpp"
#include "collectors/core/glob_match.hpp"

namespace zt::collector {

bool sniffs_as_text(std::string_view head) {
  // The first 8 KiB decide, as file(1) and git do: a NUL byte, or more than one control
  // character in 32 (other than whitespace and ESC), makes it binary. Bytes of 0x80 and
  // above are accepted: UTF-8 and Latin-1 text are text.
  const std::string_view sample = head.substr(0, 8192);
  std::size_t control = 0;
  for (const char c : sample) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == 0) return false;
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' &&
         byte != '\v' && byte != 0x1b) ||
        byte == 0x7f)
      ++control;
  }
  return control * 32 <= sample.size();
}

bool wants_name(const FileInterest& interest, std::string_view host_path, std::string_view name) {
  for (const std::string& glob : interest.name_globs)
    if (glob_match(glob, name)) return true;
  return interest.path_filter && interest.path_filter(host_path, name);
}

bool path_excluded(std::span<const std::string> exclude, std::string_view host_path) {
  // The kernel's pseudo filesystems, whatever the options say (the walk also refuses their
  // filesystem types, wherever they are mounted).
  for (const std::string_view never : {"/proc", "/sys", "/dev"})
    if (host_path.starts_with(never) &&
        (host_path.size() == never.size() || host_path[never.size()] == '/'))
      return true;
  for (const std::string& glob : exclude)
    if (glob_match(glob, host_path)) return true;
  return false;
}

namespace walk {

std::string child_path(std::string_view parent, std::string_view name) {
  std::string path(parent);
  if (path.empty() || path.back() != '/') path += '/';
  path += name;
  return path;
}

std::vector<std::string> components(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (pos < path.size()) {
    const std::size_t next = std::min(path.find('/', pos), path.size());
    if (next > pos) parts.emplace_back(path.substr(pos, next - pos));
    pos = next + 1;
  }
  return parts;
}

bool is_under(const std::vector<std::string>& path, const std::vector<std::string>& root) {
  return path.size() >= root.size() && std::equal(root.begin(), root.end(), path.begin());
}

std::vector<std::vector<std::string>> distinct_roots(const std::vector<std::string>& roots) {
  std::vector<std::vector<std::string>> all;
  for (const std::string& root : roots)
    if (root.starts_with('/')) all.push_back(components(root));
  std::vector<std::vector<std::string>> distinct;
  for (std::size_t i = 0; i < all.size(); ++i) {
    bool covered = false;
    for (std::size_t j = 0; j < all.size() && !covered; ++j)
      covered = j != i && is_under(all[i], all[j]) && (all[i] != all[j] || j < i);
    if (!covered) distinct.push_back(all[i]);
  }
  return distinct;
}

std::size_t first_root(const std::vector<std::vector<std::string>>& roots,
                       const std::vector<std::string>& cursor) {
  // Without a root holding the cursor (no cursor, or the roots changed) the walk starts over.
  std::size_t first = 0;
  for (std::size_t i = 0; i < roots.size() && !cursor.empty(); ++i)
    if (is_under(cursor, roots[i])) first = i;
  return first;
}

std::string_view spent_budget(const WalkBudget& budget, const WalkProgress& progress,
                              std::chrono::steady_clock::time_point start,
                              const std::function<bool()>& should_stop) {
  if (progress.files_seen >= budget.max_files) return "file budget";
  if (progress.bytes_read >= budget.max_bytes) return "byte budget";
  if (std::chrono::steady_clock::now() - start >= budget.max_time) return "time budget";
  if (should_stop && should_stop()) return "stopped";
  return {};
}

bool wants_binary(std::span<FileDetector* const> detectors, const std::vector<char>& wanted) {
  for (std::size_t i = 0; i < detectors.size(); ++i)
    if (wanted[i] && detectors[i]->interest().content == ContentKind::any) return true;
  return false;
}

bool size_wanted(std::span<FileDetector* const> detectors, std::uint64_t size) {
  for (const FileDetector* detector : detectors) {
    const std::uint64_t limit = detector->interest().max_size;
    if (limit == 0 || size <= limit) return true;
  }
  return false;
}

void hand_to_detectors(std::span<FileDetector* const> detectors, const std::vector<char>& wanted,
                       const WalkedFile& file, WalkProgress& progress) {
  bool handed = false;
  for (std::size_t i = 0; i < detectors.size(); ++i) {
    const FileInterest& interest = detectors[i]->interest();
    if (!(wanted[i] || (interest.every_text_file && file.text))) continue;
    if (interest.content == ContentKind::text_only && !file.text) continue;
    if (interest.max_size != 0 && file.info.size > interest.max_size) continue;
    detectors[i]->inspect(file);
    handed = true;
  }
  if (!handed) ++progress.skipped[std::string(file.text ? skip::kUnwanted : skip::kBinary)];
}

}  // namespace walk
}  // namespace zt::collector
