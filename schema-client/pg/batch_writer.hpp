#pragma once
// Writes one finding batch of an authenticated agent into the schema, in ONE transaction:
//   ingested_batches (idempotency per company and agent: a batch_id this agent sent before
//   writes nothing and says so; another agent's or another company's equal batch_id is
//   unrelated),
//   the agent's own `agents` row, the `scans` row, every finding into vulnerabilities_v2 and
//   its category table (upsert by (company, agent, fingerprint): findings belong to their
//   agent, so another agent's rows of the same machine never block them; last_seen moves,
//   discovered_at stays, a resolved finding seen again reopens), with the CVE findings of
//   the batch's config files into config_files and config_analysis_results
//   (config_files_writer.hpp; config findings link to their file and to their
//   config_standards row by metadata.standard_name and metadata.standard_id), with the CVE
//   findings of the batch's inventory matched against the stored feeds (vuln_matcher.hpp), CVE findings
//   into the v1 `vulnerabilities` (exploit_available: in CISA KEV), the inventory into
//   `dependencies`; then, once every part of the scan is in (a scan may be
//   split over several batches), every open finding of a category whose collectors all
//   completed in this scan, and that this scan did not report, becomes `resolved` (a config
//   finding's config_findings.status with it).
// A delta (model/scan_baseline.hpp) is taken only against the agent's last whole scan of the
// same collectors (scan_baselines, migration 0015; else WriteReport::baseline_mismatch): its
// new and changed findings are written as above, the findings it leaves unchanged are seen
// again in one statement (last_seen and scan_id, as a whole upload would set them), its
// removed ones are resolved. Once a scan is whole, its digest becomes the next base when it
// can be one, else the base is dropped.
// Each table is written by one multi-row statement (rows passed as one JSON array), never a
// statement per finding. The company comes from `agent` (the authenticated key), never from
// the batch; row-level security holds the transaction to that company, and every update is
// limited to rows of this agent.
//
// Errors: a batch that cannot be written as sent (its scan id belongs to another agent of the
// same company; scans are keyed by (company_id, id), so other companies' never meet it) is an
// Error value, with nothing written. The batch is expected to have passed the strict reader
// and model::fit_to_columns (columns.hpp): then no value of it makes PostgreSQL refuse it.
// Every statement's rows are counted against the batch's findings: a difference is reported
// in WriteReport::mismatch with nothing committed. Database failures throw DbError
// (unavailable() for "retry later"); the transaction is rolled back.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"
#include "schema-client/pg/connection.hpp"

namespace zt::pg {

struct AgentRef {
  std::string agent_id;
  std::string company_id;
};

struct WriteReport {
  bool duplicate = false;  // the batch_id was ingested before: nothing written now
  std::int64_t findings = 0;  // written or merged, the matched ones included
  std::int64_t dependencies = 0;
  std::int64_t resolved = 0;
  // Not empty: a table wrote or merged fewer (or more) rows than the batch's findings, each
  // named with its counts; the transaction was rolled back and nothing of the batch is kept.
  std::string mismatch;
  std::int64_t matched = 0;  // CVE findings of the inventory, matched here (vuln_matcher.hpp)
  std::int64_t config_files = 0;  // config_files rows written or changed (config_files_writer.hpp)
  // A delta: the findings it left unchanged, seen again in bulk.
  std::int64_t unchanged = 0;
  // Not empty: the delta's base is not the agent's last whole scan of its collectors (why);
  // rolled back, nothing written. The agent sends the scan whole.
  std::string baseline_mismatch;
};

model::Result<WriteReport> write_batch(Connection& connection, const AgentRef& agent,
                                       const model::Batch& batch);

// The findings step of write_batch, for the rematch (rematch.hpp): `sent` and `matched` as one
// set (the last of each fingerprint), upserted into vulnerabilities_v2, their category tables
// and the v1 `vulnerabilities`, seen at `seen_at` (RFC 3339) in scan `scan_id`. Sets
// report.findings and report.mismatch.
void write_findings(Transaction& tx, const AgentRef& agent, const std::string& scan_id,
                    const std::vector<model::Finding>& sent,
                    const std::vector<model::Finding>& matched, const std::string& seen_at,
                    WriteReport& report);

// A finding as its vulnerabilities_v2 row, the columns prefixed "zt_" (fingerprint, title,
// description, remediation, severity, category, risk_score, metadata; closed: why a compliance
// result is not a problem, null when it is one), for jsonb_to_recordset.
nlohmann::json unified_record(const model::Finding& finding);

}  // namespace zt::pg
