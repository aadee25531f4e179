#include "collectors/netconfig/acl_shadow.hpp"

#include <algorithm>

namespace zt::netconfig {
namespace {

// Every address `inner` matches is matched by `outer`: `outer` ignores at least the bits
// `inner` ignores, and the two agree on every bit `outer` compares.
bool covers_address(const AddressMatch& outer, const AddressMatch& inner) {
  if ((inner.wildcard & ~outer.wildcard) != 0) return false;
  return ((outer.address ^ inner.address) & ~outer.wildcard) == 0;
}

// Every port of `inner` (empty: all) is in `outer` (empty: all).
bool covers_ports(std::vector<PortRange> outer, const std::vector<PortRange>& inner) {
  if (outer.empty()) return true;
  const std::vector<PortRange> everything{PortRange{}};
  const std::vector<PortRange>& wanted = inner.empty() ? everything : inner;
  std::sort(outer.begin(), outer.end(),
            [](const PortRange& a, const PortRange& b) { return a.low < b.low; });
  std::vector<PortRange> merged;
  for (const PortRange& r : outer) {
    if (!merged.empty() && r.low <= static_cast<unsigned>(merged.back().high) + 1)
      merged.back().high = std::max(merged.back().high, r.high);
    else
      merged.push_back(r);
  }
  return std::all_of(wanted.begin(), wanted.end(), [&](const PortRange& w) {
    return std::any_of(merged.begin(), merged.end(), [&](const PortRange& m) {
      return m.low <= w.low && w.high <= m.high;
    });
  });
}

}  // namespace

bool covers(const AclEntry& earlier, const AclEntry& later) {
  if (!earlier.understood || earlier.qualified || !later.understood) return false;
  if (earlier.protocol != kAnyProtocol && earlier.protocol != later.protocol) return false;
  if (!covers_address(earlier.source, later.source) ||
      !covers_address(earlier.destination, later.destination))
    return false;
  if (!covers_ports(earlier.source_ports, later.source_ports) ||
      !covers_ports(earlier.destination_ports, later.destination_ports))
    return false;
  return !earlier.established || later.established;
}

ShadowAnalysis find_shadowed(const std::vector<AclEntry>& entries, std::size_t& budget) {
  ShadowAnalysis out;
  for (std::size_t later = 1; later < entries.size(); ++later) {
    if (!entries[later].understood) continue;
    for (std::size_t earlier = 0; earlier < later; ++earlier) {
      if (budget == 0) {
        out.complete = false;
        return out;
      }
      --budget;
      if (covers(entries[earlier], entries[later])) {
        out.dead.push_back({later, earlier});
        break;
      }
    }
  }
  return out;
}

}  // namespace zt::netconfig
