#pragma once
// The config files of a batch (model::ConfigFile) into config_files and
// config_analysis_results, inside write_batch's transaction, before its findings (which link
// to the file by its path):
// - config_files: one row per (company, agent, file_path), upserted; its columns, parsed_data,
//   parsing_status and analysis_status as sent (an empty text as NULL, as a finding without
//   the field leaves it). A row whose values would not change is not written (its xmin stays).
// - config_analysis_results: one row per analyzed file (unique (company_id, config_file_id),
//   migration 0011), upserted the same way; a file now not analyzed loses its row.
// Files the batch does not name keep their rows: a file gone from the host keeps its last
// audit, its findings resolved by the scan like any other.
#include <cstdint>

#include "schema-client/model/batch.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/connection.hpp"

namespace zt::pg {

// The config_files rows written or changed (an unchanged file counts 0).
std::int64_t write_config_files(Transaction& tx, const AgentRef& agent, const model::Batch& batch);

// config_findings keep a status of their own: the agent's open ones whose unified row
// (vulnerabilities_v2) is resolved are resolved with it, by a scan or by a revoke.
void resolve_config_findings(Transaction& tx, const AgentRef& agent);

}  // namespace zt::pg
