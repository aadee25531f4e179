// The client against the real thing: `zerotrace-ingest serve` over HTTPS on a throwaway
// PostgreSQL (tests/ingest/api/ingest_process.hpp). Today's ingest accepts the enrollment
// body with the machine identity inside capabilities, stores it, and answers the client's
// gzip batches as written, then duplicate; its refusals classify as they should.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "schema-client/model/wire_format.hpp"
#include "tests/ingest/api/ingest_process.hpp"
#include "tests/schema-client/sample_batch.hpp"
#include "tests/support/temp_tree.hpp"
#include "transport/enrollment.hpp"
#include "transport/http_client.hpp"
#include "transport/key_store.hpp"
#include "transport/upload_outcome.hpp"

using namespace zt;
using namespace zt::transport;
using nlohmann::json;

TEST_CASE("enroll, store the key, deliver a gzip batch twice, against the real ingest",
          "[integration]") {
  testing::IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const std::string token = ingest.create_token(company);

  ClientOptions options;
  options.base_url = "https://127.0.0.1:" + std::to_string(ingest.port());
  options.ca_file = ingest.tls().certificate();
  options.no_proxy = "*";
  auto created = IngestClient::create(options);
  REQUIRE(created.ok());
  IngestClient& client = **created;

  EnrollmentRequest request;
  request.token = config::Secret(token);
  request.agent.name = request.agent.hostname = "web-1";
  request.agent.version = "0.1.0";
  request.identity.machine_id = "0123456789abcdef0123456789abcdef";
  request.identity.hardware_uuid = "ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8";
  const EnrollmentResult enrolled = enroll(client, request);
  INFO(enrolled.message);
  REQUIRE(enrolled.outcome == Outcome::delivered);
  const std::string agent_id = enrolled.enrolled->agent_id;
  CHECK(ingest.count("SELECT count(*) FROM agents WHERE id = '" + agent_id +
                     "' AND machine_id = '0123456789abcdef0123456789abcdef'"
                     " AND hardware_uuid = 'ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8'") == 1);

  // The same machine enrolling again (its key lost) gets its agent back; another machine
  // with the same machine id (a cloned image) gets its own agent, flagged.
  const EnrollmentResult reenrolled = enroll(client, request);
  REQUIRE(reenrolled.outcome == Outcome::delivered);
  CHECK(reenrolled.enrolled->agent_id == agent_id);
  CHECK(reenrolled.enrolled->api_key.reveal() != enrolled.enrolled->api_key.reveal());
  auto clone = request;
  clone.identity.hardware_uuid = "00000000-1111-2222-3333-444444444444";
  const EnrollmentResult cloned = enroll(client, clone);
  REQUIRE(cloned.outcome == Outcome::delivered);
  CHECK(cloned.enrolled->agent_id != agent_id);
  CHECK(ingest.count("SELECT count(*) FROM agents WHERE clone_of = '" + agent_id + "'") == 1);
  CHECK(ingest.count("SELECT count(*) FROM agents") == 2);

  test::TempTree state;
  KeyStore store(state.root());
  REQUIRE(store.save({agent_id, reenrolled.enrolled->api_key, model::now()}).ok());
  const auto loaded = store.load();
  REQUIRE(loaded.ok());
  REQUIRE(loaded->has_value());
  const std::string key = (*loaded)->api_key.reveal();

  const std::string batch = model::serialize(testing::completed_scan(agent_id, 10));
  const Classified first = classify(client.post_json(kBatchesPath, batch, key, BodyEncoding::gzip));
  INFO(first.reason);
  CHECK(first.outcome == Outcome::delivered);
  CHECK_FALSE(first.duplicate);
  const Classified again = classify(client.post_json(kBatchesPath, batch, key, BodyEncoding::gzip));
  CHECK(again.outcome == Outcome::delivered);
  CHECK(again.duplicate);
  CHECK(again.reason == "HTTP 200 duplicate");

  SECTION("a wrong key is unauthorized") {
    const Classified refused = classify(client.post_json(kBatchesPath, batch, "zt_wrong"));
    CHECK(refused.outcome == Outcome::unauthorized);
    CHECK_THAT(refused.reason, Catch::Contains("HTTP 401") && Catch::Contains("unknown api key"));
  }
  SECTION("an invalid batch is rejected, and the reason names the bad field") {
    json broken = json::parse(batch);
    broken["findings"][0]["severity"] = "apocalyptic";
    const Classified refused = classify(client.post_json(kBatchesPath, broken.dump(), key));
    CHECK(refused.outcome == Outcome::rejected);
    CHECK_THAT(refused.reason,
               Catch::Contains("HTTP 422") && Catch::Contains("$.findings[0].severity"));
  }
  SECTION("a token that does not exist is refused with a message for the operator") {
    request.token = config::Secret("zte_not_a_token");
    const EnrollmentResult refused = enroll(client, request);
    CHECK(refused.outcome == Outcome::unauthorized);
    CHECK_THAT(refused.message, Catch::Contains("refused the enrollment token"));
  }
}
