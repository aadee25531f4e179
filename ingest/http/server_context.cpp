#include "ingest/http/server_context.hpp"

#include <vector>

namespace zt::ingest {
namespace {

// Beyond the cap, a few connections still get a polite 503; past this many at once the
// rest are closed unanswered, so a flood cannot grow the work without bound.
constexpr std::size_t kMaxRefusing = 64;
constexpr std::chrono::seconds kWarningInterval{10};

}  // namespace

ServerContext::ServerContext(ServerOptions options_in, Handler handler_in, Metrics& metrics_in,
                             std::shared_ptr<spdlog::logger> log_in)
    : options(std::move(options_in)),
      handler(std::move(handler_in)),
      metrics(metrics_in),
      log(std::move(log_in)),
      workers(options.worker_threads) {}

ServerContext::~ServerContext() { workers.join(); }

Admission ServerContext::admit() {
  std::lock_guard lock(mutex_);
  Admission admission = Admission::serve;
  if (serving_ < options.max_connections) {
    ++serving_;
  } else if (refusing_ < kMaxRefusing) {
    ++refusing_;
    admission = Admission::refuse;
  } else {
    admission = Admission::drop;
  }
  publish_count();
  return admission;
}

void ServerContext::enroll(Connection* connection, std::weak_ptr<Connection> handle) {
  std::lock_guard lock(mutex_);
  connections_.emplace(connection, std::move(handle));
}

void ServerContext::leave(Connection* connection, Admission admission) {
  {
    std::lock_guard lock(mutex_);
    connections_.erase(connection);
    if (admission == Admission::serve) --serving_;
    if (admission == Admission::refuse) --refusing_;
    publish_count();
  }
  changed_.notify_all();
}

void ServerContext::drain_all() {
  stopping_ = true;
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(mutex_);
    for (auto& [raw, handle] : connections_)
      if (auto connection = handle.lock()) live.push_back(std::move(connection));
  }
  // Outside the lock: dropping the last reference here runs a destructor that calls leave().
  for (auto& connection : live) connection->drain();
}

bool ServerContext::wait_until_empty(std::chrono::milliseconds limit) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, limit, [&] { return serving_ + refusing_ == 0; });
}

bool ServerContext::may_warn() {
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  auto last = last_warning_.load();
  const auto interval =
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(kWarningInterval).count();
  if (last != 0 && now - last < interval) return false;
  return last_warning_.compare_exchange_strong(last, now);
}

void ServerContext::publish_count() {
  metrics.set_open_connections(static_cast<int>(serving_ + refusing_));
}

}  // namespace zt::ingest
