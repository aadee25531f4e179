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
// In two steps, so that a bad path is found before the scan and only what concerns the host
// is parsed after it: open_vuln_db() reads the files that are not OSV exports (KEV, EPSS, NVD,
// CVE 5, single OSV records) and notes the OSV folders and zips; index_vuln_db(), given the
// scanned host's packages, reads those exports, parses only the records that may name one of
// the packages (feeds/osv_prefilter.hpp) and indexes them. A zip is read from its file as it
// goes, never whole in memory.
//
// Errors of open_vuln_db() (the scan does not run): a path that cannot be read, a file of no
// known feed format, the Debian security tracker's JSON (it is imported by the ingest,
// `feeds import`), or no OSV folder, zip or record among the paths. Each names its path.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "schema-client/feeds/records.hpp"
#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"
#include "schema-client/vuln/cve_intel.hpp"
#include "schema-client/vuln/match_index.hpp"
#include "schema-client/vuln/package_findings.hpp"

namespace zt::agent {

struct VulnDb {
  std::vector<std::filesystem::path> paths;
  vuln::CveIntel intel;
  std::vector<std::string> problems;
  // OSV exports to read for the host (folders, zip files) and the records given one by one.
  std::vector<std::filesystem::path> osv_folders, osv_zips;
  std::vector<feeds::OsvRecord> osv_given;
  // What index_vuln_db() read: the records parsed and indexed, and those turned away unparsed
  // because they name none of the host's packages.
  vuln::Index index;
  std::size_t osv_records = 0;
  std::size_t osv_records_not_for_host = 0;
};

model::Result<VulnDb> open_vuln_db(const std::vector<std::filesystem::path>& paths);

// Reads the OSV exports for the packages named by `lookups` and builds db.index; the problems
// of what was read are added to db.problems.
void index_vuln_db(VulnDb& db, const vuln::Lookups& lookups);

// Matches the batch's dependencies against `db` and appends one finding per (package, CVE),
// fingerprinted for `agent_identity`; the scan's metadata gets "vulnerability_database"
// (the paths, what was read and indexed, the problems' count and the findings' count).
void add_vulnerability_findings(model::Batch& batch, const VulnDb& db,
                                const std::string& agent_identity);

}  // namespace zt::agent
