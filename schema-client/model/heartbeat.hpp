#pragma once
// The heartbeat body (POST /api/v1/heartbeat): how the agent is, between batches.
//   {"capabilities": {…}, "metrics": {…}, "status": "online" | "degraded" | "stopping",
//    "identity": {…} (machine_identity.hpp; left out when nothing of it is known)}
// capabilities and metrics are the agent's own objects (stored as they are in the agents
// row; transport/delivery_metrics.hpp says what the agent puts in metrics). Absent, they
// are {} and the status "online". The reader is strict like the batch's (wire_format.hpp):
// unknown keys, wrong types and JSON nested deeper than a jsonb column takes are problems,
// each named by its path; it cleans nothing (columns.hpp: fit_json_to_column). Pure; any
// thread.
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "schema-client/model/machine_identity.hpp"
#include "schema-client/model/result.hpp"

namespace zt::model {

enum class AgentStatus { online, degraded, stopping };
std::string_view to_string(AgentStatus status);
std::optional<AgentStatus> parse_agent_status(std::string_view text);

struct HeartbeatBody {
  nlohmann::json capabilities = nlohmann::json::object();
  nlohmann::json metrics = nlohmann::json::object();
  AgentStatus status = AgentStatus::online;
  MachineIdentity identity;

  bool operator==(const HeartbeatBody&) const = default;
};

nlohmann::json to_json(const HeartbeatBody& body);
Result<HeartbeatBody> heartbeat_from_json(const nlohmann::json& document);

}  // namespace zt::model
