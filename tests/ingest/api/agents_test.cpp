// What heartbeats tell operators through the real ingest: an agent that went quiet reads as
// offline in `agent list`, and a copied api key running on two machines is flagged there.
#include <catch2/catch.hpp>

#include "schema-client/model/uuid.hpp"
#include "tests/ingest/api/ingest_process.hpp"

using nlohmann::json;
using zt::testing::IngestProcess;

namespace {

const json kIdentity = {{"machine_id", "0123456789abcdef0123456789abcdef"},
                        {"hardware_uuid", "ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8"}};

json listed(const IngestProcess& ingest, const std::string& agent_id) {
  const auto list = ingest.admin({"agent", "list"});
  REQUIRE(list.exit_code == 0);
  for (const json& agent : list.output)
    if (agent.at("id") == agent_id) return agent;
  FAIL("agent " << agent_id << " not listed");
  return {};
}

json beat_from(const std::string& boot_id) {
  json identity = kIdentity;
  identity["boot_id"] = boot_id;
  return {{"identity", identity}};
}

}  // namespace

TEST_CASE("agent list: an agent's own status while it beats, offline after three missed "
          "heartbeat intervals",
          "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const auto [id, key] = ingest.enroll(ingest.create_token(company));
  REQUIRE(ingest.post("/api/v1/heartbeat", R"({"status": "degraded"})", key).status == 200);
  CHECK(listed(ingest, id).at("status") == "degraded");

  // The ingest advises 60 s: three of them missed.
  ingest.owner().exec("UPDATE agents SET last_seen_at = now() - interval '181 seconds'");
  CHECK(listed(ingest, id).at("status") == "offline");
  const auto text = ingest.admin_text({"agent", "list"});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains(id) && Catch::Contains("offline"));

  REQUIRE(ingest.post("/api/v1/heartbeat", "{}", key).status == 200);
  CHECK(listed(ingest, id).at("status") == "online");
}

TEST_CASE("Heartbeats from two machines taking turns with one key flag the agent, never merge "
          "it",
          "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const auto [id, key] = ingest.enroll(ingest.create_token(company), "web-1", kIdentity);
  const std::string a = zt::model::new_uuid(), b = zt::model::new_uuid();

  REQUIRE(ingest.post("/api/v1/heartbeat", beat_from(a).dump(), key).status == 200);
  REQUIRE(ingest.post("/api/v1/heartbeat", beat_from(b).dump(), key).status == 200);  // reboot
  CHECK(listed(ingest, id).at("clone_suspected_at").is_null());
  REQUIRE(ingest.post("/api/v1/heartbeat", beat_from(a).dump(), key).status == 200);

  const json agent = listed(ingest, id);
  CHECK(agent.at("clone_suspected_at").is_string());
  CHECK_THAT(agent.at("clone_reason").get<std::string>(),
             Catch::Contains("boot id " + a + " came back"));
  CHECK_THAT(ingest.admin_text({"agent", "list"}).out, Catch::Contains("clone suspected"));
  CHECK(ingest.count("SELECT count(*) FROM agents") == 1);
  CHECK(ingest.count("SELECT count(*) FROM agents WHERE machine_id = '" +
                     kIdentity.at("machine_id").get<std::string>() + "'") == 1);
  REQUIRE(ingest.server().wait_for_stderr("agent " + id + " of company", std::chrono::seconds(5)));
  CHECK_THAT(ingest.server().stderr_text(), Catch::Contains("suspected clone"));
  CHECK(ingest.server().stderr_text().find(key) == std::string::npos);
}

TEST_CASE("A heartbeat's identity is checked like its other fields: 422 naming each path",
          "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const auto [id, key] = ingest.enroll(ingest.create_token(company));
  const auto problems_of = [&](const json& body) {
    const auto reply = ingest.post("/api/v1/heartbeat", body.dump(), key);
    REQUIRE(reply.status == 422);
    return json::parse(reply.body).at("error").at("problems").dump();
  };
  CHECK_THAT(problems_of({{"identity", json::array()}}),
             Catch::Contains("$.identity: expected object"));
  const std::string problems = problems_of(
      {{"identity",
        {{"boot_id", "8DB09341-96B9-4D08-A359-0C9D273A9340"}, {"machine_id", ""},
         {"hardware_uuid", std::string(65, 'a')}, {"serial", "x"}}}});
  CHECK_THAT(problems, Catch::Contains("$.identity.boot_id: expected a lower-case UUID"));
  CHECK_THAT(problems, Catch::Contains("$.identity.machine_id: expected a string of 1 to 128"));
  CHECK_THAT(problems, Catch::Contains("$.identity.hardware_uuid: expected a string of 1 to 64"));
  CHECK_THAT(problems, Catch::Contains("$.identity.serial: unknown key"));
  CHECK(ingest.count("SELECT count(*) FROM agents WHERE cardinality(boot_ids) > 0") == 0);
  // The agent sends the same identity object when it enrolls: accepted there too.
  const auto [other, other_key] = ingest.enroll(
      ingest.create_token(company), "web-2", beat_from(zt::model::new_uuid()).at("identity"));
  CHECK_FALSE(other_key.empty());
}
