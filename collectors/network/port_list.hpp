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

// An entry of a port list option: parse_port_range, or the problem, naming the entry.
model::Result<PortRange> port_range_option(std::string_view text);

bool contains(const std::vector<PortRange>& ranges, std::uint16_t port);

}  // namespace zt::network
