#pragma once
// Wall-clock instants as the wire format writes them: RFC 3339 in UTC with milliseconds,
// "2026-11-26T17:28:48.123Z".
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace zt::model {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

Timestamp now();
std::string format_timestamp(Timestamp t);
// Accepts "YYYY-MM-DDTHH:MM:SS[.fff]Z" and numeric offsets ("+02:00"); nullopt otherwise.
std::optional<Timestamp> parse_timestamp(std::string_view text);
// "YYYY-MM-DD" with a real calendar date.
bool is_valid_date(std::string_view text);

}  // namespace zt::model
