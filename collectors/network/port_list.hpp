#pragma once
// Port lists of the options probe_ports_allow / probe_ports_deny: entries such as "443" or
// "8000-8100". Pure; never throws.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::network {

struct PortRange {
  std::uint16_t first = 0;
  std::uint16_t last = 0;
  bool operator==(const PortRange&) const = default;
};

// "443" → {443, 443}; "8000-8100" → {8000, 8100}; spaces around the numbers and the dash are
// allowed. Ports are 1..65535 and first <= last; anything else is nullopt.
std::optional<PortRange> parse_port_range(std::string_view text);

// Every entry parsed; the error names the first bad entry and its position.
model::Result<std::vector<PortRange>> parse_port_list(const std::vector<std::string>& entries);

bool contains(const std::vector<PortRange>& ranges, std::uint16_t port);

}  // namespace zt::network
