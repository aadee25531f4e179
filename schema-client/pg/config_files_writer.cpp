#include "schema-client/pg/config_files_writer.hpp"

namespace zt::pg {
namespace {

using nlohmann::json;

// Written as text columns (NULL when empty), in this order.
constexpr std::string_view kFileTexts[] = {"filename",     "file_hash", "device_type",
                                           "manufacturer", "model",     "firmware_version",
                                           "config_type",  "parsing_status", "analysis_status"};

std::string upsert_files_sql() {
  std::string names, values, definition = "file_path text, parsed_data jsonb", updates, stored,
                                          excluded;
  for (const std::string_view t : kFileTexts) {
    const std::string name(t);
    names += ", " + name;
    values += ", nullif(f." + name + ", '')";
    definition += ", " + name + " text";
    updates += name + " = excluded." + name + ", ";
    stored += "cf." + name + ", ";
    excluded += "excluded." + name + ", ";
  }
  return "INSERT INTO config_files AS cf (company_id, agent_id, file_path, parsed_data" + names +
         ") SELECT $1::uuid, $2::uuid, f.file_path, f.parsed_data" + values +
         " FROM jsonb_to_recordset($3::jsonb) AS f(" + definition + ")"
         " ON CONFLICT (company_id, agent_id, file_path) DO UPDATE SET " + updates +
         "parsed_data = excluded.parsed_data, updated_at = now()"
         " WHERE (" + stored + "cf.parsed_data) IS DISTINCT FROM (" + excluded +
         "excluded.parsed_data)";
}

constexpr std::string_view kUpsertAnalysis =
    "INSERT INTO config_analysis_results AS a (company_id, config_file_id, total_findings,"
    " critical_findings, compliance_scores, overall_security_score, overall_risk_score)"
    " SELECT $1::uuid, cf.id, f.total_findings, f.critical_findings, f.compliance_scores,"
    " f.overall_security_score, f.overall_risk_score"
    " FROM jsonb_to_recordset($3::jsonb) AS f(file_path text, total_findings integer,"
    " critical_findings integer, compliance_scores jsonb, overall_security_score numeric,"
    " overall_risk_score numeric)"
    " JOIN config_files cf ON cf.company_id = $1::uuid AND cf.agent_id = $2::uuid"
    " AND cf.file_path = f.file_path"
    " ON CONFLICT (company_id, config_file_id) DO UPDATE SET"
    " total_findings = excluded.total_findings, critical_findings = excluded.critical_findings,"
    " compliance_scores = excluded.compliance_scores,"
    " overall_security_score = excluded.overall_security_score,"
    " overall_risk_score = excluded.overall_risk_score, updated_at = now()"
    " WHERE (a.total_findings, a.critical_findings, a.compliance_scores,"
    " a.overall_security_score, a.overall_risk_score) IS DISTINCT FROM"
    " (excluded.total_findings, excluded.critical_findings, excluded.compliance_scores,"
    " excluded.overall_security_score, excluded.overall_risk_score)";

// The analysis of a file no longer analyzed (now unsupported, or unreadable) is not its own.
constexpr std::string_view kDeleteStaleAnalysis =
    "DELETE FROM config_analysis_results a USING config_files cf"
    " WHERE a.company_id = $1::uuid AND cf.company_id = $1::uuid AND cf.agent_id = $2::uuid"
    " AND a.config_file_id = cf.id AND cf.file_path = ANY($3::text[])";

}  // namespace

std::int64_t write_config_files(Transaction& tx, const AgentRef& agent, const model::Batch& batch) {
  if (batch.config_files.empty()) return 0;
  json files = json::array(), analyses = json::array();
  std::vector<std::string> not_analyzed;
  for (const model::ConfigFile& c : batch.config_files) {
    files.push_back({{"file_path", c.file_path}, {"filename", c.filename},
                     {"file_hash", c.file_hash}, {"device_type", c.device_type},
                     {"manufacturer", c.manufacturer}, {"model", c.model},
                     {"firmware_version", c.firmware_version}, {"config_type", c.config_type},
                     {"parsing_status", c.parsing_status},
                     {"analysis_status", c.analysis_status}, {"parsed_data", c.parsed_data}});
    if (!c.analysis) {
      not_analyzed.push_back(c.file_path);
      continue;
    }
    analyses.push_back({{"file_path", c.file_path},
                        {"total_findings", c.analysis->total_findings},
                        {"critical_findings", c.analysis->critical_findings},
                        {"compliance_scores", c.analysis->compliance_scores},
                        {"overall_security_score", c.analysis->overall_security_score},
                        {"overall_risk_score", c.analysis->overall_risk_score}});
  }
  static const std::string kUpsertFiles = upsert_files_sql();
  const std::int64_t written =
      tx.exec(kUpsertFiles, {param(agent.company_id), param(agent.agent_id), param(files)})
          .affected();
  if (!analyses.empty())
    tx.exec(kUpsertAnalysis, {param(agent.company_id), param(agent.agent_id), param(analyses)});
  if (!not_analyzed.empty())
    tx.exec(kDeleteStaleAnalysis,
            {param(agent.company_id), param(agent.agent_id), param(text_array(not_analyzed))});
  return written;
}

void resolve_config_findings(Transaction& tx, const AgentRef& agent) {
  tx.exec("UPDATE config_findings c SET status = 'resolved', updated_at = now()"
          " FROM vulnerabilities_v2 v WHERE c.company_id = $1::uuid AND c.agent_id = $2::uuid"
          " AND v.company_id = c.company_id AND v.id = c.vulnerability_id"
          " AND v.status = 'resolved' AND c.status = 'open'",
          {param(agent.company_id), param(agent.agent_id)});
}

}  // namespace zt::pg
