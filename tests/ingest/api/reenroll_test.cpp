// Issue 22 over HTTPS and PostgreSQL: findings belong to their agent, so a machine's new agent
// (re-enrolled after a lost key or a reinstall, with or without a machine id) has every
// finding written; revocation holds the machine until an operator lifts it; a write that
// does not account for every finding is never acknowledged.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "schema-client/model/category.hpp"
#include "schema-client/model/wire_format.hpp"
#include "tests/ingest/api/ingest_process.hpp"
#include "tests/schema-client/sample_batch.hpp"

using nlohmann::json;
using zt::testing::IngestProcess;
using Set = std::set<std::string>;

namespace {

// The machine's identity the agent computes fingerprints from: the same for every agent the
// machine gets, as /etc/machine-id (or its replacement) is.
constexpr const char* kMachine = "machine-of-web-1";

const json kIdentity = {{"machine_id", "0f3c2a9e8b7d4c6a1e5f9b2d3c4a5e6f"},
                        {"hardware_uuid", "4c4c4544-0042-3510-8052-b4c04f4e3432"}};

std::string body_of(const zt::model::Batch& batch) { return zt::model::serialize(batch); }

Set strings(IngestProcess& ingest, const std::string& sql) {
  const zt::pg::Rows rows = ingest.owner().exec(sql);
  Set out;
  for (int r = 0; r < rows.size(); ++r) out.emplace(rows.text(r, 0));
  return out;
}

// Per table (vulnerabilities_v2 and each category's), the fingerprints `batch` must leave
// under its agent.
std::map<std::string, Set> expected_rows(const zt::model::Batch& batch) {
  std::map<std::string, Set> expected;
  for (const auto& f : batch.findings) {
    expected["vulnerabilities_v2"].insert(f.fingerprint);
    expected[std::string(zt::model::spec(f.category).table)].insert(f.fingerprint);
  }
  return expected;
}

// Every finding of `batch` is in every table it belongs to, under `agent`, once.
void check_all_written(IngestProcess& ingest, const std::string& agent,
                       const zt::model::Batch& batch) {
  for (const auto& [table, fingerprints] : expected_rows(batch)) {
    INFO("table " << table << ", agent " << agent);
    CHECK(strings(ingest, "SELECT fingerprint FROM " + table + " WHERE agent_id = '" + agent +
                              "'") == fingerprints);
    CHECK(ingest.count("SELECT count(*) FROM " + table + " WHERE agent_id = '" + agent + "'") ==
          static_cast<long long>(fingerprints.size()));
  }
}

json enroll_body(const std::string& token, const json& identity) {
  zt::model::AgentInfo info;
  info.name = info.hostname = "web-1";
  info.version = "0.1.0";
  json body = {{"enrollment_token", token}, {"agent", zt::model::to_json(info)}};
  if (!identity.is_null()) body["identity"] = identity;
  return body;
}

long long findings(const zt::model::Batch& batch) {
  return static_cast<long long>(expected_rows(batch)["vulnerabilities_v2"].size());
}

std::string open_of(const std::string& agent) {
  return "SELECT fingerprint FROM vulnerabilities_v2 WHERE status = 'open' AND agent_id = '" +
         agent + "'";
}

}  // namespace

TEST_CASE("A revoked machine's enrollment with its old token is refused until an operator "
          "restores the agent or makes a token for it",
          "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const std::string token = ingest.create_token(company);
  const auto [agent, key] = ingest.enroll(token, "web-1", kIdentity);
  const auto first = zt::testing::completed_scan(kMachine, 10);
  REQUIRE(ingest.post("/api/v1/batches", body_of(first), key).status == 200);

  const auto revoked = ingest.admin({"agent", "revoke", agent, "--by", "alice"});
  REQUIRE(revoked.exit_code == 0);
  CHECK(revoked.output.at("findings_resolved") == findings(first));
  // The hand-over is visible per finding: resolved because the agent was revoked.
  CHECK(strings(ingest, "SELECT DISTINCT status || '/' || resolved_reason FROM"
                        " vulnerabilities_v2") == Set{"resolved/agent_revoked"});
  const long long uses = ingest.count("SELECT uses FROM enrollment_tokens");

  const auto refused = ingest.post("/api/v1/enroll", enroll_body(token, kIdentity).dump());
  REQUIRE(refused.status == 401);
  CHECK(json::parse(refused.body).at("error").at("code") == "revoked");
  const std::string message = json::parse(refused.body).at("error").at("message");
  CHECK_THAT(message, Catch::Contains("this machine's agent " + agent + " was revoked (by alice"));
  CHECK_THAT(message, Catch::Contains("zerotrace-ingest agent restore " + agent));
  CHECK_THAT(message, Catch::Contains("--for-agent " + agent));
  CHECK(ingest.count("SELECT count(*) FROM agents") == 1);  // no new agent row
  CHECK(ingest.count("SELECT uses FROM enrollment_tokens") == uses);  // the token not used
  CHECK(ingest.post("/api/v1/batches", body_of(zt::testing::completed_scan(kMachine, 11)), key)
            .status == 401);
  CHECK_THAT(ingest.get("/metrics").body,
             Catch::Contains("zerotrace_ingest_errors_total{kind=\"revoked_machine\"} 1"));

  std::string back_with;
  SECTION("agent restore") {
    const auto restored = ingest.admin({"agent", "restore", agent, "--by", "bob"});
    REQUIRE(restored.exit_code == 0);
    CHECK(ingest.count("SELECT count(*) FROM agents WHERE restored_by = 'bob'"
                       " AND revoked_at IS NULL") == 1);
    back_with = token;
  }
  SECTION("a token made for the agent") {
    const auto made = ingest.admin({"token", "create", "--company", company, "--for-agent", agent});
    REQUIRE(made.exit_code == 0);
    CHECK(made.output.at("for_agent_id") == agent);
    back_with = made.output.at("token");
    // The old token is still refused; only the one made for the agent lifts it.
    CHECK(ingest.post("/api/v1/enroll", enroll_body(token, kIdentity).dump()).status == 401);
  }
  const auto again = ingest.post("/api/v1/enroll", enroll_body(back_with, kIdentity).dump());
  REQUIRE(again.status == 201);
  const json answer = json::parse(again.body);
  CHECK(answer.at("agent_id") == agent);
  CHECK(answer.at("reenrolled") == true);
  CHECK(ingest.count("SELECT count(*) FROM agents") == 1);

  // Its findings flow again, every one of them, and reopen.
  const auto later = zt::testing::completed_scan(kMachine, 12);
  const auto written = ingest.post("/api/v1/batches", body_of(later),
                                   answer.at("api_key").get<std::string>());
  REQUIRE(written.status == 200);
  CHECK(json::parse(written.body).at("findings_written") == findings(later));
  check_all_written(ingest, agent, later);
  CHECK(strings(ingest, open_of(agent)) == expected_rows(later)["vulnerabilities_v2"]);
  CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2 WHERE resolved_reason IS NOT NULL")
        == 0);
}

TEST_CASE("A machine's re-enrolled agent has every finding of its batches written",
          "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const std::string token = ingest.create_token(company);
  const auto first = zt::testing::completed_scan(kMachine, 10);
  const auto second = zt::testing::completed_scan(kMachine, 11);
  REQUIRE(expected_rows(first) == expected_rows(second));  // the machine's fingerprints

  SECTION("without a machine id (lost key, purge and reinstall): a new agent, written apart") {
    const auto [old_agent, old_key] = ingest.enroll(token, "web-1");
    REQUIRE(ingest.post("/api/v1/batches", body_of(first), old_key).status == 200);
    const auto [agent, key] = ingest.enroll(token, "web-1");
    REQUIRE(agent != old_agent);
    const auto reply = ingest.post("/api/v1/batches", body_of(second), key);
    REQUIRE(reply.status == 200);
    CHECK(json::parse(reply.body).at("findings_written") == findings(second));
    check_all_written(ingest, agent, second);
    check_all_written(ingest, old_agent, first);  // the predecessor's rows untouched

    // Revoking the predecessor closes its findings, never the new agent's.
    REQUIRE(ingest.admin({"agent", "revoke", old_agent}).exit_code == 0);
    CHECK(strings(ingest, open_of(old_agent)).empty());
    CHECK(strings(ingest, open_of(agent)) == expected_rows(second)["vulnerabilities_v2"]);
  }
  SECTION("with a machine id (lost key): the same agent, its findings merged") {
    const auto [agent, old_key] = ingest.enroll(token, "web-1", kIdentity);
    REQUIRE(ingest.post("/api/v1/batches", body_of(first), old_key).status == 200);
    const auto [again, key] = ingest.enroll(token, "web-1", kIdentity);
    REQUIRE(again == agent);
    REQUIRE(ingest.post("/api/v1/batches", body_of(second), key).status == 200);
    check_all_written(ingest, agent, second);
    CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2 WHERE scan_id = '" +
                       second.scan.id + "'") == findings(second));
  }
  SECTION("with the machine id on other hardware (a reinstalled clone): its own agent") {
    const auto [agent, old_key] = ingest.enroll(token, "web-1", kIdentity);
    REQUIRE(ingest.post("/api/v1/batches", body_of(first), old_key).status == 200);
    json other = kIdentity;
    other["hardware_uuid"] = "4c4c4544-0042-3510-8052-b4c04f4e9999";
    const auto [clone, key] = ingest.enroll(token, "web-1", other);
    REQUIRE(clone != agent);
    REQUIRE(ingest.post("/api/v1/batches", body_of(second), key).status == 200);
    check_all_written(ingest, clone, second);
    check_all_written(ingest, agent, first);
  }
}

TEST_CASE("A batch whose findings are not all written is a 500 write_mismatch, never a 200",
          "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const auto [agent, key] = ingest.enroll(ingest.create_token(company), "web-1", kIdentity);
  // Stands in for a bug of ours: the auth table silently drops what it is given.
  ingest.owner().exec("CREATE FUNCTION drop_row() RETURNS trigger LANGUAGE plpgsql AS"
                      " $$ BEGIN RETURN NULL; END $$");
  ingest.owner().exec("CREATE TRIGGER drop_auth BEFORE INSERT ON auth_findings FOR EACH ROW"
                      " EXECUTE FUNCTION drop_row()");
  const auto batch = zt::testing::completed_scan(kMachine, 10);

  const auto refused = ingest.post("/api/v1/batches", body_of(batch), key);
  REQUIRE(refused.status == 500);
  const json error = json::parse(refused.body).at("error");
  CHECK(error.at("code") == "write_mismatch");
  CHECK_THAT(error.at("message").get<std::string>(),
             Catch::Contains("auth_findings: 0 rows written or merged for 1 findings"));
  CHECK(ingest.count("SELECT count(*) FROM ingested_batches") == 0);  // not acknowledged
  CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2") == 0);
  CHECK_THAT(ingest.get("/metrics").body,
             Catch::Contains("zerotrace_ingest_errors_total{kind=\"write_mismatch\"} 1"));

  ingest.owner().exec("DROP TRIGGER drop_auth ON auth_findings");
  REQUIRE(ingest.post("/api/v1/batches", body_of(batch), key).status == 200);  // the retry
  check_all_written(ingest, agent, batch);
}
