#include "ingest/retention.hpp"

#include <spdlog/spdlog.h>

#include "schema-client/base/logger.hpp"
#include "schema-client/config/duration.hpp"
#include "schema-client/pg/retention.hpp"

namespace zt::ingest {
namespace {

std::shared_ptr<spdlog::logger> logger() { return base::named_logger("ingest.retention"); }

}  // namespace

RetentionTask::RetentionTask(pg::Pool& pool, Metrics& metrics, std::chrono::seconds older_than,
                             std::chrono::seconds every)
    : pool_(pool), metrics_(metrics), older_than_(older_than), every_(every) {
  if (older_than_.count() > 0) thread_ = std::thread([this] { run(); });
}

RetentionTask::~RetentionTask() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RetentionTask::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    prune_once();
    lock.lock();
    wake_.wait_for(lock, every_, [this] { return stopping_; });
  }
}

void RetentionTask::prune_once() {
  try {
    auto connection = pool_.acquire();
    const pg::PruneReport report = pg::prune_dependencies(*connection, older_than_);
    logger()->info("retention: deleted {} dependencies rows of scans older than {} in {} "
                   "companies (each agent's latest inventory kept)",
                   report.dependencies, config::format_duration(older_than_), report.companies);
  } catch (const pg::DbError& e) {
    metrics_.count_error("retention_failed");
    logger()->warn("retention: pruning old inventories failed, tried again in {}: {}",
                   config::format_duration(every_), e.what());
  }
}

}  // namespace zt::ingest
