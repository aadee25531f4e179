// The ingest never answers 5xx for a property of a batch, keeps tenants' batch ids apart and
// enforces its limits: over real HTTPS, on a real PostgreSQL.
#include <catch2/catch.hpp>

#include <string>

#include "schema-client/model/digest.hpp"
#include "schema-client/model/wire_format.hpp"
#include "tests/ingest/api/ingest_process.hpp"
#include "tests/schema-client/sample_batch.hpp"

using nlohmann::json;
using zt::testing::IngestProcess;

namespace {

struct EnrolledAgent {
  std::string company, id, key;
};

EnrolledAgent enrolled(IngestProcess& ingest, const std::string& company_name) {
  EnrolledAgent agent;
  agent.company = ingest.create_company(company_name);
  std::tie(agent.id, agent.key) = ingest.enroll(ingest.create_token(agent.company));
  return agent;
}

json problems_of(const zt::test::HttpReply& reply) {
  return json::parse(reply.body).at("error").at("problems");
}

json nested(int levels) {
  json value = 1;
  for (int i = 0; i < levels; ++i) value = json{{"a", value}};
  return value;
}

}  // namespace

TEST_CASE("A batch's values are cleaned or refused with 4xx naming each path, never a 5xx",
          "[integration]") {
  IngestProcess ingest;
  const auto agent = enrolled(ingest, "Acme");
  json doc = zt::model::to_json(zt::testing::completed_scan(agent.id, 10));
  auto post = [&] { return ingest.post("/api/v1/batches", doc.dump(), agent.key); };

  SECTION("U+0000 in a title, a field and the metadata: written, replaced by U+FFFD, noted") {
    doc["findings"][3]["title"] = std::string("empty\0password", 14);
    doc["findings"][3]["fields"]["user_account"] = std::string("back\0up", 7);
    doc["findings"][3]["metadata"]["file"] = std::string("/etc/\0shadow", 12);
    const auto r = post();
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(ingest.count("SELECT count(*) FROM auth_findings WHERE title = 'empty' || chr(65533)"
                       " || 'password' AND user_account = 'back' || chr(65533) || 'up'") == 1);
    CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2 WHERE category = 'auth' AND"
                       " metadata->'zt_cleaned' = '[\"title: 1 U+0000 replaced by U+FFFD\","
                       " \"fields.user_account: 1 U+0000 replaced by U+FFFD\","
                       " \"metadata.file: 1 U+0000 replaced by U+FFFD\"]'::jsonb") == 1);
    CHECK_THAT(ingest.get("/metrics").body,
               Catch::Contains("zerotrace_ingest_values_cleaned_total 3"));
  }
  SECTION("a 5,000-character finding_type (varchar(100)): 422 naming the path") {
    doc["findings"][3]["fields"]["finding_type"] = std::string(5000, 'x');
    const auto r = post();
    REQUIRE(r.status == 422);
    CHECK(problems_of(r) == json::array({"$.findings[3].fields.finding_type: longer than the "
                                         "column's 100 characters (5000)"}));
  }
  SECTION("a 100,000-character title: written, cut to 1,024 characters, noted") {
    doc["findings"][3]["title"] = std::string(100000, 't');
    const auto r = post();
    REQUIRE(r.status == 200);
    CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2 WHERE length(title) = 1024"
                       " AND metadata->'zt_cleaned'->>0 = 'title: cut from 100000 to 1024"
                       " characters'") == 1);
  }
  SECTION("JSON 40 levels deep in the metadata: 422 naming the path") {
    doc["findings"][0]["metadata"]["deep"] = nested(40);
    const auto r = post();
    REQUIRE(r.status == 422);
    std::string path = "$.findings[0].metadata.deep";
    for (int i = 0; i < 31; ++i) path += ".a";
    CHECK(problems_of(r) == json::array({path + ": JSON nested deeper than 32 levels"}));
  }
  SECTION("JSON 100,000 levels deep in the metadata: 422 before anything copies it") {
    doc["findings"][0]["metadata"]["x"] = "DEEP";
    std::string deep = doc.dump();
    deep.replace(deep.find("\"DEEP\""), 6,
                 std::string(100000, '[') + std::string(100000, ']'));
    const auto r = ingest.post("/api/v1/batches", deep, agent.key);
    REQUIRE(r.status == 422);
    CHECK(problems_of(r) == json::array({"$: JSON nested deeper than 256 levels"}));
  }
  SECTION("huge numbers: a port, a count, a CVSS score: 422 naming each path") {
    doc["findings"][1]["fields"]["port"] = 4294967296LL;
    doc["findings"][1]["fields"]["vulnerability_count"] = 99999999999LL;
    doc["findings"][0]["metadata"]["cvss_score"] = 1e300;
    const auto r = post();
    REQUIRE(r.status == 422);
    CHECK(problems_of(r) ==
          json::array({"$.findings[0].metadata.cvss_score: must be a number between 0 and 10, "
                       "got 1e+300",
                       "$.findings[1].fields.port: must be between 0 and 65535 (the column's "
                       "range), got 4294967296",
                       "$.findings[1].fields.vulnerability_count: must be between -2147483648 "
                       "and 2147483647 (the column's range), got 99999999999"}));
  }
  SECTION("a number too large for a double: 400") {
    const std::string body = doc.dump();
    const auto r = ingest.post("/api/v1/batches",
                               body.substr(0, body.size() - 1) + ",\"x\": 1e400}", agent.key);
    CHECK(r.status == 400);
  }
  CHECK(ingest.count("SELECT count(*) FROM ingested_batches WHERE agent_id = '" + agent.id +
                     "'") <= 1);
  const std::string metrics = ingest.get("/metrics").body;
  CHECK_THAT(metrics, !Catch::Contains("code=\"500\""));
}

TEST_CASE("A database error the checks missed is a 500 logged with its SQLSTATE and counted",
          "[integration]") {
  IngestProcess ingest;
  const auto agent = enrolled(ingest, "Acme");
  // A constraint the model does not know of stands for a check it lacks.
  ingest.owner().exec("ALTER TABLE auth_findings ADD CONSTRAINT zt_test_short_title"
                      " CHECK (length(title) < 5)");
  const auto r = ingest.post("/api/v1/batches",
                             zt::model::serialize(zt::testing::completed_scan(agent.id, 10)),
                             agent.key);
  CHECK(r.status == 500);
  CHECK(ingest.server().wait_for_stderr("SQLSTATE 23514", std::chrono::seconds(20)));
  CHECK_THAT(ingest.server().stderr_text(), Catch::Contains("zt_test_short_title"));
  CHECK_THAT(ingest.get("/metrics").body,
             Catch::Contains("zerotrace_ingest_database_errors_total{class=\"23\"} 1"));
}

TEST_CASE("The same batch_id from two tenants is written for each, nothing swallowed",
          "[integration]") {
  IngestProcess ingest;
  const auto a = enrolled(ingest, "Company A");
  const auto b = enrolled(ingest, "Company B");
  const auto of_a = zt::testing::completed_scan(a.id, 10);
  auto of_b = zt::testing::completed_scan(b.id, 10);
  of_b.batch_id = of_a.batch_id;
  of_b.scan.id = of_a.scan.id;  // the scan id too: keyed per company as well

  const auto first = ingest.post("/api/v1/batches", zt::model::serialize(of_a), a.key);
  REQUIRE(first.status == 200);
  const auto second = ingest.post("/api/v1/batches", zt::model::serialize(of_b), b.key);
  INFO(second.body);
  REQUIRE(second.status == 200);
  CHECK(json::parse(second.body).at("result") == "written");
  const auto n = static_cast<long long>(of_b.findings.size());
  for (const auto& company : {a.company, b.company})
    CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2 WHERE company_id = '" +
                       company + "'") == n);
  // A's own retry is still a duplicate.
  const auto retry = ingest.post("/api/v1/batches", zt::model::serialize(of_a), a.key);
  REQUIRE(retry.status == 200);
  CHECK(json::parse(retry.body).at("result") == "duplicate");
}

TEST_CASE("A batch over max_batch_findings is refused with 413, nothing written",
          "[integration]") {
  IngestProcess ingest("limits:\n  max_batch_findings: 1000\n");
  const auto agent = enrolled(ingest, "Acme");
  auto batch = zt::testing::completed_scan(agent.id, 10);
  const auto sample = batch.findings;
  batch.findings.clear();
  for (int i = 0; i < 5000; ++i) {
    auto f = sample[static_cast<std::size_t>(i) % sample.size()];
    f.fingerprint = zt::model::sha256_hex(std::to_string(i));
    batch.findings.push_back(f);
  }
  const auto r = ingest.post("/api/v1/batches", zt::model::serialize(batch), agent.key);
  INFO(r.body.substr(0, 500));
  REQUIRE(r.status == 413);
  const json answer = json::parse(r.body);
  CHECK(answer.at("max_batch_findings") == 1000);
  CHECK(answer.at("error").at("code") == "batch_too_large");
  CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2") == 0);
  CHECK(ingest.count("SELECT count(*) FROM ingested_batches") == 0);

  // Findings plus dependencies: exactly the limit is accepted.
  batch.findings.resize(1000 - batch.dependencies.size());
  CHECK(ingest.post("/api/v1/batches", zt::model::serialize(batch), agent.key).status == 200);
}

TEST_CASE("A flood of unknown keys is refused with 429 before the database is asked",
          "[integration]") {
  IngestProcess ingest("limits:\n  failed_auth_per_second: 0.01\n  failed_auth_burst: 5\n");
  const auto agent = enrolled(ingest, "Acme");
  const std::string body = zt::model::serialize(zt::testing::completed_scan(agent.id, 10));
  for (int i = 0; i < 5; ++i)
    REQUIRE(ingest.post("/api/v1/batches", body, "zt_unknown_" + std::to_string(i)).status ==
            401);
  // From here on a key lookup would fail: the ingest role may no longer run it. A 429 (not a
  // 500) proves the database was not asked.
  ingest.owner().exec("REVOKE EXECUTE ON FUNCTION zt_authenticate_agent(text)"
                      " FROM zerotrace_ingest");
  for (int i = 0; i < 20; ++i) {
    const auto r = ingest.post("/api/v1/batches", body, "zt_unknown_more_" + std::to_string(i));
    INFO(i << ": " << r.status << " " << r.body);
    REQUIRE(r.status == 429);
    CHECK(json::parse(r.body).at("max_batch_findings") == 1000);
  }
  // A valid key from the same address is refused too until the budget refills: the ingest
  // cannot tell it apart before looking it up.
  CHECK(ingest.post("/api/v1/heartbeat", "{}", agent.key).status == 429);
  const std::string metrics = ingest.get("/metrics").body;
  CHECK_THAT(metrics, Catch::Contains("zerotrace_ingest_errors_total{kind=\"auth_rate_limited\"} 21"));
  CHECK_THAT(metrics, Catch::Contains("zerotrace_ingest_errors_total{kind=\"unauthorized\"} 5"));
}

TEST_CASE("Enrollment and heartbeats get the same column checks: cleaned or 4xx, never a 5xx",
          "[integration]") {
  IngestProcess ingest;
  const auto agent = enrolled(ingest, "Acme");
  const json heartbeat = {{"metrics", {{std::string("k\0ey", 4), std::string("va\0lue", 6)}}},
                          {"capabilities", {{"deep", nested(40)}}}};
  const auto deep = ingest.post("/api/v1/heartbeat", heartbeat.dump(), agent.key);
  REQUIRE(deep.status == 422);
  std::string path = "$.capabilities.deep";
  for (int i = 0; i < 31; ++i) path += ".a";
  CHECK(problems_of(deep) == json::array({path + ": JSON nested deeper than 32 levels"}));

  json cleaned = heartbeat;
  cleaned.erase("capabilities");
  const auto beat = ingest.post("/api/v1/heartbeat", cleaned.dump(), agent.key);
  INFO(beat.body);
  REQUIRE(beat.status == 200);
  CHECK(ingest.count("SELECT count(*) FROM agents WHERE metrics->>('k' || chr(65533) || 'ey')"
                     " = 'va' || chr(65533) || 'lue'") == 1);

  zt::model::AgentInfo info;
  info.name = info.hostname = "web-2";
  info.version = std::string(65, '1');
  const json enrollment = {{"enrollment_token", ingest.create_token(agent.company)},
                           {"agent", zt::model::to_json(info)}};
  const auto refused = ingest.post("/api/v1/enroll", enrollment.dump());
  REQUIRE(refused.status == 422);
  CHECK(problems_of(refused) ==
        json::array({"$.agent.version: longer than the column's 64 characters (65)"}));
}
