#include "agent/scheduler.hpp"

#include <boost/asio/io_context.hpp>
#include <algorithm>
#include <catch2/catch.hpp>
#include <deque>

#include "tests/agent/fake_collectors.hpp"

using namespace zt;
using namespace std::chrono_literals;

namespace {

const collector::CollectorDescriptor kDescriptor{
    "fake", model::Category::auth, 60s, "a test collector", {}, nullptr};

agent::CollectorEntry entry(std::string_view name_suffix, bool enabled, bool usable,
                            std::chrono::seconds interval, std::function<void()> on_collect) {
  static std::vector<std::unique_ptr<collector::CollectorDescriptor>> descriptors;
  auto& d = descriptors.emplace_back(std::make_unique<collector::CollectorDescriptor>(kDescriptor));
  static std::deque<std::string> names;  // a deque: the names' string_views must not move
  d->name = names.emplace_back("fake-" + std::string(name_suffix));
  agent::CollectorEntry e;
  e.slot = std::make_shared<agent::CollectorSlot>();
  e.slot->descriptor = d.get();
  e.slot->instance = std::make_shared<test::ScriptedCollector>([on_collect](collector::Context&) {
    on_collect();
    return collector::CollectResult{};
  });
  e.enabled = enabled;
  e.interval = interval;
  e.availability = {usable, usable ? "ok" : "no such file"};
  return e;
}

// A scheduler with its own io_context and runner. `on_run` sees each finished run, and may
// stop the scheduler (then io->run() returns).
struct Rig {
  explicit Rig(std::function<void(agent::CollectorRun, agent::Scheduler&)> on_run)
      : scheduler(io, runner, [this, on_run](agent::CollectorRun run) {
          on_run(std::move(run), scheduler);
        }, 1) {}

  std::shared_ptr<boost::asio::io_context> io = std::make_shared<boost::asio::io_context>();
  std::shared_ptr<agent::CollectorRunner> runner = std::make_shared<agent::CollectorRunner>(
      io, std::make_shared<collector::HostFs>("/"), "id", 2, agent::ThreadPriority{});
  agent::Scheduler scheduler;
};

}  // namespace

TEST_CASE("the first run comes within splay% of the interval", "[unit]") {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 1000; ++i) {
    const auto d = agent::first_delay(3600s, 10, rng);
    REQUIRE(d >= 0ms);
    REQUIRE(d <= 360'000ms);
  }
  CHECK(agent::first_delay(3600s, 0, rng) == 0ms);
}

TEST_CASE("later runs come at the interval plus or minus half the splay", "[unit]") {
  std::mt19937_64 rng(7);
  std::chrono::milliseconds lowest = 1h, highest = 0ms;
  for (int i = 0; i < 2000; ++i) {
    const auto d = agent::next_delay(3600s, 10, rng);
    lowest = std::min(lowest, d);
    highest = std::max(highest, d);
  }
  CHECK(lowest >= 3420s);
  CHECK(highest <= 3780s);
  // The offsets really spread out, so a fleet does not stay in step.
  CHECK(highest - lowest > 300s);
  CHECK(agent::next_delay(600s, 0, rng) == 600s);
}

TEST_CASE("only enabled collectors that can run here are scheduled, and they run", "[unit]") {
  std::vector<std::string> ran;
  Rig rig([&](agent::CollectorRun run, agent::Scheduler& scheduler) {
    ran.push_back(run.name);
    scheduler.stop();  // one round is enough
  });
  std::vector<agent::CollectorEntry> entries = {
      entry("on", true, true, 60s, [] {}), entry("disabled", false, true, 60s, [] {}),
      entry("unusable", true, false, 60s, [] {})};
  rig.scheduler.apply(entries, 0);
  CHECK(rig.scheduler.armed() == 1);
  rig.io->run();
  CHECK(ran == std::vector<std::string>{std::string(entries[0].name())});
  CHECK(rig.scheduler.armed() == 0);
}

TEST_CASE("run_now runs every scheduled collector at once, however far its next run is",
          "[unit]") {
  std::vector<std::string> ran;
  Rig rig([&](agent::CollectorRun run, agent::Scheduler& scheduler) {
    ran.push_back(run.name);
    if (ran.size() == 2) scheduler.stop();
  });
  // A 50 % splay of a day: left alone, the first runs would come hours from now.
  std::vector<agent::CollectorEntry> entries = {entry("a", true, true, 86400s, [] {}),
                                                entry("b", true, true, 86400s, [] {})};
  rig.scheduler.apply(entries, 50);
  rig.scheduler.run_now();
  const auto start = std::chrono::steady_clock::now();
  rig.io->run_for(10s);
  CHECK(std::chrono::steady_clock::now() - start < 10s);
  std::sort(ran.begin(), ran.end());
  CHECK(ran == std::vector<std::string>{std::string(entries[0].name()),
                                        std::string(entries[1].name())});
}
