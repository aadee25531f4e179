#include "schema-client/vuln/version_rpm.hpp"

#include "schema-client/vuln/version_chars.hpp"

namespace zt::vuln {
namespace {

// A byte that is part of no segment and no '~' or '^': rpmvercmp skips it.
constexpr bool is_separator(char c) {
  return !is_ascii_digit(c) && !is_ascii_alpha(c) && c != '~' && c != '^';
}

// The byte at `at`, or NUL past the end, as the C code sees its string.
constexpr char at_or_nul(std::string_view text, std::size_t at) {
  return at < text.size() ? text[at] : '\0';
}

std::string_view segment(std::string_view text, std::size_t& at, bool numeric) {
  const std::size_t start = at;
  while (at < text.size() && (numeric ? is_ascii_digit(text[at]) : is_ascii_alpha(text[at]))) {
    ++at;
  }
  return text.substr(start, at - start);
}

}  // namespace

int compare_rpm_segments(std::string_view a, std::string_view b) {
  a = until_nul(a);
  b = until_nul(b);
  if (a == b) return 0;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    while (i < a.size() && is_separator(a[i])) ++i;
    while (j < b.size() && is_separator(b[j])) ++j;
    const char ca = at_or_nul(a, i);
    const char cb = at_or_nul(b, j);
    if (ca == '~' || cb == '~') {  // before everything, the end included
      if (ca != cb) return ca == '~' ? -1 : 1;
      ++i;
      ++j;
      continue;
    }
    if (ca == '^' || cb == '^') {  // after the end, before everything else
      if (ca == '\0') return -1;
      if (cb == '\0') return 1;
      if (ca != cb) return ca == '^' ? -1 : 1;
      ++i;
      ++j;
      continue;
    }
    if (ca == '\0' || cb == '\0') break;

    const bool numeric = is_ascii_digit(ca);  // a's segment decides the kind of both
    const std::string_view sa = segment(a, i, numeric);
    const std::string_view sb = segment(b, j, numeric);
    if (sb.empty()) return numeric ? 1 : -1;  // a number beats letters
    const int order = numeric ? compare_digit_runs(sa, sb) : sa.compare(sb);
    if (order != 0) return order < 0 ? -1 : 1;
  }
  // Every segment matched: the side with bytes left over (not separators) is the greater.
  if (i >= a.size() && j >= b.size()) return 0;
  return i >= a.size() ? -1 : 1;
}

RpmEvr split_rpm_evr(std::string_view evr) {
  evr = until_nul(evr);
  RpmEvr parts;
  std::size_t digits = 0;
  while (digits < evr.size() && is_ascii_digit(evr[digits])) ++digits;
  if (digits < evr.size() && evr[digits] == ':') {
    parts.epoch = evr.substr(0, digits);
    evr.remove_prefix(digits + 1);
  }
  const std::size_t hyphen = evr.rfind('-');
  parts.version = evr.substr(0, hyphen);
  if (hyphen != std::string_view::npos) parts.release = evr.substr(hyphen + 1);
  return parts;
}

int compare_rpm_evr(const RpmEvr& a, const RpmEvr& b) {
  const auto epoch = [](std::string_view e) { return e.empty() ? std::string_view("0") : e; };
  if (const int order = compare_rpm_segments(epoch(a.epoch), epoch(b.epoch)); order != 0) {
    return order;
  }
  if (const int order = compare_rpm_segments(a.version, b.version); order != 0) return order;
  if (a.release && b.release) return compare_rpm_segments(*a.release, *b.release);
  if (a.release.has_value() != b.release.has_value()) return a.release ? 1 : -1;
  return 0;
}

int compare_rpm(std::string_view a, std::string_view b) {
  return compare_rpm_evr(split_rpm_evr(a), split_rpm_evr(b));
}

}  // namespace zt::vuln
