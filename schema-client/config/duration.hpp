#pragma once
// Durations as the configuration writes them: a number of seconds ("90") or a number with
// one unit: s, m, h or d ("90s", "5m", "1h", "1d").
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace zt::config {

// nullopt when `text` is not of that form or does not fit in a long long of seconds.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// The shortest exact form: 86400 s → "1d", 5400 s → "90m", 61 s → "61s".
std::string format_duration(std::chrono::seconds duration);

}  // namespace zt::config
