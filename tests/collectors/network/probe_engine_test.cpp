// The probe engine of the collector core (collectors/core/probe_engine.hpp), with checks that
// wait on timers: the bound on checks at once, the order they start in, the run's deadline,
// a stop request and a check that throws. Tested here, with its one user.
#include "collectors/core/probe_engine.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <thread>

using namespace std::chrono_literals;
using zt::collector::CheckState;
using zt::collector::ProbeCheck;
using zt::collector::run_probe_checks;
using Clock = std::chrono::steady_clock;

namespace {

boost::asio::awaitable<void> wait(std::chrono::milliseconds how_long) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, how_long);
  boost::system::error_code ignored;
  co_await timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ignored));
}

std::vector<CheckState> states_of(const std::vector<zt::collector::CheckOutcome>& outcomes) {
  std::vector<CheckState> out;
  for (const auto& o : outcomes) out.push_back(o.state);
  return out;
}

const auto never = [] { return false; };

}  // namespace

TEST_CASE("probe engine: at most max_concurrent at once, in order", "[unit][probe_engine]") {
  std::size_t now_running = 0, most_running = 0;
  std::vector<int> started;
  std::vector<ProbeCheck> checks;
  for (int i = 0; i < 10; ++i)
    checks.push_back([&, i]() -> boost::asio::awaitable<void> {
      started.push_back(i);
      most_running = std::max(most_running, ++now_running);
      co_await wait(20ms);
      --now_running;
    });
  const auto outcomes = run_probe_checks(checks, {Clock::now() + 60s, 4}, never);
  CHECK(states_of(outcomes) == std::vector<CheckState>(10, CheckState::finished));
  CHECK(most_running == 4);
  CHECK(started == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
}

TEST_CASE("probe engine: the deadline ends the run", "[unit][probe_engine]") {
  // Checks that ignore the deadline (they wait 30 s) are abandoned half a second after it;
  // the ones that did not get a slot by then never start.
  std::vector<ProbeCheck> checks(3, []() -> boost::asio::awaitable<void> { co_await wait(30s); });
  const auto started = Clock::now();
  const auto outcomes = run_probe_checks(checks, {Clock::now() + 200ms, 2}, never);
  CHECK(Clock::now() - started < 20s);  // 0.7 s unloaded; the checks alone would take 30 s
  CHECK(states_of(outcomes) == std::vector<CheckState>{CheckState::abandoned,
                                                       CheckState::abandoned,
                                                       CheckState::not_started});
}

TEST_CASE("probe engine: a stop request ends the run", "[unit][probe_engine]") {
  bool stop = false;
  std::vector<ProbeCheck> checks;
  checks.push_back([&]() -> boost::asio::awaitable<void> {
    stop = true;
    co_await wait(30s);
  });
  checks.push_back([]() -> boost::asio::awaitable<void> { co_await wait(1ms); });
  const auto started = Clock::now();
  const auto outcomes = run_probe_checks(checks, {Clock::now() + 60s, 1}, [&] { return stop; });
  CHECK(Clock::now() - started < 20s);  // 50 ms unloaded
  CHECK(states_of(outcomes) ==
        std::vector<CheckState>{CheckState::abandoned, CheckState::not_started});

  // Stopped before it began: nothing starts.
  const auto none = run_probe_checks(checks, {Clock::now() + 60s, 1}, [] { return true; });
  CHECK(states_of(none) ==
        std::vector<CheckState>{CheckState::not_started, CheckState::not_started});
}

TEST_CASE("probe engine: a check that throws fails alone", "[unit][probe_engine]") {
  std::vector<ProbeCheck> checks;
  checks.push_back([]() -> boost::asio::awaitable<void> {
    co_await wait(1ms);
    throw std::runtime_error("boom");
  });
  checks.push_back([]() -> boost::asio::awaitable<void> { co_await wait(5ms); });
  const auto outcomes = run_probe_checks(checks, {Clock::now() + 60s, 2}, never);
  CHECK(states_of(outcomes) == std::vector<CheckState>{CheckState::failed, CheckState::finished});
  CHECK(outcomes[0].error == "boom");
  CHECK(outcomes[1].error.empty());
  CHECK(run_probe_checks({}, {Clock::now() + 60s, 2}, never).empty());
}

TEST_CASE("probe engine: the run ends with its last check, also when the stop poll's timer "
          "expired in the same pass of the event loop",
          "[unit][probe_engine]") {
  // The second check holds the thread past the stop poll's first expiry (50 ms), so the
  // first check's 40 ms wait and the poll's timer complete in the same pass, the check's
  // first: the poll's handler is queued when the last check ends. It must not poll again
  // (it used to re-arm itself for ever: a collector run that never ended).
  int finished = 0;
  int polls_after_the_end = 0;
  std::vector<ProbeCheck> checks;
  checks.push_back([&]() -> boost::asio::awaitable<void> {
    co_await wait(40ms);
    ++finished;
  });
  checks.push_back([&]() -> boost::asio::awaitable<void> {
    co_await wait(10ms);
    std::this_thread::sleep_for(150ms);
    ++finished;
  });
  const auto outcomes = run_probe_checks(checks, {Clock::now() + 60s, 2}, [&] {
    if (finished < 2) return false;
    ++polls_after_the_end;
    return true;  // ends the run that would otherwise poll for ever
  });
  CHECK(states_of(outcomes) ==
        std::vector<CheckState>{CheckState::finished, CheckState::finished});
  CHECK(polls_after_the_end == 0);
}
