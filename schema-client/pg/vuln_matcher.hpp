#pragma once
// The ingest's CVE matching: a batch's inventory against the vulnerability feeds stored by
// migration 0009, inside the batch's transaction, so a system scan's CVE findings are written,
// kept and resolved like every other finding of the scan.
//
// Reads the OSV records that name one of the batch's packages in its releases' ecosystems
// (vuln::lookups_of: source names, signed kernels, rpm source rpms), not withdrawn, back into
// records; matches them with zt_vuln (package_findings.hpp: one system finding per (package,
// CVE)); scores them with the stored CVSS scores (cve_database, not rejected), CISA KEV and
// EPSS of the CVEs found. In Debian releases the security tracker has the last word: a CVE it
// marks as never affecting the source in that release (fixed version "0") is no finding, and
// the others carry its status, urgency and "no DSA" decision (metadata "debian_tracker").
// The findings are fingerprinted for `agent_id`.
//
// Errors: database failures throw DbError, as every statement of the transaction. A stored
// record the OSV reader refuses (it was read by the same reader when imported, so never) is
// left out. Threads: the transaction's.
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "schema-client/model/finding.hpp"
#include "schema-client/pg/connection.hpp"
#include "schema-client/vuln/match_index.hpp"
#include "schema-client/vuln/package_findings.hpp"

namespace zt::pg {

std::vector<model::Finding> match_stored_feeds(Transaction& tx, const std::string& agent_id,
                                               const std::vector<model::Dependency>& dependencies);

// The Debian security tracker's rows by source package, CVE and release.
struct DebianTracker {
  std::map<std::string, nlohmann::json> rows;
};

// What the fleet's rematch (rematch.hpp) reads once for every agent: the stored OSV records
// naming one of `packages` (lookups_of), indexed; the tracker's rows on their names in their
// Debian releases; and the intel of every CVE of those records.
struct StoredFeeds {
  vuln::Index index;
  DebianTracker tracker;
  vuln::CveIntel intel;
};
StoredFeeds load_feeds(Transaction& tx, const std::vector<model::Dependency>& packages);

// What match_stored_feeds finds for one agent's `dependencies`, from feeds already read: pure.
std::vector<model::Finding> findings_in(const StoredFeeds& feeds, const std::string& agent_id,
                                        const std::vector<model::Dependency>& dependencies);

// The CVE ids of matched findings by their package's (name, version): what each dependencies
// row lists in "vulnerabilities".
using PackageCves = std::map<std::pair<std::string, std::string>, std::set<std::string>>;
PackageCves cves_by_package(const std::vector<model::Finding>& matched);

}  // namespace zt::pg
