#pragma once
// The routes' Store (store.hpp) over PostgreSQL: each call takes a connection of the pool for
// its duration and runs the schema-client/pg function of the same name; heartbeats are
// written in groups (heartbeat_group.hpp) of up to one per worker, the first waiting at most
// kHeartbeatGroupWait for the others. Thread-safe, as the pool is; the pool must outlive it.
#include <chrono>
#include <cstddef>

#include "ingest/store.hpp"
#include "schema-client/pg/heartbeat_group.hpp"
#include "schema-client/pg/pool.hpp"

namespace zt::ingest {

class PgStore final : public Store {
 public:
  static constexpr std::chrono::milliseconds kHeartbeatGroupWait{5};

  // `workers`: the threads that call it (the pool's size).
  PgStore(pg::Pool& pool, std::size_t workers)
      : pool_(pool), heartbeats_(pool, kHeartbeatGroupWait, workers) {}

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
  pg::HeartbeatGroup heartbeats_;
};

}  // namespace zt::ingest
