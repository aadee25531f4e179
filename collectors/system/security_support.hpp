#pragma once
// Parses the lists of Debian's debian-security-support package, and matches their package
// patterns. Pure; never throw.
//
// /usr/share/debian-security-support/security-support-ended.deb<N> (one per Debian major
// release N) names the source packages whose security support ends before the release's:
//   <source pattern>  <last supported version>  <YYYY-MM-DD>  [details…]
// and security-support-limited (one file, for the release the package was built for) the
// source packages whose support is limited to some uses:
//   <source pattern>  [details…]
// Columns are separated by runs of spaces or tabs; '#' starts a comment line; blank lines are
// ignored. The pattern is matched against the whole source package name as a Perl regular
// expression (check-support-status uses `grep -P -x`); in practice it is a name, sometimes
// followed by ".*" ("php-horde.*", "golang.*").
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/system/civil_date.hpp"

namespace zt::system {

struct SupportEndedEntry {
  std::string pattern;
  std::string last_version;  // "0" when no version had support
  Date date;                 // when support ended, or will end
  std::string details;       // the rest of the line, trimmed; may be empty
  std::size_t line = 0;      // 1-based line number in the file
  std::string text;          // the whole line, trimmed: the evidence

  bool operator==(const SupportEndedEntry&) const = default;
};

struct SupportEndedList {
  std::vector<SupportEndedEntry> entries;
  // Lines with fewer than three columns or a third column that is not a date.
  std::size_t malformed_lines = 0;
};

struct SupportLimitedEntry {
  std::string pattern;
  std::string details;
  std::size_t line = 0;
  std::string text;

  bool operator==(const SupportLimitedEntry&) const = default;
};

struct SupportLimitedList {
  std::vector<SupportLimitedEntry> entries;
};

SupportEndedList parse_security_support_ended(std::string_view text);
SupportLimitedList parse_security_support_limited(std::string_view text);

// A list's package pattern, compiled once. A pattern made of name characters ('.' matching
// any one) is compared directly; any other is a regular expression (ECMAScript, which agrees
// with Perl's on what these lists use). A pattern that is not a valid expression, or a
// regular expression longer than 200 characters, matches nothing.
class SourcePattern {
 public:
  explicit SourcePattern(std::string_view pattern);
  ~SourcePattern();
  SourcePattern(SourcePattern&&) noexcept;
  SourcePattern& operator=(SourcePattern&&) noexcept;

  bool matches(std::string_view source_package) const;
  bool valid() const { return valid_; }

 private:
  struct Regex;
  std::string pattern_;
  bool literal_ = true;
  bool valid_ = true;
  std::unique_ptr<Regex> regex_;
};

}  // namespace zt::system
