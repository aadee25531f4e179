// The fleet store on a real PostgreSQL: the status people read (offline after three missed
// heartbeat intervals) and the copied-key clone suspicion from the heartbeats' identities.
#include <catch2/catch.hpp>

#include "schema-client/model/digest.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/pg/fleet.hpp"
#include "schema-client/pg/tokens.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::pg::AgentRef;
using zt::pg::AgentSummary;
using zt::model::MachineIdentity;
using zt::testing::TenantDatabase;

namespace {

constexpr const char* kMachineId = "0123456789abcdef0123456789abcdef";
constexpr const char* kHardwareUuid = "ec2a1b3c-4d5e-6f70-8192-a3b4c5d6e7f8";

AgentSummary summary_of(TenantDatabase& db, const AgentRef& agent,
                        std::chrono::seconds heartbeat_interval = 60s) {
  for (const AgentSummary& a :
       zt::pg::list_agents(db.owner(), agent.company_id, heartbeat_interval))
    if (a.id == agent.agent_id) return a;
  FAIL("agent " << agent.agent_id << " not listed");
  return {};
}

void seen_ago(TenantDatabase& db, const AgentRef& agent, const std::string& interval) {
  db.owner().exec("UPDATE agents SET last_seen_at = now() - interval '" + interval +
                  "' WHERE id = '" + agent.agent_id + "'");
}

// A heartbeat with `identity`; the clone evidence it raised.
std::optional<std::string> beat(TenantDatabase& db, const AgentRef& agent,
                                const MachineIdentity& identity) {
  return zt::pg::record_heartbeat(db.ingest(), agent, json::object(), json::object(), "online",
                                  identity);
}

// A heartbeat from the machine that booted as `boot_id`.
std::optional<std::string> beat_from_boot(TenantDatabase& db, const AgentRef& agent,
                                          const std::string& boot_id) {
  MachineIdentity identity;
  identity.boot_id = boot_id;
  return beat(db, agent, identity);
}

// An agent enrolled with kMachineId and kHardwareUuid.
AgentRef enrolled_machine(TenantDatabase& db) {
  const std::string company = zt::pg::create_company(db.owner(), "Machines");
  const std::string token = "zte_fleet_test_" + zt::model::new_uuid();
  zt::pg::create_enrollment_token(db.owner(), company, {zt::model::sha256_hex(token), "zte_f"},
                                  {});
  zt::model::AgentInfo info;
  info.name = info.hostname = "machine";
  MachineIdentity identity;
  identity.machine_id = kMachineId;
  identity.hardware_uuid = kHardwareUuid;
  const auto enrollment = zt::pg::enroll_agent(
      db.ingest(), zt::model::sha256_hex(token), info,
      {zt::model::sha256_hex("zt_fleet_test_" + token), "zt_f"}, identity);
  REQUIRE(enrollment);
  REQUIRE(std::holds_alternative<zt::pg::Enrollment>(*enrollment));
  return std::get<zt::pg::Enrollment>(*enrollment).agent;
}

}  // namespace

TEST_CASE("An agent not heard from in three heartbeat intervals reads as offline",
          "[integration]") {
  TenantDatabase db;
  const AgentRef agent = db.add_agent("Acme");
  REQUIRE_FALSE(zt::pg::record_heartbeat(db.ingest(), agent, json::object(), json::object(),
                                         "degraded"));
  CHECK(summary_of(db, agent).status == "degraded");  // fresh: its own status

  seen_ago(db, agent, "179 seconds");
  CHECK(summary_of(db, agent).status == "degraded");
  seen_ago(db, agent, "181 seconds");
  CHECK(summary_of(db, agent).status == "offline");
  CHECK(summary_of(db, agent, 61s).status == "degraded");  // the interval decides

  db.owner().exec("UPDATE agents SET last_seen_at = NULL WHERE id = '" + agent.agent_id + "'");
  CHECK(summary_of(db, agent).status == "offline");  // never seen

  REQUIRE(zt::pg::revoke_agent(db.owner(), agent.agent_id, "test"));
  seen_ago(db, agent, "1 day");
  CHECK(summary_of(db, agent).status == "revoked");  // revoked stays revoked
}

TEST_CASE("Two machines taking turns with one key are flagged, reboots are not",
          "[integration]") {
  TenantDatabase db;
  const AgentRef agent = db.add_agent("Acme");
  const std::string a = zt::model::new_uuid(), b = zt::model::new_uuid();

  SECTION("A, B, A: flagged once, the reason names the returning boot") {
    CHECK_FALSE(beat_from_boot(db, agent, a));
    CHECK_FALSE(beat_from_boot(db, agent, b));
    const auto evidence = beat_from_boot(db, agent, a);
    REQUIRE(evidence);
    CHECK_THAT(*evidence, Catch::Contains("boot id " + a + " came back after boot id " + b));
    CHECK_FALSE(beat_from_boot(db, agent, b));  // already flagged: not raised again
    const AgentSummary listed = summary_of(db, agent);
    CHECK(listed.clone_suspected_at);
    CHECK(listed.clone_reason == evidence);
    CHECK(listed.status == "online");  // a suspected clone is still heard from
  }
  SECTION("A, B, B: a reboot, then the same boot") {
    CHECK_FALSE(beat_from_boot(db, agent, a));
    CHECK_FALSE(beat_from_boot(db, agent, b));
    CHECK_FALSE(beat_from_boot(db, agent, b));
    CHECK_FALSE(summary_of(db, agent).clone_suspected_at);
  }
  SECTION("reboots only, past the history's size") {
    std::vector<std::string> boots;
    for (int i = 0; i < zt::pg::kBootHistory + 2; ++i) {
      boots.push_back(zt::model::new_uuid());
      CHECK_FALSE(beat_from_boot(db, agent, boots.back()));
      CHECK_FALSE(beat_from_boot(db, agent, boots.back()));
    }
    CHECK_FALSE(summary_of(db, agent).clone_suspected_at);
    CHECK(db.count("SELECT cardinality(boot_ids) FROM agents WHERE id = '" + agent.agent_id +
                   "'") == zt::pg::kBootHistory);
    CHECK(db.count("SELECT count(*) FROM agents WHERE boot_ids[1] = '" + boots.back() +
                   "'") == 1);
  }
  SECTION("heartbeats without a boot id leave the history alone") {
    CHECK_FALSE(beat_from_boot(db, agent, a));
    CHECK_FALSE(beat(db, agent, {}));
    CHECK_FALSE(beat_from_boot(db, agent, a));
    CHECK(db.count("SELECT cardinality(boot_ids) FROM agents WHERE id = '" + agent.agent_id +
                   "'") == 1);
  }
}

TEST_CASE("A heartbeat from another machine id or hardware UUID than the enrolled one flags the "
          "agent and changes nothing of its identity",
          "[integration]") {
  TenantDatabase db;
  const AgentRef agent = enrolled_machine(db);
  MachineIdentity same;
  same.machine_id = kMachineId;
  same.hardware_uuid = kHardwareUuid;
  same.boot_id = zt::model::new_uuid();
  CHECK_FALSE(beat(db, agent, same));
  MachineIdentity partial;  // what cannot be read is no evidence
  partial.machine_id = kMachineId;
  CHECK_FALSE(beat(db, agent, partial));
  CHECK_FALSE(summary_of(db, agent).clone_suspected_at);

  MachineIdentity other = same;
  SECTION("another machine id") {
    other.machine_id = "fedcba9876543210fedcba9876543210";
    const auto evidence = beat(db, agent, other);
    REQUIRE(evidence);
    CHECK_THAT(*evidence, Catch::Contains("machine id fedcba9876543210fedcba9876543210"));
  }
  SECTION("another hardware uuid") {
    other.hardware_uuid = "00000000-1111-2222-3333-444444444444";
    const auto evidence = beat(db, agent, other);
    REQUIRE(evidence);
    CHECK_THAT(*evidence, Catch::Contains("hardware uuid 00000000-1111-2222-3333-444444444444"));
  }
  CHECK(summary_of(db, agent).clone_suspected_at);
  CHECK(db.count("SELECT count(*) FROM agents WHERE id = '" + agent.agent_id +
                 "' AND machine_id = '" + kMachineId + "' AND hardware_uuid = '" +
                 kHardwareUuid + "'") == 1);
}

TEST_CASE("Drops reported with heartbeats add up in the agent's metrics, whatever the next "
          "heartbeat says",
          "[integration]") {
  TenantDatabase db;
  const AgentRef agent = db.add_agent("Acme");
  auto metrics_with_drops = [](int batches, int findings, const char* last_at,
                               const char* last_batch) {
    return json{{"rss_bytes", 1},
                {"spool",
                 {{"dropped",
                   {{"batches", batches},
                    {"findings", findings},
                    {"first_dropped_at", last_at ? json(last_at) : json(nullptr)},
                    {"last_dropped_at", last_at ? json(last_at) : json(nullptr)},
                    {"first_batch_id", last_batch ? json(last_batch) : json(nullptr)},
                    {"last_batch_id", last_batch ? json(last_batch) : json(nullptr)}}}}}};
  };
  auto beat_with = [&](const json& metrics) {
    zt::pg::record_heartbeat(db.ingest(), agent, json::object(), metrics, "online");
    return json::parse(db.owner()
                           .exec("SELECT metrics FROM agents WHERE id = '" + agent.agent_id + "'")
                           .text(0, 0));
  };
  const char* first_id = "11111111-1111-4111-8111-111111111111";
  const char* second_id = "22222222-2222-4222-8222-222222222222";
  beat_with(metrics_with_drops(2, 30, "2026-11-26T10:00:00Z", first_id));
  beat_with(metrics_with_drops(0, 0, nullptr, nullptr));  // the agent forgot them: reported
  json stored = beat_with(metrics_with_drops(1, 5, "2026-11-26T11:00:00Z", second_id));
  CHECK(stored.at("drops_reported") == json{{"batches", 3},
                                            {"findings", 35},
                                            {"first_dropped_at", "2026-11-26T10:00:00Z"},
                                            {"last_dropped_at", "2026-11-26T11:00:00Z"},
                                            {"last_batch_id", second_id}});
  stored = beat_with(json{{"rss_bytes", 2}});  // no spool section at all
  CHECK(stored.at("drops_reported").at("batches") == 3);
  CHECK(stored.at("rss_bytes") == 2);
}
