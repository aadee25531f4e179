#pragma once
// A file's totals and scores, as config_analysis_results holds them:
// - per framework: of the checks that serve it (a non-empty requirement list in the
//   standards), the share that passed (no finding), as a percentage with one decimal;
// - overall_security_score: 100 × (1 − Σ weight(failed checks) / Σ weight(all checks)), the
//   weight of a check by its severity (critical 10, high 7, medium 4, low 1, info 0);
// - overall_risk_score: the highest risk score (model::default_risk_score) of the findings,
//   0 without any.
// Only for a parsed file: an unparsed one has no scores. Pure.
#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "schema-client/model/severity.hpp"

namespace zt::netconfig {

struct Standard;

struct Scores {
  std::size_t total_findings = 0;
  std::size_t critical_findings = 0;
  std::map<std::string, double> compliance;  // framework → 0..100
  double overall_security = 100.0;
  double overall_risk = 0.0;
};

// `failed`: the ids of the checks with at least one finding; `findings`: their severities.
Scores score(std::span<const Standard> standards, const std::vector<std::string>& failed,
             const std::vector<model::Severity>& findings);

}  // namespace zt::netconfig
