#pragma once
// Calendar dates (UTC days) as the system collector's findings and lists write them:
// "YYYY-MM-DD". Pure; never throw.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace zt::system {

using Date = std::chrono::sys_days;

// Exactly "YYYY-MM-DD" (four-digit year, two-digit month and day) naming a real calendar
// day; nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);

// "YYYY-MM-DD"; years outside 0..9999 are clamped to those bounds' format width.
std::string format_iso_date(Date date);

// Whole days from `from` to `to` (negative when `to` is earlier).
inline long long days_between(Date from, Date to) { return (to - from).count(); }

}  // namespace zt::system
