#include "schema-client/vuln/cve_intel.hpp"

#include <algorithm>
#include <cmath>

#include "schema-client/vuln/cvss.hpp"

namespace zt::vuln {

namespace {

constexpr double kUnscoredBase = 5.0;
constexpr double kKnownExploitedRisk = 9.0;

std::optional<CveScore> score_of(const feeds::CveRecord& record) {
  const char* source = record.source == feeds::CveSource::nvd ? "nvd" : "cve5";
  if (record.cvss_v3) return CveScore{record.cvss_v3->score, record.cvss_v3->vector, source};
  if (record.cvss_v4) return CveScore{record.cvss_v4->score, record.cvss_v4->vector, source};
  return std::nullopt;
}

}  // namespace

void CveIntel::add(const std::vector<feeds::CveRecord>& records) {
  for (const feeds::CveRecord& record : records) {
    if (record.rejected) {
      scores.erase(record.id);
      continue;
    }
    if (auto score = score_of(record)) scores[record.id] = std::move(*score);
  }
}

void CveIntel::add(const std::vector<feeds::KevEntry>& entries) {
  for (const feeds::KevEntry& entry : entries) kev[entry.cve] = entry;
}

void CveIntel::add(const std::vector<feeds::EpssEntry>& entries) {
  for (const feeds::EpssEntry& entry : entries) epss[entry.cve] = entry;
}

Assessment assess(const CveIntel& intel, const std::string& cve_id,
                  const std::string& osv_vector) {
  Assessment out;
  if (const auto found = intel.scores.find(cve_id); found != intel.scores.end())
    out.cvss = found->second;
  else if (const auto score = cvss3_base_score(osv_vector))
    out.cvss = CveScore{*score, osv_vector, "osv"};
  if (const auto found = intel.kev.find(cve_id); found != intel.kev.end()) out.kev = &found->second;
  if (const auto found = intel.epss.find(cve_id); found != intel.epss.end())
    out.epss = &found->second;

  const double base = out.cvss ? out.cvss->score : kUnscoredBase;
  double risk = std::min(10.0, base * (1.0 + (out.epss ? out.epss->epss : 0.0)));
  if (out.kev) risk = std::max(risk, kKnownExploitedRisk);
  out.risk_score = std::round(risk * 10.0) / 10.0;

  out.severity = out.cvss ? severity_of_score(out.cvss->score) : model::Severity::medium;
  if (out.kev && out.kev->known_ransomware) out.severity = model::Severity::critical;
  else if (out.kev && !model::at_least(out.severity, model::Severity::high))
    out.severity = model::Severity::high;
  return out;
}

}  // namespace zt::vuln
