#pragma once
// The typed records the feed readers make from vulnerability feeds in their native formats
// (OSV, the Debian security tracker's JSON, NVD CVE API 2.0, CVE JSON 5, CISA KEV, FIRST
// EPSS), for the step that upserts them into PostgreSQL and for the matcher. Plain values:
// no I/O, no locking; copy or move them between threads freely.
//
// Every reader returns a FeedRead: the records it could read and one Problem per thing wrong,
// naming the file, where in it (a JSON path "$.vulnerabilities[3].cve.id" or a CSV line
// "line 7") and what is wrong. A record with any problem is skipped whole; the records around
// it are kept. Times are UTC instants (model::Timestamp); calendar dates ("2025-03-11") are
// kept as validated "YYYY-MM-DD" text, the form PostgreSQL's date type reads.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "schema-client/model/timestamp.hpp"

namespace zt::feeds {

using model::Timestamp;

struct Problem {
  std::string file;     // the name the reader was given ("all.zip/DSA-5514-1.json" inside a zip)
  std::string at;       // "$.affected[0].ranges[1].events[2]", "line 7", or "$" for the whole
  std::string message;  // "required key is missing", "expected string, got number", …

  bool operator==(const Problem&) const = default;
};

// "nvd.json: $.vulnerabilities[1].cve.id: required key is missing"
std::string to_string(const Problem& problem);

template <typename Record>
struct FeedRead {
  std::vector<Record> records;
  std::vector<Problem> problems;
};

// ---- OSV (https://ossf.github.io/osv-schema/) ----------------------------------------------

enum class OsvEventKind { introduced, fixed, last_affected, limit };
enum class OsvRangeType { ecosystem, semver, git };

struct OsvEvent {
  OsvEventKind kind = OsvEventKind::introduced;
  std::string version;  // a version of the range's type, or a commit for GIT ranges

  bool operator==(const OsvEvent&) const = default;
};

struct OsvRange {
  OsvRangeType type = OsvRangeType::ecosystem;
  std::string repo;              // GIT ranges only
  std::vector<OsvEvent> events;  // in the record's order
};

struct OsvPackage {
  std::string ecosystem;  // "Debian:12", "Alpine:v3.19", "Ubuntu:22.04:LTS", "Red Hat:…"
  std::string name;
  std::string purl;  // empty when absent
};

struct OsvAffected {
  OsvPackage package;
  std::vector<OsvRange> ranges;
  std::vector<std::string> versions;
  // Kept as the feed wrote them when their JSON text is at most kMaxRawJson bytes, else null
  // (Debian's {"urgency": "low"} is kept; Ubuntu's long binary lists are not).
  nlohmann::json ecosystem_specific;
  nlohmann::json database_specific;
};

struct OsvSeverity {
  std::string type;   // as written: "CVSS_V3", "CVSS_V4", "CVSS_V2", "Ubuntu", …
  std::string score;  // the vector ("CVSS:3.1/AV:N/…") or the distribution's word; no score
                      // is computed here
};

struct OsvReference {
  std::string type;  // "ADVISORY", "WEB", "FIX", …
  std::string url;
};

struct OsvRecord {
  std::string id;
  Timestamp modified;
  std::optional<Timestamp> published;
  std::optional<Timestamp> withdrawn;
  std::vector<std::string> aliases;
  std::vector<std::string> related;
  std::vector<std::string> upstream;  // OSV 1.7: the CVEs a distribution record derives from
  std::string summary;
  std::string details;
  std::vector<OsvSeverity> severity;
  std::vector<OsvReference> references;
  std::vector<OsvAffected> affected;
  nlohmann::json database_specific;  // as for OsvAffected
};

inline constexpr std::size_t kMaxRawJson = 16 * 1024;

// ---- Debian security tracker (https://security-tracker.debian.org/tracker/data/json) ------

enum class DebianStatus { resolved, open, undetermined };

// One (source package, CVE, release) of the tracker.
struct DebianTrackerEntry {
  std::string source_package;
  std::string cve;              // "CVE-2022-0456", or the tracker's "TEMP-…" names
  std::string release;          // the code name: "bookworm"
  std::string release_version;  // from debian_release_version(): "12", "unstable"
  DebianStatus status = DebianStatus::open;
  std::string fixed_version;  // empty when absent; "0" means never affected
  std::string urgency;        // "low", "high**", "not yet assigned", "end-of-life", …
  std::string nodsa;          // empty when absent
  std::string nodsa_reason;
  std::vector<std::pair<std::string, std::string>> repositories;  // "bookworm-security" → version
  std::string description;
  std::string scope;  // "local", "remote" or empty
  std::optional<long long> debianbug;
};

// ---- CVE: NVD CVE API 2.0 and CVE JSON 5 ----------------------------------------------------

struct Cvss {
  double score = 0;
  std::string vector;    // "CVSS:3.1/AV:N/AC:L/…", "CVSS:4.0/…"
  std::string severity;  // "CRITICAL", … (empty when the feed gives none)

  bool operator==(const Cvss&) const = default;
};

struct CveReference {
  std::string url;
  std::vector<std::string> tags;
};

enum class CveSource { nvd, cve5 };

struct CveRecord {
  CveSource source = CveSource::nvd;
  std::string id;
  std::string state;  // CVE 5 "PUBLISHED"/"REJECTED"; NVD's vulnStatus ("Analyzed", …)
  bool rejected = false;
  std::string title;            // CVE 5 only
  std::string description;      // English; a rejected CVE 5 record's rejection reason
  std::optional<Cvss> cvss_v3;  // v3.1, else v3.0
  std::optional<Cvss> cvss_v4;
  std::optional<Timestamp> published;
  std::optional<Timestamp> modified;
  std::vector<std::string> cwes;  // "CWE-352"
  std::vector<CveReference> references;
};

// ---- CISA KEV ---------------------------------------------------------------------------------

struct KevEntry {
  std::string cve;
  std::string vendor_project;
  std::string product;
  std::string vulnerability_name;
  std::string date_added;  // "YYYY-MM-DD"
  std::string short_description;
  std::string required_action;
  std::string due_date;           // "YYYY-MM-DD"
  bool known_ransomware = false;  // "Known" (else "Unknown")
  std::string notes;
  std::vector<std::string> cwes;
};

struct KevRead : FeedRead<KevEntry> {
  std::string catalog_version;
  std::optional<Timestamp> date_released;
};

// ---- FIRST EPSS ---------------------------------------------------------------------------------

struct EpssEntry {
  std::string cve;
  double epss = 0;
  double percentile = 0;

  bool operator==(const EpssEntry&) const = default;
};

struct EpssRead : FeedRead<EpssEntry> {
  std::string model_version;  // "v2023.03.01"; empty without the comment line
  std::optional<Timestamp> score_date;
};

}  // namespace zt::feeds
