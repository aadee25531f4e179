#include "ingest/pg_store.hpp"

namespace zt::ingest {

std::optional<pg::Authenticated> PgStore::authenticate_agent(std::string_view key_hash) {
  auto connection = pool_.acquire();
  return pg::authenticate_agent(*connection, key_hash);
}

std::optional<pg::EnrollOutcome> PgStore::enroll_agent(std::string_view token_hash,
                                                       const model::AgentInfo& info,
                                                       const pg::StoredSecret& key,
                                                       const pg::MachineIdentity& identity) {
  auto connection = pool_.acquire();
  return pg::enroll_agent(*connection, token_hash, info, key, identity);
}

std::optional<std::string> PgStore::record_heartbeat(const pg::AgentRef& agent,
                                                     const nlohmann::json& capabilities,
                                                     const nlohmann::json& metrics,
                                                     std::string_view status,
                                                     const pg::MachineIdentity& identity) {
  auto connection = pool_.acquire();
  return pg::record_heartbeat(*connection, agent, capabilities, metrics, status, identity);
}

model::Result<pg::WriteReport> PgStore::write_batch(const pg::AgentRef& agent,
                                                    const model::Batch& batch) {
  auto connection = pool_.acquire();
  return pg::write_batch(*connection, agent, batch);
}

void PgStore::ping() {
  auto connection = pool_.acquire();
  pg::ping(*connection);
}

}  // namespace zt::ingest
