// The wire contracts beside the batch: the enrollment request, the heartbeat body and the
// machine identity they carry, and a collector's outcome in scan.results. Each is written and
// read back unchanged, and the reader is strict, every problem named by its path.
#include <catch2/catch.hpp>

#include "schema-client/model/columns.hpp"
#include "schema-client/model/enrollment.hpp"
#include "schema-client/model/heartbeat.hpp"
#include "schema-client/model/wire_format.hpp"
#include "tests/schema-client/problem_lines.hpp"
#include "tests/schema-client/sample_batch.hpp"

using namespace zt;
using nlohmann::json;
using testing::Lines;
using testing::problem_lines;

namespace {

model::MachineIdentity full_identity() {
  return {.machine_id = "0123456789abcdef0123456789abcdef",
          .hardware_uuid = "4c4c4544-0042-3510-8052-b4c04f4d4e31",
          .boot_id = "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"};
}

model::EnrollRequest sample_enrollment() {
  return {.enrollment_token = "zte_0123456789abcdef",
          .agent = testing::sample_batch().agent,
          .identity = {.machine_id = "0123456789abcdef0123456789abcdef",
                       .hardware_uuid = "4c4c4544-0042-3510-8052-b4c04f4d4e31"}};
}

model::HeartbeatBody sample_heartbeat() {
  return {.capabilities = {{"collectors", {"system", "auth"}}},
          .metrics = {{"spool", {{"batches", 2}}}},
          .status = model::AgentStatus::degraded,
          .identity = full_identity()};
}

}  // namespace

TEST_CASE("contracts: enrollment request written and read back", "[unit][wire]") {
  const model::EnrollRequest request = sample_enrollment();
  const json body = model::to_json(request);
  CHECK(body["identity"] == json{{"machine_id", "0123456789abcdef0123456789abcdef"},
                                 {"hardware_uuid", "4c4c4544-0042-3510-8052-b4c04f4d4e31"}});
  const auto read = model::enroll_request_from_json(json::parse(body.dump()));
  REQUIRE(read.ok());
  CHECK(*read == request);

  SECTION("no identity when the machine id is unknown") {
    model::EnrollRequest anonymous = request;
    anonymous.identity.machine_id.clear();
    CHECK_FALSE(model::to_json(anonymous).contains("identity"));
  }
}

TEST_CASE("contracts: the enrollment reader is strict", "[unit][wire]") {
  json body = model::to_json(sample_enrollment());
  SECTION("token missing, agent incomplete, unknown keys, a bad identity") {
    body.erase("enrollment_token");
    body["agent"].erase("hostname");
    body["company_id"] = "x";
    body["identity"]["machine_id"] = "";
    body["identity"]["serial"] = "x";
    CHECK(problem_lines(model::enroll_request_from_json(body)) ==
          Lines{"$.company_id: unknown key", "$.enrollment_token: required key is missing",
                "$.agent.hostname: required key is missing",
                "$.identity.serial: unknown key",
                "$.identity.machine_id: expected a string of 1 to 128 characters"});
  }
  SECTION("an empty token, an agent that is not an object, an identity that is not one") {
    body["enrollment_token"] = "";
    body["agent"] = "me";
    body["identity"] = json::array();
    CHECK(problem_lines(model::enroll_request_from_json(body)) ==
          Lines{"$.enrollment_token: must not be empty", "$.agent: expected object, got string",
                "$.identity: expected object, got array"});
  }
  SECTION("the agent's values are held to their columns") {
    body["agent"]["version"] = std::string(65, '1');
    CHECK(problem_lines(model::enroll_request_from_json(body)) ==
          Lines{"$.agent.version: longer than the column's 64 characters (65)"});
  }
  SECTION("the token is never in a message") {
    body["enrollment_token"] = 12345;
    const auto read = model::enroll_request_from_json(body);
    CHECK(problem_lines(read) == Lines{"$.enrollment_token: expected string, got integer"});
  }
}

TEST_CASE("contracts: heartbeat body written and read back", "[unit][wire]") {
  const model::HeartbeatBody beat = sample_heartbeat();
  const auto read = model::heartbeat_from_json(json::parse(model::to_json(beat).dump()));
  REQUIRE(read.ok());
  CHECK(*read == beat);

  SECTION("no identity key when nothing of it is known; defaults when keys are absent") {
    model::HeartbeatBody bare;
    CHECK(model::to_json(bare) ==
          json{{"capabilities", json::object()}, {"metrics", json::object()}, {"status", "online"}});
    CHECK(*model::heartbeat_from_json(json::object()) == bare);
  }
}

TEST_CASE("contracts: the heartbeat reader is strict", "[unit][wire]") {
  json body = model::to_json(sample_heartbeat());
  body["status"] = "busy";
  body["metrics"] = json::array();
  body["identity"]["boot_id"] = "9B1DEB4D-3B7D-4BAD-9BDD-2B0D7B3DCB6D";
  body["uptime"] = 5;
  json deep = "leaf";
  for (int i = 0; i <= model::kMaxJsonDepth; ++i) deep = json{{"a", deep}};  // one too many
  body["capabilities"] = deep;
  std::string deep_path = "$.capabilities";
  for (int i = 1; i < model::kMaxJsonDepth; ++i) deep_path += ".a";
  CHECK(problem_lines(model::heartbeat_from_json(body)) ==
        Lines{"$.uptime: unknown key", "$.metrics: expected object, got array",
              "$.status: must be one of online, degraded, stopping, got \"busy\"",
              "$.identity.boot_id: expected a lower-case UUID",
              deep_path + ".a: JSON nested deeper than 32 levels"});
}

TEST_CASE("contracts: a collector's outcome written and read back", "[unit][wire]") {
  const model::Batch batch = testing::sample_batch();
  const json results = model::to_json(batch).at("scan").at("results");
  // What the agent wrote before the outcome was a type, byte for byte.
  CHECK(results.at("container").dump() ==
        R"({"errors":["no container engine socket found"],"status":"unavailable"})");
  CHECK(results.at("network").dump() ==
        R"({"category":"network","dependency_count":0,"duration_ms":1830,"errors":[],)"
        R"("finding_count":1,"inventory":{"listeners":4},"started_at":"2026-11-26T17:28:48.200Z",)"
        R"("status":"completed"})");
  const auto read = model::parse_batch(model::serialize(batch));
  REQUIRE(read.ok());
  CHECK(read->scan.results == batch.scan.results);
}

TEST_CASE("contracts: the categories a scan vouches for", "[unit][wire]") {
  using model::Category;
  using model::CollectorStatus;
  model::ScanResults results = {
      {"system", {.status = CollectorStatus::completed, .category = Category::system}},
      {"network", {.status = CollectorStatus::completed, .category = Category::network}},
      {"ports", {.status = CollectorStatus::timed_out, .category = Category::network}},
      {"auth", {.status = CollectorStatus::partial, .category = Category::auth}},
      {"container", {.status = CollectorStatus::unavailable}}};
  // network has a collector that did not complete: its findings cannot be known gone.
  CHECK(model::vouched_categories(results) == std::vector<Category>{Category::system});
  results.erase("ports");
  CHECK(model::vouched_categories(results) ==
        std::vector<Category>{Category::system, Category::network});
}
