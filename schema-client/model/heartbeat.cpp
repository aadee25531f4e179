#include "schema-client/model/heartbeat.hpp"

#include "schema-client/model/columns.hpp"
#include "schema-client/model/json_reader.hpp"

namespace zt::model {

std::string_view to_string(AgentStatus status) {
  switch (status) {
    case AgentStatus::online: return "online";
    case AgentStatus::degraded: return "degraded";
    case AgentStatus::stopping: return "stopping";
  }
  return "online";
}

std::optional<AgentStatus> parse_agent_status(std::string_view text) {
  for (AgentStatus s : {AgentStatus::online, AgentStatus::degraded, AgentStatus::stopping})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

nlohmann::json to_json(const HeartbeatBody& body) {
  nlohmann::json out = {{"capabilities", body.capabilities},
                        {"metrics", body.metrics},
                        {"status", to_string(body.status)}};
  if (!body.identity.empty()) out["identity"] = to_json(body.identity);
  return out;
}

Result<HeartbeatBody> heartbeat_from_json(const nlohmann::json& document) {
  std::vector<Problem> problems;
  ObjectReader r(document, "$", problems, {"capabilities", "metrics", "status", "identity"});
  HeartbeatBody body;
  body.capabilities = r.object("capabilities");
  body.metrics = r.object("metrics");
  body.status = r.one_of<AgentStatus>("status", parse_agent_status, "online, degraded, stopping",
                                      false)
                    .value_or(AgentStatus::online);
  if (const nlohmann::json* identity = r.get("identity", false))
    body.identity = machine_identity_from_json(*identity, r.path_of("identity"), problems);
  add_unreported(problems, json_value_problems(body.capabilities, r.path_of("capabilities")));
  add_unreported(problems, json_value_problems(body.metrics, r.path_of("metrics")));
  if (!problems.empty()) return invalid_document(std::move(problems));
  return body;
}

}  // namespace zt::model
