#pragma once
// The routes' Store (store.hpp) over PostgreSQL: each call takes a connection of the pool for
// its duration and runs the schema-client/pg function of the same name. Thread-safe, as the
// pool is; the pool must outlive it.
#include "ingest/store.hpp"
#include "schema-client/pg/pool.hpp"

namespace zt::ingest {

class PgStore final : public Store {
 public:
  explicit PgStore(pg::Pool& pool) : pool_(pool) {}

  std::optional<pg::Authenticated> authenticate_agent(std::string_view key_hash) override;
  std::optional<pg::EnrollOutcome> enroll_agent(std::string_view token_hash,
                                                const model::AgentInfo& info,
                                                const pg::StoredSecret& key,
                                                const pg::MachineIdentity& identity) override;
  std::optional<std::string> record_heartbeat(const pg::AgentRef& agent,
                                              const nlohmann::json& capabilities,
                                              const nlohmann::json& metrics,
                                              std::string_view status,
                                              const pg::MachineIdentity& identity) override;
  model::Result<pg::WriteReport> write_batch(const pg::AgentRef& agent,
                                             const model::Batch& batch) override;
  void ping() override;

 private:
  pg::Pool& pool_;
};

}  // namespace zt::ingest
