// POST /api/v1/enroll without a database: the answer to each outcome of the store, every
// refusal of the request before it (ingest/routes.hpp), and what reaches the store.
#include <string>

#include "tests/ingest/routes/fake_store.hpp"

using nlohmann::json;
using zt::ingest::stored_form;
using zt::test::body_of;
using zt::test::Budget;
using zt::test::error_body;
using zt::test::RoutesFixture;

namespace {

constexpr const char* kToken = "zte_known";

json agent_document() {
  zt::model::AgentInfo info;
  info.name = info.hostname = "db-7";
  info.version = "0.1.0";
  return zt::model::to_json(info);
}

std::string enroll_body(json identity = nullptr) {
  json body = {{"enrollment_token", kToken}, {"agent", agent_document()}};
  if (!identity.is_null()) body["identity"] = std::move(identity);
  return body.dump();
}

void knows_token(RoutesFixture& fixture, zt::pg::EnrollOutcome outcome) {
  fixture.store.tokens[stored_form(kToken).hash] = std::move(outcome);
}

}  // namespace

TEST_CASE("Enrollment answers 201 with a new key the store only sees hashed", "[unit]") {
  RoutesFixture fixture;
  knows_token(fixture, zt::pg::Enrollment{.agent = {"agent-1", "company-1"}});
  const auto response = fixture.post(
      "/api/v1/enroll", enroll_body({{"machine_id", "m-1"}, {"hardware_uuid", "hw-1"}}));
  REQUIRE(response.status == 201);
  json answer = body_of(response);
  const std::string key = answer.at("api_key");
  CHECK(key.starts_with("zt_"));
  answer.erase("api_key");
  CHECK(answer == json{{"agent_id", "agent-1"}, {"reenrolled", false}});

  REQUIRE(fixture.store.enrolled.size() == 1);
  const auto& call = fixture.store.enrolled[0];
  CHECK(call.token_hash == stored_form(kToken).hash);
  CHECK(call.key.hash == stored_form(key).hash);
  CHECK(call.info.hostname == "db-7");
  CHECK(call.identity.machine_id == "m-1");
  CHECK(call.identity.hardware_uuid == "hw-1");
}

TEST_CASE("A re-enrolled machine, and a clone enrolled apart, say so", "[unit]") {
  RoutesFixture fixture;
  knows_token(fixture, zt::pg::Enrollment{{"agent-2", "company-1"}, true, false, "agent-1"});
  const auto response = fixture.post("/api/v1/enroll", enroll_body({{"machine_id", "m-1"}}));
  REQUIRE(response.status == 201);
  json answer = body_of(response);
  answer.erase("api_key");
  CHECK(answer == json{{"agent_id", "agent-2"}, {"reenrolled", true}, {"clone_of", "agent-1"}});
}

TEST_CASE("An unknown, revoked, expired or used-up token is a 401", "[unit]") {
  RoutesFixture fixture;
  const auto response = fixture.post("/api/v1/enroll", enroll_body());
  CHECK(response.status == 401);
  CHECK(body_of(response) ==
        error_body("unauthorized", "the enrollment token is unknown, revoked, expired or used up"));
}

TEST_CASE("A revoked machine's enrollment is refused with code revoked, naming how to lift it",
          "[unit]") {
  RoutesFixture fixture;
  const zt::pg::RevokedMachine revoked{"agent-1", "2026-12-01T10:00:00Z", "alice"};
  knows_token(fixture, revoked);
  const auto response = fixture.post("/api/v1/enroll", enroll_body({{"machine_id", "m-1"}}));
  CHECK(response.status == 401);
  CHECK(body_of(response) == error_body("revoked", revoked.message()));
  CHECK_THAT(fixture.metrics.render(),
             Catch::Contains("zerotrace_ingest_errors_total{kind=\"revoked_machine\"} 1\n"));
}

TEST_CASE("An invalid enrollment request is a 422 naming every problem, the store not asked",
          "[unit]") {
  RoutesFixture fixture;
  const auto response = fixture.post(
      "/api/v1/enroll",
      R"({"enrollment_token": "", "extra": 1,
          "identity": {"machine_id": "", "boot_id": "NOT-A-UUID", "colour": "red"}})");
  CHECK(response.status == 422);
  // Keys in the order JSON objects keep them: sorted.
  CHECK(body_of(response) ==
        error_body("invalid_request", "the enrollment request is invalid",
                   {"$.extra: unknown key", "$.enrollment_token: required, a non-empty string",
                    "$.agent: required key is missing",
                    "$.identity.boot_id: expected a lower-case UUID",
                    "$.identity.colour: unknown key",
                    "$.identity.machine_id: expected a string of 1 to 128 characters"}));
  CHECK(fixture.post("/api/v1/enroll", "[]").status == 422);
  CHECK(body_of(fixture.post("/api/v1/enroll", "[]")) ==
        error_body("invalid_request", "the enrollment request is invalid", {"$: expected object"}));
  CHECK(fixture.store.enrolled.empty());
}

TEST_CASE("An enrollment's agent is read by the model's strict reader, each problem by its path",
          "[unit]") {
  RoutesFixture fixture;
  json agent = agent_document();
  agent["cpu_cores"] = "four";
  agent["colour"] = "red";
  const auto response = fixture.post(
      "/api/v1/enroll", json{{"enrollment_token", kToken}, {"agent", agent}}.dump());
  CHECK(response.status == 422);
  CHECK(body_of(response) == error_body("invalid_request", "the enrollment request is invalid",
                                        {"$.agent.colour: unknown key",
                                         "$.agent.cpu_cores: expected integer, got string"}));
  CHECK(fixture.store.enrolled.empty());
}

TEST_CASE("The body is refused before it is read: media type, syntax, nesting", "[unit]") {
  RoutesFixture fixture;
  const auto text = fixture.call("POST", "/api/v1/enroll", enroll_body(), "", "text/plain");
  CHECK(text.status == 415);
  CHECK(body_of(text) == error_body("unsupported_media_type",
                                    "Content-Type must be application/json, got \"text/plain\""));
  const auto malformed = fixture.post("/api/v1/enroll", R"({"enrollment_token": )");
  CHECK(malformed.status == 400);
  CHECK(body_of(malformed) == error_body("malformed_json", "the request body is not valid JSON"));
  const auto deep = fixture.post("/api/v1/enroll", std::string(300, '[') + std::string(300, ']'));
  CHECK(deep.status == 422);
  CHECK(body_of(deep) == error_body("invalid_request", "the request body nests JSON too deep",
                                    {"$: JSON nested deeper than 256 levels"}));
  CHECK(fixture.store.enrolled.empty());
}

TEST_CASE("Enrollments past the address's rate get 429 with Retry-After", "[unit]") {
  RoutesFixture fixture(Budget{0.001, 1});
  knows_token(fixture, zt::pg::Enrollment{.agent = {"agent-1", "company-1"}});
  CHECK(fixture.post("/api/v1/enroll", enroll_body()).status == 201);
  const auto refused = fixture.post("/api/v1/enroll", enroll_body());
  CHECK(refused.status == 429);
  CHECK(refused.retry_after >= std::chrono::seconds(1));
  CHECK(body_of(refused) == error_body("rate_limited", "too many enrollments; retry later"));
  CHECK(fixture.store.enrolled.size() == 1);
}

TEST_CASE("While the database is away an enrollment gets 503 with Retry-After", "[unit]") {
  RoutesFixture fixture;
  fixture.store.down = true;
  const auto response = fixture.post("/api/v1/enroll", enroll_body());
  CHECK(response.status == 503);
  CHECK(response.retry_after == RoutesFixture::kRetryAfter);
  CHECK(body_of(response) ==
        error_body("database_unavailable", "the database is unavailable; retry later"));
}
