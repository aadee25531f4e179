#pragma once
// What the dpkg and rpm orderings share, kept in one place (internal to schema-client/vuln):
// the tools' ASCII-only character classes, the C string they actually read, and the
// comparison of two runs of digits as numbers of any length.
#include <algorithm>
#include <string_view>

namespace zt::vuln {

// ASCII only, as dpkg's c_isdigit/c_isalpha and rpm's risdigit/risalpha: a byte of 0x80 or
// more is neither, whatever the locale.
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// dpkg and rpm take C strings, so a NUL byte ends the version they see: the same here.
constexpr std::string_view until_nul(std::string_view text) {
  return text.substr(0, text.find('\0'));
}

// Two runs of ASCII digits compared as the numbers they write, whatever their length: leading
// zeros do not count, then the longer number is the greater, then the first differing digit.
// Neither tool converts to an integer, so neither overflows.
constexpr int compare_digit_runs(std::string_view a, std::string_view b) {
  a.remove_prefix(std::min(a.find_first_not_of('0'), a.size()));
  b.remove_prefix(std::min(b.find_first_not_of('0'), b.size()));
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  const int order = a.compare(b);
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

}  // namespace zt::vuln
