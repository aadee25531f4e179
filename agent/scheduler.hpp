#pragma once
// Scheduler: runs each enabled, available collector at its own interval on the io_context,
// through the CollectorRunner (which bounds how many run at once). Delays are splayed: the
// first run comes at a random point within splay% of the interval, and each later one at the
// interval ± half of that, so a fleet started together does not scan together.
// Single-threaded: call it on the io_context's thread only.
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>
#include <map>
#include <memory>
#include <random>

#include "agent/collector_set.hpp"

namespace zt::agent {

std::chrono::milliseconds first_delay(std::chrono::seconds interval, int splay_percent,
                                      std::mt19937_64& rng);
std::chrono::milliseconds next_delay(std::chrono::seconds interval, int splay_percent,
                                     std::mt19937_64& rng);

class Scheduler {
 public:
  using OnRun = std::function<void(CollectorRun)>;

  Scheduler(std::shared_ptr<boost::asio::io_context> io, std::shared_ptr<CollectorRunner> runner,
            OnRun on_run, std::uint64_t seed);

  // Schedules these collectors, replacing the schedule before. A collector whose interval
  // did not change keeps its next due time.
  void apply(const std::vector<CollectorEntry>& collectors, int splay_percent);
  // Runs every armed collector now (the runner skips one already running); each one's next
  // run comes an interval later.
  void run_now();
  void stop();
  std::size_t armed() const { return timers_.size(); }

 private:
  struct Timer {
    std::shared_ptr<CollectorSlot> slot;
    std::chrono::seconds interval{0};
    std::unique_ptr<boost::asio::steady_timer> timer;
  };
  void arm(const std::string& name, std::chrono::milliseconds delay);
  void fire(const std::string& name);

  std::shared_ptr<boost::asio::io_context> io_;
  std::shared_ptr<CollectorRunner> runner_;
  OnRun on_run_;
  std::mt19937_64 rng_;
  int splay_percent_ = 0;
  std::map<std::string, Timer> timers_;
};

}  // namespace zt::agent
