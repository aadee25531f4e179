#pragma once
// Automatic retention while `serve` runs: right after start and then every `every`, deletes
// old inventories (pg::prune_dependencies: dependencies of scans older than `older_than`,
// each agent's latest kept) with a connection of the pool. What it deleted is logged; a
// failure is logged and counted (zerotrace_ingest_errors_total{kind="retention_failed"}) and
// tried again at the next run. Does nothing when `older_than` is 0.
// Threads: owns one; the destructor wakes it, waits for a run in progress and joins it.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "ingest/metrics.hpp"
#include "schema-client/pg/pool.hpp"

namespace zt::ingest {

class RetentionTask {
 public:
  RetentionTask(pg::Pool& pool, Metrics& metrics, std::chrono::seconds older_than,
                std::chrono::seconds every = std::chrono::hours(1));
  ~RetentionTask();
  RetentionTask(const RetentionTask&) = delete;
  RetentionTask& operator=(const RetentionTask&) = delete;

 private:
  void run();
  void prune_once();

  pg::Pool& pool_;
  Metrics& metrics_;
  const std::chrono::seconds older_than_;
  const std::chrono::seconds every_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace zt::ingest
