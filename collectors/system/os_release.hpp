#pragma once
// Parses os-release(5) text (/etc/os-release or /usr/lib/os-release): KEY=value lines, values
// optionally quoted shell-style, '#' comments and blank lines ignored. Pure; never throws.
// Malformed lines (no '=', a key that is not a shell variable name) are skipped; an
// unterminated quote takes the rest of the line.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace zt::system {

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

}  // namespace zt::system
