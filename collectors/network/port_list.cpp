#include "collectors/network/port_list.hpp"

#include <charconv>

#include "collectors/core/text.hpp"

namespace zt::network {
namespace {

std::optional<std::uint16_t> parse_port(std::string_view text) {
  text = collector::trim(text);
  if (text.empty() || text.size() > 5) return std::nullopt;
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (value < 1 || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::optional<PortRange> parse_port_range(std::string_view text) {
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) {
    auto port = parse_port(text);
    if (!port) return std::nullopt;
    return PortRange{*port, *port};
  }
  auto first = parse_port(text.substr(0, dash));
  auto last = parse_port(text.substr(dash + 1));
  if (!first || !last || *first > *last) return std::nullopt;
  return PortRange{*first, *last};
}

model::Result<PortRange> port_range_option(std::string_view text) {
  if (auto range = parse_port_range(text)) return *range;
  return model::Error{"\"" + std::string(text) +
                      "\" is not a port (1..65535) or a range of ports (\"8000-8100\")"};
}

bool contains(const std::vector<PortRange>& ranges, std::uint16_t port) {
  for (const PortRange& r : ranges)
    if (port >= r.first && port <= r.last) return true;
  return false;
}

}  // namespace zt::network
