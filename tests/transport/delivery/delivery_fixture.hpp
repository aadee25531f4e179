#pragma once
// Shared by the delivery tests: a fake ingest (the ingest's real HTTP server on loopback,
// ScriptedIngest) whose three routes each follow a script and record what they saw and when;
// options for a fast loop; the agent's info; the delivery module's log lines; and waiting
// for a condition another thread makes true.
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <catch2/catch.hpp>
#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/transport/client/scripted_ingest.hpp"
#include "tests/transport/spool/spool_fixture.hpp"
#include "transport/delivery.hpp"
#include "transport/key_store.hpp"

namespace zt::test {

using namespace std::chrono_literals;

inline constexpr const char* kApiKey = "zt_configured_key_secret";
inline constexpr const char* kToken = "zte_enrollment_token_secret";

// One request as a route saw it.
struct Seen {
  std::string authorization;
  nlohmann::json body;  // parsed ("discarded" when not JSON)
  std::string batch_id;  // batches: the body's batch_id
  std::chrono::steady_clock::time_point at;
};

// The answer to the `n`-th request (from 0) on a route.
using Route = std::function<ingest::Response(const Seen& seen, std::size_t n)>;

inline ingest::Response accept_batch(const Seen& seen, std::size_t) {
  return json_answer(200, nlohmann::json{{"batch_id", seen.batch_id},
                                         {"result", "written"},
                                         {"findings_written", 1}}
                              .dump());
}
inline ingest::Response accept_heartbeat(const Seen&, std::size_t) {
  return json_answer(200, R"({"status":"ok"})");
}
inline ingest::Response refuse(const Seen&, std::size_t) {
  return json_answer(401, R"({"error":{"code":"unauthorized","message":"unknown api key"}})");
}
inline ingest::Response unavailable(std::optional<std::chrono::seconds> retry_after = {}) {
  return json_answer(503, R"({"error":{"code":"unavailable","message":"database down"}})",
                     retry_after);
}

class FakeIngest {
 public:
  explicit FakeIngest(Route batches = accept_batch, Route heartbeat = accept_heartbeat,
                      Route enroll = refuse)
      : routes_{{std::string(transport::kBatchesPath), std::move(batches)},
                {std::string(transport::kHeartbeatPath), std::move(heartbeat)},
                {std::string(transport::kEnrollPath), std::move(enroll)}},
        server_([this](const ingest::Request& request) { return answer(request); }) {}

  // What `path` saw, in order.
  std::vector<Seen> seen(std::string_view path) const {
    std::lock_guard lock(mutex_);
    const auto found = seen_.find(std::string(path));
    return found == seen_.end() ? std::vector<Seen>() : found->second;
  }
  std::size_t count(std::string_view path) const { return seen(path).size(); }

  transport::ClientOptions client_options() const { return server_.client_options(); }

 private:
  ingest::Response answer(const ingest::Request& request) {
    Seen seen;
    seen.authorization = request.authorization;
    seen.body = nlohmann::json::parse(request.body, nullptr, false);
    if (seen.body.is_object() && seen.body.contains("batch_id") && seen.body["batch_id"].is_string())
      seen.batch_id = seen.body["batch_id"].get<std::string>();
    seen.at = std::chrono::steady_clock::now();
    const auto route = routes_.find(request.target);
    if (route == routes_.end()) return json_answer(404, R"({"error":{"code":"not_found"}})");
    std::size_t n = 0;
    {
      std::lock_guard lock(mutex_);
      auto& list = seen_[request.target];
      n = list.size();
      list.push_back(seen);
    }
    return route->second(seen, n);
  }

  const std::map<std::string, Route> routes_;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Seen>> seen_;
  ScriptedIngest server_;  // last: it calls answer() until it is gone
};

// Waits until `condition` holds (polling another thread's progress), at most `timeout`.
inline bool eventually(const std::function<bool()>& condition,
                       std::chrono::milliseconds timeout = 10s) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return condition();
    std::this_thread::sleep_for(2ms);
  }
  return true;
}

// For "promptly": far below the waits the code under test must cut short (a minute of idle
// loop, a 30 s Retry-After, a minute of request timeout), far above what a loaded 2-core
// machine needs.
inline constexpr std::chrono::seconds kPromptly{15};

// Runs `call` on another thread; whether it returned within `limit`. If it did not, waits
// for it anyway (the test then fails, it does not hang).
inline bool returns_within(std::chrono::milliseconds limit, const std::function<void()>& call) {
  std::atomic<bool> done = false;
  std::thread thread([&] {
    call();
    done = true;
  });
  const bool in_time = eventually([&] { return done.load(); }, limit);
  thread.join();
  return in_time;
}

inline model::AgentInfo sample_agent() {
  model::AgentInfo agent;
  agent.name = "web-1";
  agent.hostname = "web-1.example.com";
  agent.version = "0.1.0";
  agent.os = "Debian GNU/Linux";
  agent.capabilities = {{"collectors", {"system", "network"}}};
  agent.metrics = {{"rss_bytes", 12345678},
                   {"cpu_seconds", 1.5},
                   {"collectors", {{"system", {{"last_scan_at", "2026-11-26T17:00:00.000Z"}}}}}};
  return agent;
}

// A loop that does not keep a test waiting: small backoff, small pacing, heartbeats once at
// start (then hourly), the configured key.
inline transport::DeliveryOptions fast_options(const FakeIngest& ingest,
                                               const std::filesystem::path& state) {
  transport::DeliveryOptions options;
  options.client = ingest.client_options();
  options.backoff.initial = 10ms;
  options.backoff.cap = 50ms;
  options.pacing = 4ms;
  options.heartbeat_interval = 3600s;
  options.configured_api_key = config::Secret(kApiKey);
  options.state_dir = state;
  options.host_root = state;  // no machine-id there: the identity stays empty
  options.key_recheck = 3600s;
  options.seed = 42;
  return options;
}

inline std::unique_ptr<transport::Delivery> start_delivery(transport::DeliveryOptions options,
                                                           transport::Spool& spool) {
  auto created = transport::Delivery::create(std::move(options), spool, [] { return sample_agent(); });
  if (!created) FAIL("delivery not created: " << created.error().message);
  auto delivery = std::move(created).value();
  delivery->start();
  return delivery;
}

inline std::string bearer(const std::string& key) { return "Bearer " + key; }

// The batch ids `seen` carried, in order.
inline std::vector<std::string> batch_ids(const std::vector<Seen>& seen) {
  std::vector<std::string> ids;
  for (const Seen& s : seen) ids.push_back(s.batch_id);
  return ids;
}

// Catches the delivery module's log lines while it lives.
inline void store_key(const std::filesystem::path& state, const std::string& key) {
  REQUIRE(transport::KeyStore(state).save(
      transport::StoredKey{"agent-stored", config::Secret(key), model::now()}));
}

// Enroll answers: agent-1/zt_key_1, agent-2/zt_key_2, …
inline Route issue_keys() {
  return [](const Seen& seen, std::size_t n) {
    if (!seen.body.is_object() || seen.body.value("enrollment_token", "") != kToken)
      return refuse(seen, n);
    const std::string number = std::to_string(n + 1);
    return json_answer(201, nlohmann::json{{"agent_id", "agent-" + number},
                                           {"api_key", "zt_key_" + number}}
                                .dump());
  };
}

class CapturedLog {
 public:
  CapturedLog() : sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(256)) {
    const std::string name(transport::kDeliveryLoggerName);
    spdlog::drop(name);
    auto logger = std::make_shared<spdlog::logger>(name, sink_);
    logger->set_level(spdlog::level::debug);
    spdlog::register_logger(logger);
  }
  ~CapturedLog() { spdlog::drop(std::string(transport::kDeliveryLoggerName)); }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;

  std::vector<std::string> lines() const { return sink_->last_formatted(); }
  bool contains(std::string_view text) const {
    for (const std::string& line : lines())
      if (line.find(text) != std::string::npos) return true;
    return false;
  }

 private:
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
};

}  // namespace zt::test
