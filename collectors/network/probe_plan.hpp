#pragma once
// Which listening sockets the collector probes, and where it connects to probe them. Pure;
// never throws.
//
// Only TCP listeners are probed, in the order given (the collector sorts by port), each at
// most once, and never more than `max_ports` of them. The target is always this host:
// loopback of the same family for a wildcard bind (0.0.0.0 → 127.0.0.1, :: → ::1), the
// socket's own address otherwise (an IPv4-mapped address through IPv4). A link-local IPv6
// address is skipped: /proc/net does not say which interface's scope it has.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/network/listener.hpp"
#include "collectors/network/port_list.hpp"

namespace zt::network {

struct ProbeSettings {
  bool banners = true;
  bool tls = true;
  std::size_t max_ports = 32;
  std::vector<PortRange> allow;  // empty: every port
  std::vector<PortRange> deny;
};

struct PlannedProbe {
  std::size_t listener = 0;        // index into the listeners
  std::optional<Endpoint> target;  // set when it is to be probed
  std::string skipped;             // why not, when target is not set
};

std::optional<Endpoint> probe_target(const Listener& listener);

// `refusal`, when not empty, is why no live probing happens at all (e.g. the host root is not
// "/"): every TCP listener is then skipped with it.
std::vector<PlannedProbe> plan_probes(const std::vector<Listener>& listeners,
                                      const ProbeSettings& settings, std::string_view refusal);

}  // namespace zt::network
