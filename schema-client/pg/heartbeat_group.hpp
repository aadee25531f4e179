#pragma once
// Group commit of heartbeats: the heartbeats that worker threads record at about the same
// time are written in one transaction, one commit for all, and each record() returns only
// after that commit. At a fleet's rate (100,000 agents beating every 60 s is 1,700 a second)
// the commits, not the statements, are what a database runs out of.
//
// The first heartbeat in line leads a group: it waits up to `wait` for the group to reach
// `max` (the heartbeats arriving meanwhile join it), takes one pooled connection, writes
// them all (fleet.hpp's record_heartbeat_in) and commits; the next in line leads the next
// group. So a lone heartbeat waits at most `wait`, and under load groups fill without waiting.
// A heartbeat whose statements fail would abort the others': the group is then written again
// one transaction per heartbeat, so only that one fails. A database that is unavailable fails
// the whole group (each caller gets the DbError, unavailable()). Thread-safe; the pool must
// outlive it.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema-client/model/machine_identity.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/pool.hpp"

namespace zt::pg {

struct Heartbeat {
  AgentRef agent;
  nlohmann::json capabilities, metrics;
  std::string status;
  model::MachineIdentity identity;
};

class HeartbeatGroup {
 public:
  HeartbeatGroup(Pool& pool, std::chrono::milliseconds wait, std::size_t max);

  // What record_heartbeat returns for it, once its group is committed; throws DbError as it.
  std::optional<std::string> record(const Heartbeat& heartbeat);

 private:
  struct Entry {
    const Heartbeat* heartbeat;
    std::optional<std::string> evidence;
    std::exception_ptr error;
    bool done = false;
  };
  void write(const std::vector<Entry*>& group);
  void write_together(const std::vector<Entry*>& group);

  Pool& pool_;
  const std::chrono::milliseconds wait_;
  const std::size_t max_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Entry*> line_;  // waiting to be written, in arrival order
  bool writing_ = false;
};

}  // namespace zt::pg
