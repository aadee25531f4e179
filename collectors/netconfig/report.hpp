#pragma once
// The netconfig collector's findings and inventory, from its Snapshot. Pure.
// - findings: one per audit finding of every parsed file (finding_types.hpp), in the config
//   category: fields are config_findings' columns (finding_type, category,
//   affected_component, config_snippet, line_numbers, compliance_frameworks, status) and the
//   file's config_files columns (filename, file_path, file_hash, device_type, manufacturer,
//   model, firmware_version, config_type); metadata repeats the file, the component and the
//   lines for the one-shot report's evidence line, with the standard's id and name (by which
//   a config_standards row is found: standard_name, requirement_id).
// - inventory: {"files": [{path, filename, sha256, size, vendor, manufacturer,
//   firmware_version, parsing_status, reason, notes, reused, analysis: {total_findings,
//   critical_findings, compliance_scores, overall_security_score, overall_risk_score},
//   summary: {counts of the model's elements}}], "standards": {name, checks},
//   "salt_source"}: what the one-shot report shows of each file.
// - config_files: one per audited file, with or without findings (model/config_file.hpp):
//   its config_files columns, parsed_data (the model, model_json.hpp, or {omitted: why} past
//   1 MiB) and, for a parsed file, the analysis (scores.hpp) of config_analysis_results.
#include <nlohmann/json.hpp>
#include <vector>

#include "collectors/netconfig/snapshot.hpp"
#include "schema-client/model/config_file.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::netconfig {

std::vector<model::Finding> make_findings(const Snapshot& snapshot);
nlohmann::json make_inventory(const Snapshot& snapshot);
std::vector<model::ConfigFile> make_config_files(const Snapshot& snapshot);

}  // namespace zt::netconfig
