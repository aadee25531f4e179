#pragma once
// The host's os-release(5): read_os_release reads /etc/os-release, else /usr/lib/os-release,
// through HostFs (for the system collector and for the agent's own description of the host);
// parse_os_release parses the text: KEY=value lines, values optionally quoted shell-style, '#'
// comments and blank lines ignored. Malformed lines (no '=', a key that is not a shell
// variable name) are skipped; an unterminated quote takes the rest of the line. Never throw.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_fs.hpp"
#include "schema-client/model/result.hpp"

namespace zt::collector {

struct OsRelease {
  // Defaults are those os-release(5) prescribes for a missing key.
  std::string id = "linux";
  std::vector<std::string> id_like;  // ID_LIKE, split on whitespace
  std::string name = "Linux";
  std::string version_id;
  std::string version_codename;
  std::string pretty_name = "Linux";
  // Every assignment, unquoted, in case a caller needs a key not named above.
  std::map<std::string, std::string, std::less<>> values;
};

OsRelease parse_os_release(std::string_view text);

// One shell-style word: '…' taken literally, "…" with \$ \` \" \\ escapes, an unquoted
// backslash escaping the next character. Unquoted whitespace ends the word.
std::string parse_shell_value(std::string_view raw);

inline constexpr std::string_view kOsReleasePath = "/etc/os-release";
inline constexpr std::string_view kOsReleaseFallbackPath = "/usr/lib/os-release";

struct OsReleaseFile {
  std::string_view path;  // kOsReleasePath or kOsReleaseFallbackPath
  std::string text;
};

// /etc/os-release, or /usr/lib/os-release when it cannot be read. `problems`, when given,
// gets the error of an /etc/os-release that exists but could not be read while the fallback
// could. The error says why neither could be read.
model::Result<OsReleaseFile> read_os_release(const HostFs& fs,
                                             std::vector<std::string>* problems);

// read_os_release, parsed.
model::Result<OsRelease> read_host_os_release(const HostFs& fs);

}  // namespace zt::collector
