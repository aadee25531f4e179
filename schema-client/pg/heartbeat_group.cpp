#include "schema-client/pg/heartbeat_group.hpp"

#include <algorithm>

#include "schema-client/pg/fleet.hpp"

namespace zt::pg {

HeartbeatGroup::HeartbeatGroup(Pool& pool, std::chrono::milliseconds wait, std::size_t max)
    : pool_(pool), wait_(wait), max_(std::max<std::size_t>(max, 1)) {}

std::optional<std::string> HeartbeatGroup::record(const Heartbeat& heartbeat) {
  Entry entry{&heartbeat, std::nullopt, nullptr};
  std::unique_lock lock(mutex_);
  line_.push_back(&entry);
  changed_.notify_all();
  while (!entry.done) {
    if (writing_ || line_.front() != &entry) {
      changed_.wait(lock);
      continue;
    }
    // First in line and nobody writing: lead a group.
    writing_ = true;
    changed_.wait_for(lock, wait_, [&] { return line_.size() >= max_; });
    const std::size_t size = std::min(line_.size(), max_);
    const std::vector<Entry*> group(line_.begin(), line_.begin() + static_cast<long>(size));
    line_.erase(line_.begin(), line_.begin() + static_cast<long>(size));
    lock.unlock();
    write(group);
    lock.lock();
    for (Entry* member : group) member->done = true;
    writing_ = false;
    changed_.notify_all();
  }
  if (entry.error) std::rethrow_exception(entry.error);
  return entry.evidence;
}

void HeartbeatGroup::write(const std::vector<Entry*>& group) {
  try {
    write_together(group);
    return;
  } catch (const DbError& error) {
    if (error.unavailable()) {
      for (Entry* member : group) member->error = std::current_exception();
      return;
    }
  } catch (...) {
  }
  // One heartbeat failed them all: each on its own, so only the failing one fails.
  for (Entry* member : group) {
    try {
      auto connection = pool_.acquire();
      const Heartbeat& h = *member->heartbeat;
      member->evidence = record_heartbeat(*connection, h.agent, h.capabilities, h.metrics,
                                          h.status, h.identity);
    } catch (...) {
      member->error = std::current_exception();
    }
  }
}

void HeartbeatGroup::write_together(const std::vector<Entry*>& group) {
  auto connection = pool_.acquire();
  Transaction tx(*connection);
  std::vector<std::optional<std::string>> evidence;
  evidence.reserve(group.size());
  for (const Entry* member : group) {
    const Heartbeat& h = *member->heartbeat;
    evidence.push_back(
        record_heartbeat_in(tx, h.agent, h.capabilities, h.metrics, h.status, h.identity));
  }
  tx.commit();
  for (std::size_t i = 0; i < group.size(); ++i) group[i]->evidence = std::move(evidence[i]);
}

}  // namespace zt::pg
