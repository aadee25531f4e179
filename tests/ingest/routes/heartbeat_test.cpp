// POST /api/v1/heartbeat without a database: authentication and its budgets, the body's
// checks, and what reaches the store (ingest/routes.hpp).
#include "tests/ingest/routes/fake_store.hpp"

using nlohmann::json;
using zt::test::body_of;
using zt::test::Budget;
using zt::test::error_body;
using zt::test::RoutesFixture;

TEST_CASE("A heartbeat is recorded for the key's agent and answered with the interval",
          "[unit]") {
  RoutesFixture fixture;
  const auto agent = fixture.agent("agent-1");
  const std::string boot = "0f8fad5b-d9cb-469f-a165-70867728950e";
  const auto response = fixture.post(
      "/api/v1/heartbeat",
      json{{"status", "degraded"},
           {"capabilities", {{"collectors", {"system"}}}},
           {"metrics", {{"spool_bytes", 4096}}},
           {"identity", {{"machine_id", "m-1"}, {"boot_id", boot}}}}
          .dump(),
      agent.key);
  CHECK(response.status == 200);
  CHECK(body_of(response) == json{{"status", "ok"}, {"heartbeat_interval_seconds", 60}});
  REQUIRE(fixture.store.heartbeats.size() == 1);
  const auto& beat = fixture.store.heartbeats[0];
  CHECK(beat.agent.agent_id == "agent-1");
  CHECK(beat.agent.company_id == "company-agent-1");
  CHECK(beat.status == "degraded");
  CHECK(beat.capabilities == json{{"collectors", {"system"}}});
  CHECK(beat.metrics == json{{"spool_bytes", 4096}});
  CHECK(beat.identity.machine_id == "m-1");
  CHECK(beat.identity.boot_id == boot);

  fixture.store.clone_evidence = "boot id came back";
  CHECK(fixture.post("/api/v1/heartbeat", "{}", agent.key).status == 200);
  REQUIRE(fixture.store.heartbeats.size() == 2);
  CHECK(fixture.store.heartbeats[1].status == "online");
  CHECK(fixture.store.heartbeats[1].capabilities == json::object());
}

TEST_CASE("A heartbeat without a key, with an unknown or a revoked one, is a 401", "[unit]") {
  RoutesFixture fixture;
  const auto revoked = fixture.agent("agent-1", true);
  using Case = std::pair<std::string, std::string>;  // key, message
  for (const auto& [key, message] :
       {Case{"", "an api key is required: Authorization: Bearer zt_…"},
        Case{"zt_unknown", "unknown api key"},
        Case{revoked.key, "this agent's api key has been revoked"}}) {
    const auto response = fixture.post("/api/v1/heartbeat", "{}", key);
    CHECK(response.status == 401);
    CHECK(body_of(response) == error_body("unauthorized", message));
  }
  CHECK(fixture.store.heartbeats.empty());
  CHECK_THAT(fixture.metrics.render(),
             Catch::Contains("zerotrace_ingest_errors_total{kind=\"unauthorized\"} 3\n"));
}

TEST_CASE("Past its budget of failed authentications an address gets 429 before any lookup",
          "[unit]") {
  RoutesFixture fixture({}, Budget{0.001, 1});
  const auto agent = fixture.agent("agent-1");
  CHECK(fixture.post("/api/v1/heartbeat", "{}", "zt_unknown").status == 401);
  CHECK(fixture.store.lookups == 1);
  // Even a good key: the address is refused before the database is asked.
  const auto refused = fixture.post("/api/v1/heartbeat", "{}", agent.key);
  CHECK(refused.status == 429);
  CHECK(refused.retry_after >= std::chrono::seconds(1));
  CHECK(body_of(refused) ==
        error_body("rate_limited", "too many failed authentications from this address; retry later"));
  CHECK(fixture.store.lookups == 1);
  CHECK_THAT(fixture.metrics.render(),
             Catch::Contains("zerotrace_ingest_errors_total{kind=\"auth_rate_limited\"} 1\n"));
}

TEST_CASE("Past its rate an agent gets 429 with Retry-After", "[unit]") {
  RoutesFixture fixture(Budget{0.001, 1});
  const auto agent = fixture.agent("agent-1");
  CHECK(fixture.post("/api/v1/heartbeat", "{}", agent.key).status == 200);
  const auto refused = fixture.post("/api/v1/heartbeat", "{}", agent.key);
  CHECK(refused.status == 429);
  CHECK(refused.retry_after >= std::chrono::seconds(1));
  CHECK(body_of(refused) == error_body("rate_limited", "too many requests from this agent; retry later"));
  CHECK(fixture.store.heartbeats.size() == 1);
}

TEST_CASE("An invalid heartbeat is a 422 naming every problem, nothing recorded", "[unit]") {
  RoutesFixture fixture;
  const auto agent = fixture.agent("agent-1");
  const auto response = fixture.post(
      "/api/v1/heartbeat",
      R"({"status": "asleep", "capabilities": [], "extra": 1, "identity": {"boot_id": "NOT"}})",
      agent.key);
  CHECK(response.status == 422);
  CHECK(body_of(response) ==
        error_body("invalid_request", "the heartbeat is invalid",
                   {"$.capabilities: expected object", "$.extra: unknown key",
                    "$.identity.boot_id: expected a lower-case UUID",
                    "$.status: must be one of online, degraded, stopping"}));
  CHECK(fixture.store.heartbeats.empty());
}

TEST_CASE("While the database is away a heartbeat gets 503 with Retry-After", "[unit]") {
  RoutesFixture fixture;
  const auto agent = fixture.agent("agent-1");
  fixture.store.down = true;
  const auto response = fixture.post("/api/v1/heartbeat", "{}", agent.key);
  CHECK(response.status == 503);
  CHECK(response.retry_after == RoutesFixture::kRetryAfter);
  CHECK(body_of(response) ==
        error_body("database_unavailable", "the database is unavailable; retry later"));
}
