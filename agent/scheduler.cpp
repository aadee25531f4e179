#include "agent/scheduler.hpp"

namespace zt::agent {

using std::chrono::milliseconds;

namespace {

milliseconds splay_span(std::chrono::seconds interval, int splay_percent) {
  return std::chrono::duration_cast<milliseconds>(interval) * splay_percent / 100;
}

}  // namespace

milliseconds first_delay(std::chrono::seconds interval, int splay_percent, std::mt19937_64& rng) {
  std::uniform_int_distribution<std::int64_t> pick(0, splay_span(interval, splay_percent).count());
  return milliseconds{pick(rng)};
}

milliseconds next_delay(std::chrono::seconds interval, int splay_percent, std::mt19937_64& rng) {
  const std::int64_t half = splay_span(interval, splay_percent).count() / 2;
  std::uniform_int_distribution<std::int64_t> pick(-half, half);
  return std::chrono::duration_cast<milliseconds>(interval) + milliseconds{pick(rng)};
}

Scheduler::Scheduler(std::shared_ptr<boost::asio::io_context> io,
                     std::shared_ptr<CollectorRunner> runner, OnRun on_run, std::uint64_t seed)
    : io_(std::move(io)), runner_(std::move(runner)), on_run_(std::move(on_run)), rng_(seed) {}

void Scheduler::apply(const std::vector<CollectorEntry>& collectors, int splay_percent) {
  splay_percent_ = splay_percent;
  std::map<std::string, Timer> previous;
  previous.swap(timers_);
  for (const CollectorEntry& entry : collectors) {
    if (!entry.enabled || !entry.availability.usable) continue;
    const std::string name{entry.name()};
    auto old = previous.find(name);
    if (old != previous.end() && old->second.interval == entry.interval) {
      Timer& kept = timers_[name] = std::move(old->second);
      kept.slot = entry.slot;
      continue;
    }
    timers_[name] = Timer{entry.slot, entry.interval, nullptr};
    arm(name, first_delay(entry.interval, splay_percent_, rng_));
  }
  for (auto& [name, timer] : previous)
    if (timer.timer) timer.timer->cancel();
}

void Scheduler::run_now() {
  for (auto& [name, timer] : timers_) {
    timer.timer->cancel();
    fire(name);
  }
}

void Scheduler::stop() {
  for (auto& [name, timer] : timers_) timer.timer->cancel();
  timers_.clear();
}

void Scheduler::arm(const std::string& name, milliseconds delay) {
  Timer& t = timers_.at(name);
  t.timer = std::make_unique<boost::asio::steady_timer>(*io_, delay);
  // Cancellation (stop, a reload, destruction) comes back as an error code: touch nothing.
  t.timer->async_wait([this, name](const boost::system::error_code& ec) {
    if (!ec) fire(name);
  });
}

void Scheduler::fire(const std::string& name) {
  auto it = timers_.find(name);
  if (it == timers_.end()) return;
  runner_->submit(it->second.slot, on_run_);
  arm(name, next_delay(it->second.interval, splay_percent_, rng_));
}

}  // namespace zt::agent
