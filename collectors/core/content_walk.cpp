// The pure decisions of the content walk: which detector wants a file by its name or path,
// which paths are excluded, and whether a file's head is text.
#include <fnmatch.h>

#include <string>

#include "collectors/core/content_walk.hpp"

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
  const std::string name_z(name);
  for (const std::string& glob : interest.name_globs)
    if (::fnmatch(glob.c_str(), name_z.c_str(), 0) == 0) return true;
  return interest.path_filter && interest.path_filter(host_path, name);
}

bool path_excluded(std::span<const std::string> exclude, std::string_view host_path) {
  // The kernel's pseudo filesystems, whatever the options say (the walk also refuses their
  // filesystem types, wherever they are mounted).
  for (const std::string_view never : {"/proc", "/sys", "/dev"})
    if (host_path.starts_with(never) &&
        (host_path.size() == never.size() || host_path[never.size()] == '/'))
      return true;
  if (exclude.empty()) return false;
  const std::string path_z(host_path);
  for (const std::string& glob : exclude)
    if (::fnmatch(glob.c_str(), path_z.c_str(), 0) == 0) return true;
  return false;
}

}  // namespace zt::collector
