#include "collectors/netconfig/scores.hpp"

#include <algorithm>
#include <cmath>

#include "collectors/netconfig/standards.hpp"

namespace zt::netconfig {
namespace {

double weight(model::Severity severity) {
  switch (severity) {
    case model::Severity::critical: return 10;
    case model::Severity::high: return 7;
    case model::Severity::medium: return 4;
    case model::Severity::low: return 1;
    case model::Severity::info: break;
  }
  return 0;
}

double one_decimal(double value) { return std::round(value * 10) / 10; }

}  // namespace

Scores score(std::span<const Standard> standards, const std::vector<std::string>& failed,
             const std::vector<model::Severity>& findings) {
  Scores s;
  s.total_findings = findings.size();
  s.critical_findings = static_cast<std::size_t>(
      std::count(findings.begin(), findings.end(), model::Severity::critical));
  for (model::Severity severity : findings)
    s.overall_risk = std::max(s.overall_risk, model::default_risk_score(severity));
  std::map<std::string, std::pair<std::size_t, std::size_t>> frameworks;  // passed, applicable
  double all = 0, lost = 0;
  for (const Standard& standard : standards) {
    const bool fails = std::find(failed.begin(), failed.end(), standard.id) != failed.end();
    all += weight(standard.severity);
    if (fails) lost += weight(standard.severity);
    for (const FrameworkRefs& f : standard.frameworks) {
      if (f.requirements.empty()) continue;
      auto& [passed, applicable] = frameworks[f.framework];
      ++applicable;
      if (!fails) ++passed;
    }
  }
  for (const auto& [name, counts] : frameworks)
    s.compliance[name] = one_decimal(100.0 * static_cast<double>(counts.first) /
                                     static_cast<double>(counts.second));
  if (all > 0) s.overall_security = one_decimal(100.0 * (1 - lost / all));
  return s;
}

}  // namespace zt::netconfig
