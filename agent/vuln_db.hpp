#pragma once
// The vulnerability database of a one-shot scan, `--once --vuln-db PATH…`: the host's
// inventory is matched offline with the same library the ingest uses (schema-client/vuln).
//
// Each PATH is read by its content (feeds::read_feed): a folder is a tree of OSV records; a
// file is an OSV all.zip, one OSV record, NVD CVE API 2.0 or CVE JSON 5 records (CVSS scores),
// the CISA KEV catalog, or FIRST EPSS scores (plain or gzip). The OSV records are indexed for
// the matcher; the others feed the risk score. Records a reader refuses are skipped and listed
// in `problems` ("osv/DSA-1.json: $.affected[0]: …"); the rest are used.
//
// Errors (the scan does not run): a path that cannot be read, a file of no known feed format,
// the Debian security tracker's JSON (it is imported by the ingest, `feeds import`), or no OSV
// record at all among the paths. Each names its path.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"
#include "schema-client/vuln/cve_intel.hpp"
#include "schema-client/vuln/match_index.hpp"

namespace zt::agent {

struct VulnDb {
  vuln::Index index;
  vuln::CveIntel intel;
  std::vector<std::filesystem::path> paths;
  std::size_t osv_records = 0;
  std::vector<std::string> problems;
};

model::Result<VulnDb> load_vuln_db(const std::vector<std::filesystem::path>& paths);

// Matches the batch's dependencies against `db` and appends one finding per (package, CVE),
// fingerprinted for `agent_identity`; the scan's metadata gets "vulnerability_database"
// (the paths, what was read and indexed, the problems' count and the findings' count).
void add_vulnerability_findings(model::Batch& batch, const VulnDb& db,
                                const std::string& agent_identity);

}  // namespace zt::agent
