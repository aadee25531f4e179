#include "collectors/system/security_support.hpp"

#include <regex>

#include "collectors/core/text.hpp"

namespace zt::system {
namespace {

struct Columns {
  std::vector<std::string_view> words;  // the first `wanted` columns
  std::string_view rest;                // what follows them, trimmed
};

// Splits off the first `wanted` whitespace-separated columns of a trimmed line.
Columns take_columns(std::string_view line, std::size_t wanted) {
  Columns out;
  std::size_t i = 0;
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (out.words.size() < wanted && i < line.size()) {
    while (i < line.size() && blank(line[i])) ++i;
    const std::size_t start = i;
    while (i < line.size() && !blank(line[i])) ++i;
    if (i > start) out.words.push_back(line.substr(start, i - start));
  }
  out.rest = collector::trim(line.substr(std::min(i, line.size())));
  return out;
}

bool is_content(std::string_view line) { return !line.empty() && line.front() != '#'; }

constexpr std::size_t kMaxRegexLength = 200;

}  // namespace

SupportEndedList parse_security_support_ended(std::string_view text) {
  SupportEndedList out;
  std::size_t number = 0;
  for (std::string_view raw : collector::split_lines(text)) {
    ++number;
    const std::string_view line = collector::trim(raw);
    if (!is_content(line)) continue;
    const Columns c = take_columns(line, 3);
    const std::optional<Date> date =
        c.words.size() == 3 ? parse_iso_date(c.words[2]) : std::nullopt;
    if (!date) {
      ++out.malformed_lines;
      continue;
    }
    out.entries.push_back({std::string(c.words[0]), std::string(c.words[1]), *date,
                           std::string(c.rest), number, std::string(line)});
  }
  return out;
}

SupportLimitedList parse_security_support_limited(std::string_view text) {
  SupportLimitedList out;
  std::size_t number = 0;
  for (std::string_view raw : collector::split_lines(text)) {
    ++number;
    const std::string_view line = collector::trim(raw);
    if (!is_content(line)) continue;
    const Columns c = take_columns(line, 1);
    out.entries.push_back(
        {std::string(c.words.at(0)), std::string(c.rest), number, std::string(line)});
  }
  return out;
}

struct SourcePattern::Regex {
  std::regex regex;
};

SourcePattern::SourcePattern(std::string_view pattern) : pattern_(pattern) {
  for (char c : pattern_) {
    const bool name_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') || c == '-' || c == '.';
    literal_ = literal_ && name_char;
  }
  if (literal_) return;
  // libstdc++ compiles a regex recursively: a very long (deeply nested) pattern could exhaust
  // the stack. Source package names are far shorter than this.
  if (pattern_.size() > kMaxRegexLength) {
    valid_ = false;
    return;
  }
  try {
    regex_ = std::make_unique<Regex>(Regex{std::regex(pattern_, std::regex::ECMAScript)});
  } catch (const std::exception&) {  // std::regex_error, or bad_alloc on a monstrous one
    valid_ = false;
  }
}

SourcePattern::~SourcePattern() = default;
SourcePattern::SourcePattern(SourcePattern&&) noexcept = default;
SourcePattern& SourcePattern::operator=(SourcePattern&&) noexcept = default;

bool SourcePattern::matches(std::string_view source) const {
  if (!valid_) return false;
  if (literal_) {
    if (source.size() != pattern_.size()) return false;
    for (std::size_t i = 0; i < source.size(); ++i)
      if (pattern_[i] != '.' && pattern_[i] != source[i]) return false;
    return true;
  }
  try {
    return std::regex_match(source.begin(), source.end(), regex_->regex);
  } catch (const std::exception&) {  // std::regex_error(error_complexity/error_stack)
    return false;
  }
}

}  // namespace zt::system
