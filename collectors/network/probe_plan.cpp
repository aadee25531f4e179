#include "collectors/network/probe_plan.hpp"

namespace zt::network {

std::optional<Endpoint> probe_target(const Listener& listener) {
  const std::string& a = listener.address;
  if (a == "0.0.0.0") return Endpoint{Family::ipv4, "127.0.0.1", listener.port};
  if (a == "::") return Endpoint{Family::ipv6, "::1", listener.port};
  if (a.starts_with("::ffff:") && a.find('.') != std::string::npos)
    return Endpoint{Family::ipv4, a.substr(7), listener.port};
  if (listener.family == Family::ipv6 && (a.starts_with("fe8") || a.starts_with("fe9") ||
                                          a.starts_with("fea") || a.starts_with("feb")))
    return std::nullopt;
  return Endpoint{listener.family, a, listener.port};
}

std::vector<PlannedProbe> plan_probes(const std::vector<Listener>& listeners,
                                      const ProbeSettings& settings, std::string_view refusal) {
  std::vector<PlannedProbe> plan;
  std::size_t planned = 0;
  for (std::size_t i = 0; i < listeners.size(); ++i) {
    const Listener& l = listeners[i];
    if (l.protocol != Protocol::tcp) continue;
    PlannedProbe p{i, std::nullopt, {}};
    if (!refusal.empty()) {
      p.skipped = std::string(refusal);
    } else if (!settings.banners && !settings.tls) {
      p.skipped = "probing disabled (probe_banners and probe_tls are false)";
    } else if (!settings.allow.empty() && !contains(settings.allow, l.port)) {
      p.skipped = "port not in probe_ports_allow";
    } else if (contains(settings.deny, l.port)) {
      p.skipped = "port in probe_ports_deny";
    } else if (planned >= settings.max_ports) {
      p.skipped = "cap of " + std::to_string(settings.max_ports) +
                  " probed ports per run (max_probed_ports) reached";
    } else if (auto target = probe_target(l)) {
      p.target = std::move(*target);
      ++planned;
    } else {
      p.skipped = "link-local address: /proc/net does not give its interface";
    }
    plan.push_back(std::move(p));
  }
  return plan;
}

}  // namespace zt::network
