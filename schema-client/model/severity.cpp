#include "schema-client/model/severity.hpp"

namespace zt::model {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::critical: return "critical";
    case Severity::high: return "high";
    case Severity::medium: return "medium";
    case Severity::low: return "low";
    case Severity::info: return "info";
  }
  return "info";
}

std::optional<Severity> parse_severity(std::string_view text) {
  for (Severity s : kAllSeverities)
    if (to_string(s) == text) return s;
  return std::nullopt;
}

bool at_least(Severity severity, Severity threshold) {
  // The enum is ordered from the most severe down.
  return static_cast<int>(severity) <= static_cast<int>(threshold);
}

double default_risk_score(Severity severity) {
  switch (severity) {
    case Severity::critical: return 9.5;
    case Severity::high: return 7.5;
    case Severity::medium: return 5.0;
    case Severity::low: return 2.5;
    case Severity::info: return 0.0;
  }
  return 0.0;
}

}  // namespace zt::model
