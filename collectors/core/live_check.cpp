// The parts of live checks that are not I/O: where to reach a server, the record of a check,
// and the plan of a run's checks (live_checker.hpp).
#include <algorithm>

#include "collectors/core/live_checker.hpp"

namespace zt::collector {

using Clock = DeadlineClock;

LiveCheck record_check(std::string_view check, const Endpoint& target,
                       const ExchangeResult& result) {
  return {std::string(check), endpoint_text(target.address, target.port), result.connected, "",
          result.error};
}

nlohmann::json to_json(const LiveCheck& c) {
  return {{"check", c.check},
          {"target", c.target},
          {"connected", c.connected},
          {"outcome", c.outcome},
          {"error", c.error}};
}

LivePlan plan_live_checks(const HostFs& fs, const LiveChecker& checker, bool wanted,
                          std::chrono::milliseconds limit, std::string_view consequence) {
  if (!wanted) return {false, "live checks disabled (live_checks: false)"};
  std::string refusal = live_check_refusal(fs, checker.live(), consequence);
  if (!refusal.empty()) return {false, std::move(refusal)};
  return {true, "through loopback; limit " + std::to_string(limit.count()) + " ms per check"};
}

std::string live_capability(const HostFs& fs, const LiveChecker& checker, bool wanted,
                            std::string_view consequence) {
  if (!wanted) return "live checks disabled";
  const std::string refusal = live_check_refusal(fs, checker.live(), consequence);
  return refusal.empty() ? "live checks through loopback possible" : "no live checks: " + refusal;
}

nlohmann::json to_json(const LivePlan& plan) {
  return {{"enabled", plan.enabled}, {"note", plan.note}};
}

std::chrono::milliseconds time_for_check(const Context& context, std::chrono::milliseconds limit) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(context.deadline() -
                                                                          Clock::now());
  return std::max(std::chrono::milliseconds{0}, std::min(left, limit));
}

std::optional<Endpoint> loopback_target(const std::vector<ListeningSocket>& sockets) {
  for (const ListeningSocket& s : sockets) {
    if (s.protocol != Protocol::tcp) continue;
    if (is_wildcard(s)) return Endpoint{s.family, s.family == Family::ipv4 ? "127.0.0.1" : "::1", s.port};
    if (is_loopback(s)) return Endpoint{s.family, s.address, s.port};
  }
  return std::nullopt;
}

}  // namespace zt::collector
