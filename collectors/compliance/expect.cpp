#include "collectors/compliance/expect.hpp"

#include <algorithm>
#include <charconv>

#include "collectors/core/text.hpp"

namespace zt::compliance {
namespace {

// Equal as numbers when both are numbers, else as text.
bool same(std::string_view expected, std::string_view observed) {
  const auto a = parse_number(expected);
  const auto b = parse_number(observed);
  if (a && b) return *a == *b;
  return expected == observed;
}

bool in_list(const std::vector<std::string>& values, std::string_view observed) {
  return std::any_of(values.begin(), values.end(),
                     [&](const std::string& v) { return same(v, observed); });
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ", ") + v;
  return "[" + out + "]";
}

}  // namespace

std::optional<long long> parse_number(std::string_view text) {
  text = collector::trim(text);
  const bool negative = text.starts_with('-');
  if (negative) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  const int base = text.size() > 1 && text.front() == '0' ? 8 : 10;
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return negative ? -value : value;
}

bool expect_holds(const Expect& expect, std::string_view observed) {
  using Op = Expect::Op;
  const auto number = parse_number(observed);
  switch (expect.op) {
    case Op::equals: return same(expect.values.front(), observed);
    case Op::not_equals: return !same(expect.values.front(), observed);
    case Op::matches:
      return std::regex_match(observed.begin(), observed.end(), *expect.regex->compiled);
    case Op::in: return in_list(expect.values, observed);
    case Op::not_in: return !in_list(expect.values, observed);
    case Op::min: return number && *number >= expect.low;
    case Op::max: return number && *number <= expect.high;
    case Op::between: return number && *number >= expect.low && *number <= expect.high;
  }
  return false;
}

std::string describe(const Expect& expect) {
  using Op = Expect::Op;
  switch (expect.op) {
    case Op::equals: return "equals " + expect.values.front();
    case Op::not_equals: return "not equals " + expect.values.front();
    case Op::matches: return "matches " + expect.regex->source;
    case Op::in: return "in " + joined(expect.values);
    case Op::not_in: return "not in " + joined(expect.values);
    case Op::min: return "min " + std::to_string(expect.low);
    case Op::max: return "max " + std::to_string(expect.high);
    case Op::between:
      return "between " + std::to_string(expect.low) + " and " + std::to_string(expect.high);
  }
  return "";
}

}  // namespace zt::compliance
