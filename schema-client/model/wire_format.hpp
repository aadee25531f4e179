#pragma once
// The finding batch on the wire (JSON, version 1). Writing never fails. Reading is strict:
// unknown keys, wrong types, missing required keys, out-of-range values and values no database
// column would take (columns.hpp: column_problems) are errors. All problems found are reported
// together in Error::problems, each with the JSON path of the bad field
// ("$.findings[2].severity"); Error::message names the first. Reading cleans nothing: the
// reader of a batch to be stored runs fit_to_columns (columns.hpp) on what it read.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"

namespace zt::model {

nlohmann::json to_json(const Batch& batch);
nlohmann::json to_json(const Finding& finding);
nlohmann::json to_json(const AgentInfo& agent);
nlohmann::json to_json(const Dependency& dependency);
nlohmann::json to_json(const ConfigFile& file);
std::string serialize(const Batch& batch, int indent = -1);

Result<Batch> batch_from_json(const nlohmann::json& document);
Result<Batch> parse_batch(std::string_view text);
// The agent object of an enrollment request, read as `$.agent` of a batch is.
Result<AgentInfo> agent_from_json(const nlohmann::json& value);

}  // namespace zt::model
