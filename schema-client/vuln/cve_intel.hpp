#pragma once
// What is known about CVEs beyond which packages they affect, by CVE id, for scoring a
// package's vulnerability: the CVSS score (NVD CVE API 2.0 or CVE JSON 5 records), whether
// it is exploited in the wild (CISA KEV) and how likely it is to be (FIRST EPSS).
//
// The risk score of a (package, CVE) finding, 0..10, one decimal:
//   base  = the CVSS v3 base score (an NVD/CVE 5 record's, else the OSV record's vector's),
//           else its CVSS v4 score, else 5.0: an unscored CVE is not a harmless one
//   risk  = min(10, base × (1 + EPSS probability))   exploitation likely: up to twice the base
//   KEV   → risk at least 9.0                         exploited in the wild, CISA's catalog
// And its severity: the score's CVSS rating (cvss.hpp), medium when unscored; a CVE in KEV is
// at least high, critical when KEV knows it used in ransomware campaigns.
//
// Plain values; add() the feeds' records, then read from any number of threads.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "schema-client/feeds/records.hpp"
#include "schema-client/model/severity.hpp"

namespace zt::vuln {

struct CveScore {
  double score = 0;
  std::string vector;  // "CVSS:3.1/…"; empty when only a score is known
  std::string source;  // "nvd", "cve5", "osv"
};

struct CveIntel {
  std::unordered_map<std::string, CveScore> scores;
  std::unordered_map<std::string, feeds::KevEntry> kev;
  std::unordered_map<std::string, feeds::EpssEntry> epss;

  // Later records of one CVE replace earlier ones; a rejected CVE record is not kept.
  void add(const std::vector<feeds::CveRecord>& records);
  void add(const std::vector<feeds::KevEntry>& entries);
  void add(const std::vector<feeds::EpssEntry>& entries);
};

struct Assessment {
  std::optional<CveScore> cvss;  // the base the risk was computed from; nullopt: unscored
  const feeds::KevEntry* kev = nullptr;
  const feeds::EpssEntry* epss = nullptr;
  double risk_score = 0;
  model::Severity severity = model::Severity::medium;
};

// `osv_vector` is the OSV record's CVSS_V3 vector ("" when it has none), used when `intel`
// has no score for the CVE. The pointers in the answer point into `intel`.
Assessment assess(const CveIntel& intel, const std::string& cve_id,
                  const std::string& osv_vector);

}  // namespace zt::vuln
