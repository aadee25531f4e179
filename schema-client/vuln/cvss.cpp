#include "schema-client/vuln/cvss.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace zt::vuln {

namespace {

struct Value {
  char letter;
  double weight;
};

// One base metric: its abbreviation and its values' weights (specification, section 7.4).
struct Metric {
  std::string_view name;
  std::array<Value, 4> values;  // letter '\0' ends a shorter list
};

enum Index { kAV, kAC, kPR, kUI, kS, kC, kI, kA, kMetrics };

constexpr std::array<Metric, kMetrics> kBase{{
    {"AV", {{{'N', 0.85}, {'A', 0.62}, {'L', 0.55}, {'P', 0.2}}}},
    {"AC", {{{'L', 0.77}, {'H', 0.44}}}},
    {"PR", {{{'N', 0.85}, {'L', 0.62}, {'H', 0.27}}}},  // L and H change with the scope
    {"UI", {{{'N', 0.85}, {'R', 0.62}}}},
    {"S", {{{'U', 0}, {'C', 0}}}},
    {"C", {{{'H', 0.56}, {'L', 0.22}, {'N', 0}}}},
    {"I", {{{'H', 0.56}, {'L', 0.22}, {'N', 0}}}},
    {"A", {{{'H', 0.56}, {'L', 0.22}, {'N', 0}}}},
}};

// v3.1's Roundup (Appendix A): the smallest one-decimal number at or above x, computed on
// integers so that 4.000000000000001 is 4.0, not 4.1.
double roundup_31(double x) {
  const auto scaled = static_cast<std::int64_t>(std::llround(x * 100000.0));
  if (scaled % 10000 == 0) return static_cast<double>(scaled) / 100000.0;
  return static_cast<double>(scaled / 10000 + 1) / 10.0;
}

double roundup_30(double x) { return std::ceil(x * 10.0) / 10.0; }

}  // namespace

std::optional<double> cvss3_base_score(std::string_view vector) {
  bool v31 = false;
  if (vector.starts_with("CVSS:3.1/")) v31 = true;
  else if (!vector.starts_with("CVSS:3.0/")) return std::nullopt;
  vector.remove_prefix(9);

  std::array<char, kMetrics> chosen{};
  std::array<double, kMetrics> weight{};
  while (!vector.empty()) {
    const std::size_t slash = vector.find('/');
    const std::string_view part = vector.substr(0, slash);
    vector.remove_prefix(slash == std::string_view::npos ? vector.size() : slash + 1);
    const std::size_t colon = part.find(':');
    if (colon == std::string_view::npos || part.size() != colon + 2) return std::nullopt;
    const std::string_view name = part.substr(0, colon);
    const char letter = part[colon + 1];
    const auto metric = std::find_if(kBase.begin(), kBase.end(),
                                     [&](const Metric& m) { return m.name == name; });
    if (metric == kBase.end()) continue;  // a temporal or environmental metric
    const auto index = static_cast<std::size_t>(metric - kBase.begin());
    if (chosen[index] != '\0') return std::nullopt;
    const auto value = std::find_if(metric->values.begin(), metric->values.end(),
                                    [&](const Value& v) { return v.letter == letter; });
    if (letter == '\0' || value == metric->values.end()) return std::nullopt;
    chosen[index] = letter;
    weight[index] = value->weight;
  }
  if (std::find(chosen.begin(), chosen.end(), '\0') != chosen.end()) return std::nullopt;

  const bool changed = chosen[kS] == 'C';
  if (changed && chosen[kPR] == 'L') weight[kPR] = 0.68;
  if (changed && chosen[kPR] == 'H') weight[kPR] = 0.5;
  const double iss = 1 - (1 - weight[kC]) * (1 - weight[kI]) * (1 - weight[kA]);
  const double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15)
                                : 6.42 * iss;
  if (impact <= 0) return 0.0;
  const double exploitability = 8.22 * weight[kAV] * weight[kAC] * weight[kPR] * weight[kUI];
  const double sum = changed ? 1.08 * (impact + exploitability) : impact + exploitability;
  const double capped = std::min(sum, 10.0);
  return v31 ? roundup_31(capped) : roundup_30(capped);
}

model::Severity severity_of_score(double score) {
  if (score >= 9.0) return model::Severity::critical;
  if (score >= 7.0) return model::Severity::high;
  if (score >= 4.0) return model::Severity::medium;
  if (score > 0.0) return model::Severity::low;
  return model::Severity::info;
}

}  // namespace zt::vuln
