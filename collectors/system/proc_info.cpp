#include "collectors/system/proc_info.hpp"

#include <charconv>
#include <cmath>

#include "collectors/core/text.hpp"

namespace zt::system {

std::optional<std::string> parse_kernel_release(std::string_view text) {
  const auto lines = collector::split_lines(text);
  if (lines.empty()) return std::nullopt;
  const std::string_view release = collector::trim(lines.front());
  if (release.empty()) return std::nullopt;
  return std::string(release);
}

std::optional<std::int64_t> parse_uptime_seconds(std::string_view text) {
  const auto words = collector::split_whitespace(collector::trim(text));
  if (words.empty()) return std::nullopt;
  const std::string_view first = words.front();
  double seconds = 0;
  const auto [end, ec] = std::from_chars(first.data(), first.data() + first.size(), seconds,
                                         std::chars_format::fixed);
  if (ec != std::errc{} || end != first.data() + first.size()) return std::nullopt;
  // 2^62 s is far beyond any uptime; the bound keeps the conversion defined.
  if (!std::isfinite(seconds) || seconds < 0 || seconds > 4.0e18) return std::nullopt;
  return static_cast<std::int64_t>(std::floor(seconds));
}

}  // namespace zt::system
