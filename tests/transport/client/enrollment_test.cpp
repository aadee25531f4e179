// Enrollment against a scripted ingest over loopback: the body today's ingest accepts, the
// key stored 0600 and read back, and each refusal told apart.
#include "transport/enrollment.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "schema-client/model/enrollment.hpp"
#include "schema-client/model/wire_format.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/transport/client/scripted_ingest.hpp"
#include "transport/key_store.hpp"

using namespace zt;
using namespace zt::test;
using namespace zt::transport;
using nlohmann::json;

namespace {

constexpr const char* kToken = "zte_enrollment_token_secret";
constexpr const char* kKey = "zt_issued_api_key_secret";

EnrollmentRequest sample_request() {
  EnrollmentRequest request;
  request.token = config::Secret(kToken);
  request.agent.name = "web-1";
  request.agent.hostname = "web-1.example.com";
  request.agent.version = "0.1.0";
  request.agent.os = "Debian GNU/Linux";
  request.agent.capabilities = {{"collectors", {"system", "network"}}};
  request.identity.machine_id = "0123456789abcdef0123456789abcdef";
  request.identity.hardware_uuid = "ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8";
  return request;
}

// Checks the body as the ingest's enroll route does: the token, an agent that
// agent_from_json accepts, the identity, nothing else.
ingest::Response enroll_route(const ingest::Request& request) {
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || body.size() != 3 || !body.contains("enrollment_token") ||
      !body.contains("agent") || !body.contains("identity") ||
      !model::agent_from_json(body["agent"]).ok())
    return json_answer(422, R"({"error":{"code":"invalid_request","message":"bad body"}})");
  if (body["enrollment_token"] != kToken)
    return json_answer(401, R"({"error":{"code":"unauthorized","message":"the enrollment )"
                            R"(token is unknown, revoked, expired or used up"}})");
  return json_answer(201, json{{"agent_id", "agent-7"}, {"api_key", kKey}}.dump());
}

}  // namespace

TEST_CASE("enrollment_body: the token, the agent and the machine identity", "[unit]") {
  const json body = enrollment_body(sample_request());
  // The model's strict reader, the ingest's, takes it whole.
  const auto read = model::enroll_request_from_json(body);
  REQUIRE(read.ok());
  CHECK(read->enrollment_token == kToken);
  CHECK(read->agent == sample_request().agent);
  CHECK(read->identity == sample_request().identity);
  CHECK(body.size() == 3);
  CHECK(body["enrollment_token"] == kToken);
  const auto agent = model::agent_from_json(body["agent"]);
  REQUIRE(agent.ok());
  CHECK(agent->hostname == "web-1.example.com");
  CHECK(agent->capabilities["collectors"] == json{"system", "network"});
  CHECK(body["identity"] == json{{"machine_id", "0123456789abcdef0123456789abcdef"},
                                 {"hardware_uuid", "ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8"}});

  auto unknown_machine = sample_request();
  unknown_machine.identity = {};
  CHECK_FALSE(enrollment_body(unknown_machine).contains("identity"));
}

TEST_CASE("enrollment succeeds, the key is stored 0600 and a reload returns it", "[integration]") {
  ScriptedIngest server(enroll_route);
  auto client = make_client(server.client_options());
  const EnrollmentResult result = enroll(*client, sample_request());
  INFO(result.message);
  REQUIRE(result.outcome == Outcome::delivered);
  REQUIRE(result.enrolled);
  CHECK(result.enrolled->agent_id == "agent-7");
  CHECK(result.enrolled->api_key.reveal() == kKey);
  CHECK(result.message == "enrolled as agent agent-7");

  const auto seen = server.requests();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].target == "/api/v1/enroll");
  CHECK(seen[0].authorization.empty());  // the token travels in the body only

  TempTree state;
  KeyStore store(state.root() / "state");
  REQUIRE(store.save({result.enrolled->agent_id, result.enrolled->api_key, model::now()}).ok());
  struct stat info {};
  REQUIRE(::stat(store.file().c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0600);
  const auto reloaded = KeyStore(state.root() / "state").load();
  REQUIRE(reloaded.ok());
  REQUIRE(reloaded->has_value());
  CHECK((*reloaded)->agent_id == "agent-7");
  CHECK((*reloaded)->api_key.reveal() == kKey);

  SECTION("and the stored key authenticates the next request") {
    REQUIRE(client->post_json(kBatchesPath, "{}", (*reloaded)->api_key.reveal()).status == 422);
    CHECK(server.requests().at(1).authorization == std::string("Bearer ") + kKey);
  }
}

TEST_CASE("a refused enrollment token is unauthorized, with a message for the operator",
          "[integration]") {
  ScriptedIngest server(enroll_route);
  auto client = make_client(server.client_options());
  EnrollmentRequest request = sample_request();
  request.token = config::Secret("zte_wrong_token");
  const EnrollmentResult result = enroll(*client, request);
  CHECK(result.outcome == Outcome::unauthorized);
  CHECK_FALSE(result.enrolled);
  CHECK_THAT(result.message, Catch::Contains("refused the enrollment token") &&
                                 Catch::Contains("HTTP 401") &&
                                 Catch::Contains("unknown, revoked, expired or used up") &&
                                 Catch::Contains("server.enrollment_token"));
  CHECK_THAT(result.message, !Catch::Contains("zte_wrong_token"));
}

TEST_CASE("enrollment: busy, broken and unreachable ingests are told apart", "[integration]") {
  SECTION("503 with Retry-After: retry, after the advised wait") {
    ScriptedIngest server([](const ingest::Request&) {
      return json_answer(503, R"({"error":{"code":"database_unavailable","message":"later"}})",
                         std::chrono::seconds(5));
    });
    const auto result = enroll(*make_client(server.client_options()), sample_request());
    CHECK(result.outcome == Outcome::retry);
    CHECK(result.retry_after == std::chrono::seconds(5));
    CHECK_THAT(result.message, Catch::Contains("will retry") && Catch::Contains("HTTP 503"));
  }
  SECTION("422: rejected, with the ingest's reason") {
    ScriptedIngest server([](const ingest::Request&) {
      return json_answer(422, R"({"error":{"code":"invalid_request","message":"the )"
                              R"(enrollment request is invalid","problems":["$.agent.name: )"
                              R"(required"]}})");
    });
    const auto result = enroll(*make_client(server.client_options()), sample_request());
    CHECK(result.outcome == Outcome::rejected);
    CHECK_THAT(result.message, Catch::Contains("$.agent.name: required"));
  }
  SECTION("201 without a key: rejected, never a half enrollment") {
    ScriptedIngest server(
        [](const ingest::Request&) { return json_answer(201, R"({"agent_id":"agent-7"})"); });
    const auto result = enroll(*make_client(server.client_options()), sample_request());
    CHECK(result.outcome == Outcome::rejected);
    CHECK_FALSE(result.enrolled);
    CHECK_THAT(result.message, Catch::Contains("no agent_id or api_key"));
  }
  SECTION("nothing listening: retry") {
    ClientOptions options;
    options.base_url = "http://127.0.0.1:" + std::to_string(test::free_loopback_port());
    options.allow_insecure_http = true;
    options.no_proxy = "*";
    const auto result = enroll(*make_client(options), sample_request());
    CHECK(result.outcome == Outcome::retry);
    CHECK_THAT(result.message, !Catch::Contains(kToken));
  }
}
