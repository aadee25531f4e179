#pragma once
// Finding severities, from the most to the least severe, as they appear on the wire.
#include <optional>
#include <string_view>

namespace zt::model {

enum class Severity { critical, high, medium, low, info };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);
// True when `severity` is as severe as `threshold` or more.
bool at_least(Severity severity, Severity threshold);
// The risk score (0..10) a finding gets when its collector does not set one.
double default_risk_score(Severity severity);

inline constexpr Severity kAllSeverities[] = {Severity::critical, Severity::high, Severity::medium,
                                              Severity::low, Severity::info};

}  // namespace zt::model
