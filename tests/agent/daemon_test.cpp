#include "agent/daemon.hpp"

#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <atomic>
#include <condition_variable>
#include <future>

#include "agent/config/config_loader.hpp"
#include "tests/agent/fake_collectors.hpp"

using namespace zt;
using namespace std::chrono_literals;

namespace {

// What the daemon under test did, recorded from its hooks (called on its thread).
struct Observed {
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<model::Batch> batches;
  std::vector<std::size_t> armed;
  int reloads = 0;

  template <typename Pred>
  bool wait(Pred pred) {
    std::unique_lock lock(mutex);
    return cv.wait_for(lock, 10s, [&] { return pred(); });
  }
};

test::Gate* g_gate = nullptr;
Observed* g_seen = nullptr;
std::atomic<bool> g_stuck_started{false};

std::unique_ptr<collector::Collector> make_quick(const collector::OptionValues&) {
  return std::make_unique<test::ScriptedCollector>([](collector::Context&) {
    collector::CollectResult r;
    r.findings.push_back(test::valid_finding("Account with empty password", "alice"));
    return r;
  });
}

std::unique_ptr<collector::Collector> make_stuck(const collector::OptionValues&) {
  return std::make_unique<test::ScriptedCollector>([](collector::Context&) {
    {
      std::lock_guard lock(g_seen->mutex);
      g_stuck_started = true;
    }
    g_seen->cv.notify_all();
    g_gate->wait();  // deaf to SIGTERM's stop request
    return collector::CollectResult{};
  });
}

const collector::CollectorDescriptor kDescriptors[] = {
    {"quick", model::Category::auth, 60s, "finds one thing at once", {}, make_quick},
    {"stuck", model::Category::auth, 60s, "never finishes", {}, make_stuck},
};

agent::AgentConfig config_with(bool stuck_enabled) {
  auto config = agent::default_config(kDescriptors, [](std::string_view) {
    return std::optional<std::string>{};
  });
  REQUIRE(config.ok());
  config->scheduler.splay_percent = 0;  // first runs at once
  config->collectors.at("stuck").enabled = stuck_enabled;
  return *config;
}

}  // namespace

TEST_CASE("the daemon runs its collectors, reloads on SIGHUP and stops on SIGTERM",
          "[integration]") {
  // Static: the abandoned run still waits on it when the test ends, and wakes after it.
  static test::Gate gate;
  g_gate = &gate;
  Observed seen;
  g_seen = &seen;
  bool next_reload_valid = false;
  agent::DaemonHooks hooks;
  hooks.reload = [&]() -> model::Result<agent::AgentConfig> {
    std::lock_guard lock(seen.mutex);
    ++seen.reloads;
    seen.cv.notify_all();
    if (!next_reload_valid) return model::Error{"agent.yaml:3:1: agent.bogus: unknown key"};
    return config_with(true);
  };
  hooks.on_batch = [&](const model::Batch& batch) {
    std::lock_guard lock(seen.mutex);
    seen.batches.push_back(batch);
    seen.cv.notify_all();
  };
  hooks.on_armed = [&](std::size_t n) {
    std::lock_guard lock(seen.mutex);
    seen.armed.push_back(n);
    seen.cv.notify_all();
  };
  agent::Daemon daemon(config_with(false), kDescriptors, hooks);
  auto finished = std::async(std::launch::async, [&] { return daemon.run(); });

  // The first scheduled run delivers a batch for the quick collector.
  REQUIRE(seen.wait([&] { return !seen.batches.empty(); }));
  {
    std::lock_guard lock(seen.mutex);
    const model::Batch& batch = seen.batches.front();
    CHECK(batch.scan.scan_type == "scheduled");
    CHECK(batch.scan.status == model::ScanStatus::completed);
    CHECK(batch.findings.size() == 1);
    CHECK(batch.agent.version == std::string(ZT_TEST_VERSION));
    CHECK(batch.agent.metrics["collectors"]["quick"]["last_finding_count"] == 1);
    CHECK(batch.agent.capabilities["collectors"]["stuck"]["enabled"] == false);
    CHECK(seen.armed == std::vector<std::size_t>{1});
  }

  // A bad configuration is refused: nothing is re-armed.
  ::kill(::getpid(), SIGHUP);
  REQUIRE(seen.wait([&] { return seen.reloads == 1; }));
  // A good one is applied: now both collectors are scheduled.
  next_reload_valid = true;
  ::kill(::getpid(), SIGHUP);
  REQUIRE(seen.wait([&] { return seen.armed.size() == 2; }));
  CHECK(seen.armed == std::vector<std::size_t>{1, 2});
  CHECK(seen.reloads == 2);

  // The stuck collector starts at once (splay 0); SIGTERM still stops within 5 s.
  REQUIRE(seen.wait([&] { return g_stuck_started.load(); }));
  const auto t0 = std::chrono::steady_clock::now();
  ::kill(::getpid(), SIGTERM);
  REQUIRE(finished.wait_for(10s) == std::future_status::ready);
  CHECK(finished.get() == 0);
  CHECK(std::chrono::steady_clock::now() - t0 < 5s);
  CHECK(daemon.has_abandoned_runs());
  gate.open();
}
