#include "schema-client/config/duration.hpp"

#include <charconv>
#include <limits>
#include <utility>

namespace zt::config {

namespace {

constexpr std::pair<char, long long> kUnits[] = {{'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  const char* const end = text.data() + text.size();
  long long count = 0;
  const auto [rest, error] = std::from_chars(text.data(), end, count);
  if (error != std::errc()) return std::nullopt;
  const std::string_view unit(rest, static_cast<std::size_t>(end - rest));
  long long scale = 0;
  if (unit.empty()) {
    scale = 1;
  } else if (unit.size() == 1) {
    for (const auto& [suffix, seconds] : kUnits) {
      if (unit[0] == suffix) scale = seconds;
    }
  }
  if (scale == 0) return std::nullopt;
  constexpr long long kMax = std::numeric_limits<long long>::max();
  if (count > kMax / scale || count < -kMax / scale) return std::nullopt;
  return std::chrono::seconds(count * scale);
}

std::string format_duration(std::chrono::seconds duration) {
  const long long count = duration.count();
  for (const auto& [suffix, seconds] : kUnits) {
    if (count != 0 && count % seconds == 0) return std::to_string(count / seconds) + suffix;
  }
  return std::to_string(count) + "s";
}

}  // namespace zt::config
