#pragma once
// What the routes need of the database, and nothing more: look an agent up by its key, enroll
// a machine, record a heartbeat, write a batch, answer a ping. The real one is PgStore
// (pg_store.hpp) over schema-client/pg; the routes' unit tests give a fake, so every answer
// that does not depend on PostgreSQL itself is tested without one.
//
// Each call means what the pg function of the same name means (schema-client/pg/fleet.hpp,
// batch_writer.hpp), values and errors alike: "not found" and "refused" are ordinary results,
// a database failure throws pg::DbError (unavailable() when the same request may succeed
// later: the routes answer 503 with Retry-After; any other: 500). Keys and tokens arrive
// hashed. Thread-safe: every worker thread calls it at once.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/fleet.hpp"

namespace zt::ingest {

class Store {
 public:
  virtual ~Store() = default;

  virtual std::optional<pg::Authenticated> authenticate_agent(std::string_view key_hash) = 0;
  virtual std::optional<pg::EnrollOutcome> enroll_agent(std::string_view token_hash,
                                                        const model::AgentInfo& info,
                                                        const pg::StoredSecret& key,
                                                        const pg::MachineIdentity& identity) = 0;
  // Why this heartbeat made the agent clone-suspected, when it did.
  virtual std::optional<std::string> record_heartbeat(const pg::AgentRef& agent,
                                                      const nlohmann::json& capabilities,
                                                      const nlohmann::json& metrics,
                                                      std::string_view status,
                                                      const pg::MachineIdentity& identity) = 0;
  virtual model::Result<pg::WriteReport> write_batch(const pg::AgentRef& agent,
                                                     const model::Batch& batch) = 0;
  // Returns when the database answers; throws pg::DbError when it does not.
  virtual void ping() = 0;
};

}  // namespace zt::ingest
