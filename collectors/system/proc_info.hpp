#pragma once
// Parsers for the small /proc files the system collector reads. Pure; never throw.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zt::system {

// /proc/sys/kernel/osrelease: the running kernel's release ("6.1.0-28-amd64"), the first line
// trimmed; nullopt when it is empty.
std::optional<std::string> parse_kernel_release(std::string_view text);

// /proc/uptime: "<seconds since boot> <idle seconds>"; the first number in whole seconds
// (rounded down), nullopt unless it is a non-negative decimal number.
std::optional<std::int64_t> parse_uptime_seconds(std::string_view text);

}  // namespace zt::system
