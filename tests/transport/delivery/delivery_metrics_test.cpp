// The heartbeat body and status, as pure functions; the log limiter.
#include "transport/delivery_metrics.hpp"

#include <catch2/catch.hpp>

#include "tests/schema-client/sample_batch.hpp"
#include "transport/delivery_log.hpp"

using namespace zt;
using namespace zt::transport;
using nlohmann::json;

TEST_CASE("heartbeat_body: the agent's info plus spool and delivery metrics", "[unit]") {
  model::AgentInfo agent;
  agent.capabilities = {{"collectors", {"system"}}};
  agent.metrics = {{"rss_bytes", 100}};
  DeliveryStats delivery;
  delivery.uploads_ok = 7;
  delivery.last_upload_at = testing::make_time(2026, 11, 26, 17, 0, 0);
  delivery.credentials.source = KeySource::enrolled;
  delivery.credentials.agent_id = "agent-7";
  delivery.server_errors = 4;
  delivery.recuts = 2;
  delivery.dead_lettered = 1;
  SpoolStats spool;
  spool.uncommitted_removed = 3;

  const model::HeartbeatBody beat = heartbeat_body(agent, delivery, spool);
  const json body = model::to_json(beat);
  // The model's strict reader, the ingest's, takes it back unchanged.
  const auto read = model::heartbeat_from_json(json::parse(body.dump()));
  REQUIRE(read.ok());
  CHECK(*read == beat);
  CHECK_FALSE(body.contains("identity"));
  CHECK(body["capabilities"] == agent.capabilities);
  CHECK(body["status"] == "online");
  const json& metrics = body["metrics"];
  CHECK(metrics["rss_bytes"] == 100);
  CHECK(metrics["spool"]["oldest_age_seconds"].is_null());
  CHECK(metrics["spool"]["dropped"] ==
        json{{"batches", 0}, {"findings", 0}, {"first_dropped_at", nullptr},
             {"last_dropped_at", nullptr}, {"first_batch_id", nullptr}, {"last_batch_id", nullptr}});
  CHECK(metrics["delivery"]["uploads_ok"] == 7);
  CHECK(metrics["delivery"]["server_errors"] == 4);
  CHECK(metrics["delivery"]["recuts"] == 2);
  CHECK(metrics["delivery"]["dead_lettered"] == 1);
  CHECK(metrics["spool"]["uncommitted_removed"] == 3);
  CHECK(metrics["delivery"]["last_upload_at"] == "2026-11-26T17:00:00.000Z");
  CHECK(metrics["delivery"]["last_error"].is_null());
  CHECK(metrics["delivery"]["credentials"]["enrolled"] == true);
  CHECK(metrics["delivery"]["credentials"]["agent_id"] == "agent-7");

  CHECK(heartbeat_body(agent, delivery, spool, model::AgentStatus::stopping).status ==
        model::AgentStatus::stopping);
  const model::MachineIdentity identity{.machine_id = "0123456789abcdef0123456789abcdef",
                                        .boot_id = "8db09341-96b9-4d08-a359-0c9d273a9340"};
  CHECK(model::to_json(heartbeat_body(agent, delivery, spool, std::nullopt, identity))["identity"] ==
        json{{"machine_id", "0123456789abcdef0123456789abcdef"},
             {"boot_id", "8db09341-96b9-4d08-a359-0c9d273a9340"}});
}

TEST_CASE("heartbeat_status: degraded while uploads stop or fail, or drops are unreported",
          "[unit]") {
  DeliveryStats delivery;
  SpoolStats spool;
  CHECK(heartbeat_status(delivery, spool) == model::AgentStatus::online);
  delivery.consecutive_failures = 1;
  CHECK(heartbeat_status(delivery, spool) == model::AgentStatus::degraded);
  delivery.consecutive_failures = 0;
  delivery.uploads_stopped = true;
  CHECK(heartbeat_status(delivery, spool) == model::AgentStatus::degraded);
  delivery.uploads_stopped = false;
  spool.dropped.batches = 1;
  CHECK(heartbeat_status(delivery, spool) == model::AgentStatus::degraded);
}

TEST_CASE("LogLimiter: one line per interval and key, the rest counted", "[unit]") {
  LogLimiter limiter(std::chrono::seconds(60));
  const auto t0 = LogLimiter::Clock::time_point{} + std::chrono::hours(1);
  CHECK(limiter.admit("retry", t0) == 0u);
  CHECK_FALSE(limiter.admit("retry", t0 + std::chrono::seconds(1)));
  CHECK_FALSE(limiter.admit("retry", t0 + std::chrono::seconds(59)));
  CHECK(limiter.admit("other", t0) == 0u);
  CHECK(limiter.admit("retry", t0 + std::chrono::seconds(60)) == 2u);
  limiter.reset("retry");
  CHECK(limiter.admit("retry", t0 + std::chrono::seconds(61)) == 0u);
  CHECK(suppressed_note(0).empty());
  CHECK(suppressed_note(2) == " (2 similar suppressed)");
}
