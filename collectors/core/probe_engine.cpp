#include "collectors/core/probe_engine.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <exception>
#include <stdexcept>

namespace zt::collector {
namespace {

// How long after the run's deadline a check may still be running before it is abandoned:
// its own steps end at the deadline, this only covers the time to notice.
constexpr std::chrono::milliseconds kGrace{500};
// How often a stop request is looked for while checks run.
constexpr std::chrono::milliseconds kStopPoll{50};

std::string what_of(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

}  // namespace

std::vector<CheckOutcome> run_probe_checks(const std::vector<ProbeCheck>& checks,
                                           const ProbeRunLimits& limits,
                                           const std::function<bool()>& should_stop) {
  std::vector<CheckOutcome> outcomes(checks.size());
  std::vector<bool> running_now(checks.size(), false);
  boost::asio::io_context io(1);
  boost::asio::steady_timer guard(io, limits.deadline + kGrace);
  boost::asio::steady_timer watch(io);
  const std::size_t most = std::max<std::size_t>(limits.max_concurrent, 1);
  std::size_t next = 0;
  std::size_t running = 0;
  bool starting = false;  // a check that ends at once calls start_more from inside its loop
  // No check runs or will start. The timers are cancelled then, but a timer that expired in
  // the same pass of the event loop as the last check's wait has its handler queued already,
  // uncancellable: without this flag the stop poll re-armed itself for ever (a collector run
  // that never ended, seen under load).
  bool done = false;

  std::function<void()> start_more = [&] {
    if (starting) return;
    starting = true;
    while (running < most && next < checks.size() && !should_stop() &&
           DeadlineClock::now() < limits.deadline) {
      const std::size_t i = next++;
      running_now[i] = true;
      ++running;
      boost::asio::co_spawn(io, checks[i](), [&, i](const std::exception_ptr& error) {
        running_now[i] = false;
        outcomes[i].state = error ? CheckState::failed : CheckState::finished;
        if (error) outcomes[i].error = what_of(error);
        --running;
        start_more();
      });
    }
    starting = false;
    if (running == 0) {  // nothing left to run or to wait for
      done = true;
      guard.cancel();
      watch.cancel();
    }
  };
  std::function<void()> watch_for_stop = [&] {
    watch.expires_after(kStopPoll);
    watch.async_wait([&](const boost::system::error_code& error) {
      if (error || done) return;
      if (should_stop()) {
        io.stop();
        return;
      }
      watch_for_stop();
    });
  };

  guard.async_wait([&](const boost::system::error_code& error) {
    if (!error && !done) io.stop();
  });
  watch_for_stop();
  start_more();
  io.run();
  for (std::size_t i = 0; i < checks.size(); ++i)
    if (running_now[i]) outcomes[i].state = CheckState::abandoned;
  return outcomes;
}

}  // namespace zt::collector
