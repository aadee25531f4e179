#pragma once
// The agent's own row (the `agents` columns of the schema), filled in on every run: who and
// where it is, what it can do (capabilities) and how it is doing (metrics).
#include <chrono>
#include <map>
#include <mutex>

#include "agent/collector_set.hpp"
#include "agent/host_facts.hpp"
#include "schema-client/model/batch.hpp"

namespace zt::agent {

// Each collector's last run, for the metrics. Thread-safe.
class RunStats {
 public:
  void record(const CollectorRun& run);
  nlohmann::json to_json() const;

 private:
  struct Last {
    std::string status;
    std::int64_t duration_ms = 0;
    std::size_t finding_count = 0;
    std::string finished_at;
    std::uint64_t runs = 0;
    std::uint64_t failures = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Last> last_;
};

model::AgentInfo make_agent_info(const AgentConfig& config, const HostFacts& host,
                                 const std::vector<CollectorEntry>& collectors,
                                 const RunStats& stats,
                                 std::chrono::steady_clock::time_point agent_started);

// The daemon's row, for its batches and its heartbeats. describe() on the daemon's thread
// after each (re)configuration; record() as runs finish; current() from any thread: the
// last description with fresh metrics.
class AgentInfoSource {
 public:
  void describe(const AgentConfig& config, const HostFacts& host,
                const std::vector<CollectorEntry>& collectors);
  void record(const CollectorRun& run) { runs_.record(run); }
  model::AgentInfo current() const;

 private:
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  RunStats runs_;
  mutable std::mutex mutex_;
  model::AgentInfo described_;  // guarded by mutex_; metrics empty
};

}  // namespace zt::agent
