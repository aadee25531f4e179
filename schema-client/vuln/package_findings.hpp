#pragma once
// The vulnerabilities of a host's installed packages as findings: its inventory (a batch's
// dependencies, each with its source package and its release's OSV ecosystem, migration 0008)
// matched against an Index, one finding per (installed package, CVE). Used by the one-shot
// scan (`--once --vuln-db`) and by the ingest, so both report the same thing.
//
// A finding (category system, a system_vulnerabilities row):
//   fields    vulnerability_type "package_vulnerability", component_name (the binary package),
//             component_version (its installed version), cve_id (the record's own id when it
//             names no CVE), patch_available (the range has a fixed version), patch_url (the
//             record's advisory) when it has one
//   title     "CVE-2023-5363 in libssl3 3.0.11-1~deb12u1"
//   remediation "Upgrade openssl to 3.0.11-1~deb12u2 (installed here as libssl3)", or that no
//             fix is published yet
//   severity, risk_score   cve_intel.hpp's assess()
//   metadata  the match's why: ecosystem, record_ids (every record that names this CVE for the
//             package, first the one shown), range, source_name, compared_version,
//             fixed_version, arch; cvss_score and cvss (vector, source) when scored; kev and
//             epss when known
// A package whose dependency has no ecosystem, or one with no version ordering (scheme_of), is
// not matched. Order: by package, then CVE. Pure; any thread.
#include <vector>

#include "schema-client/model/finding.hpp"
#include "schema-client/vuln/cve_intel.hpp"
#include "schema-client/vuln/match.hpp"

namespace zt::vuln {

inline constexpr std::string_view kPackageVulnerability = "package_vulnerability";

std::vector<Match> match_dependencies(const Index& index,
                                      const std::vector<model::Dependency>& dependencies);

// What an index must hold to match these dependencies: the index keys of their ecosystems and
// the names match() looks them up by; a store of the feeds reads the entries of just those.
// Sorted, without repeats.
struct Lookups {
  std::vector<std::string> ecosystem_keys;
  std::vector<std::string> names;
};
Lookups lookups_of(const std::vector<model::Dependency>& dependencies);

std::vector<model::Finding> package_vulnerability_findings(
    const Index& index, const std::vector<model::Dependency>& dependencies,
    const CveIntel& intel);
// The same from the dependencies' matches already made (match_dependencies), for a caller that
// needs them first, e.g. to read the intel of their CVEs.
std::vector<model::Finding> package_vulnerability_findings(
    const Index& index, const std::vector<model::Dependency>& dependencies,
    const std::vector<Match>& matches, const CveIntel& intel);

}  // namespace zt::vuln
