#include <catch2/catch.hpp>

#include "schema-client/model/wire_format.hpp"
#include "tests/ingest/api/ingest_process.hpp"
#include "tests/schema-client/base/gzip_writer.hpp"
#include "tests/schema-client/sample_batch.hpp"

using nlohmann::json;
using zt::model::Category;
using zt::testing::IngestProcess;

namespace {

struct EnrolledAgent {
  std::string company, id, key;
};

EnrolledAgent enrolled(IngestProcess& ingest, const std::string& company_name = "Acme") {
  EnrolledAgent agent;
  agent.company = ingest.create_company(company_name);
  std::tie(agent.id, agent.key) = ingest.enroll(ingest.create_token(agent.company));
  return agent;
}

std::string body_of(const zt::model::Batch& batch) { return zt::model::serialize(batch); }

}  // namespace

TEST_CASE("A batch is written once: the same batch again is acknowledged as a duplicate",
          "[integration]") {
  IngestProcess ingest;
  const auto agent = enrolled(ingest);
  const auto batch = zt::testing::completed_scan(agent.id, 10);
  const auto n = static_cast<long long>(batch.findings.size());

  const auto first = ingest.post("/api/v1/batches", body_of(batch), agent.key);
  REQUIRE(first.status == 200);
  CHECK(json::parse(first.body).at("result") == "written");
  CHECK(json::parse(first.body).at("findings_written") == n);
  CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2 WHERE agent_id = '" + agent.id +
                     "' AND company_id = '" + agent.company + "'") == n);
  CHECK(ingest.count("SELECT count(*) FROM auth_findings") == 1);
  CHECK(ingest.count("SELECT count(*) FROM dependencies") ==
        static_cast<long long>(batch.dependencies.size()));

  const auto again = ingest.post("/api/v1/batches", body_of(batch), agent.key);
  REQUIRE(again.status == 200);
  CHECK(json::parse(again.body).at("result") == "duplicate");
  CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2") == n);
  CHECK(ingest.count("SELECT count(*) FROM dependencies") ==
        static_cast<long long>(batch.dependencies.size()));

  const std::string metrics = ingest.get("/metrics").body;
  CHECK_THAT(metrics, Catch::Contains("zerotrace_ingest_batches_total{outcome=\"written\"} 1"));
  CHECK_THAT(metrics, Catch::Contains("zerotrace_ingest_batches_total{outcome=\"duplicate\"} 1"));
  CHECK_THAT(metrics, Catch::Contains("zerotrace_ingest_findings_written_total " + std::to_string(n)));
}

TEST_CASE("Findings resolve when a completed scan no longer reports them and reopen when they "
          "return, over HTTPS",
          "[integration]") {
  IngestProcess ingest;
  const auto agent = enrolled(ingest);
  REQUIRE(ingest.post("/api/v1/batches", body_of(zt::testing::completed_scan(agent.id, 10)),
                      agent.key).status == 200);
  auto without_auth = zt::testing::completed_scan(agent.id, 11);
  std::erase_if(without_auth.findings, [](const auto& f) { return f.category == Category::auth; });
  const auto reply = ingest.post("/api/v1/batches", body_of(without_auth), agent.key);
  REQUIRE(reply.status == 200);
  CHECK(json::parse(reply.body).at("findings_resolved") == 1);
  CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2 WHERE category = 'auth'"
                     " AND status = 'resolved'") == 1);

  REQUIRE(ingest.post("/api/v1/batches", body_of(zt::testing::completed_scan(agent.id, 12)),
                      agent.key).status == 200);
  CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2 WHERE status = 'open'") ==
        static_cast<long long>(zt::testing::sample_batch().findings.size()));
}

TEST_CASE("Batches are refused with a clear error and nothing written", "[integration]") {
  IngestProcess ingest;
  const auto agent = enrolled(ingest);
  const auto batch = zt::testing::completed_scan(agent.id, 10);
  auto code_of = [](const zt::test::HttpReply& r) {
    return json::parse(r.body).at("error").at("code").get<std::string>();
  };

  SECTION("no key, an unknown key, a revoked key: 401") {
    CHECK(ingest.post("/api/v1/batches", body_of(batch)).status == 401);
    CHECK(ingest.post("/api/v1/batches", body_of(batch), "zt_unknown").status == 401);
    REQUIRE(ingest.admin({"agent", "revoke", agent.id}).exit_code == 0);
    const auto revoked = ingest.post("/api/v1/batches", body_of(batch), agent.key);
    CHECK(revoked.status == 401);
    CHECK_THAT(revoked.body, Catch::Contains("revoked"));
  }
  SECTION("malformed JSON: 400") {
    const auto r = ingest.post("/api/v1/batches", "{\"batch_id\": [", agent.key);
    CHECK(r.status == 400);
    CHECK(code_of(r) == "malformed_json");
  }
  SECTION("wrong content type: 415") {
    CHECK(ingest.post("/api/v1/batches", body_of(batch), agent.key,
                      {"Content-Type: application/x-www-form-urlencoded"})
              .status == 415);
  }
  SECTION("schema violations: 422 naming each JSON path") {
    json document = zt::model::to_json(batch);
    document["findings"][2]["severity"] = "catastrophic";
    document["scan"].erase("id");
    const auto r = ingest.post("/api/v1/batches", document.dump(), agent.key);
    REQUIRE(r.status == 422);
    const std::string problems = json::parse(r.body).at("error").at("problems").dump();
    CHECK_THAT(problems, Catch::Contains("$.findings[2].severity"));
    CHECK_THAT(problems, Catch::Contains("$.scan.id"));
  }
  SECTION("over the body limit: 413") {
    const auto r = ingest.post("/api/v1/batches", std::string(9 * 1024 * 1024, ' '), agent.key);
    CHECK(r.status == 413);
  }
  SECTION("the scan id of another agent of the same company: 409") {
    std::string other_id, other_key;
    std::tie(other_id, other_key) = ingest.enroll(ingest.create_token(agent.company), "web-2");
    const auto theirs = zt::testing::completed_scan(other_id, 10);
    REQUIRE(ingest.post("/api/v1/batches", body_of(theirs), other_key).status == 200);
    auto forged = batch;
    forged.scan.id = theirs.scan.id;
    const auto r = ingest.post("/api/v1/batches", body_of(forged), agent.key);
    CHECK(r.status == 409);
    CHECK(code_of(r) == "conflict");
    CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2 WHERE agent_id = '" + agent.id +
                       "'") == 0);
  }
  CHECK(ingest.count("SELECT count(*) FROM ingested_batches WHERE agent_id = '" + agent.id +
                     "'") == 0);
}

TEST_CASE("A gzip batch is accepted", "[integration]") {
  IngestProcess ingest;
  const auto agent = enrolled(ingest);
  const auto batch = zt::testing::completed_scan(agent.id, 10);
  const auto r = ingest.post("/api/v1/batches", zt::test::gzip(body_of(batch)), agent.key,
                             {"Content-Type: application/json", "Content-Encoding: gzip"});
  REQUIRE(r.status == 200);
  CHECK(ingest.count("SELECT count(*) FROM vulnerabilities_v2") ==
        static_cast<long long>(batch.findings.size()));
}

TEST_CASE("Every answer to a batch advises max_batch_findings, refusals included",
          "[integration]") {
  IngestProcess ingest("limits:\n  max_batch_findings: 250\n  agent_requests_per_second: 0.01\n"
                       "  agent_burst: 3\n");
  const auto agent = enrolled(ingest);
  const auto batch = zt::testing::completed_scan(agent.id, 10);
  auto advised = [](const zt::test::HttpReply& r) {
    INFO(r.status << " " << r.body);
    return json::parse(r.body).at("max_batch_findings").get<int>();
  };
  const auto written = ingest.post("/api/v1/batches", body_of(batch), agent.key);
  REQUIRE(written.status == 200);
  CHECK(advised(written) == 250);
  const auto duplicate = ingest.post("/api/v1/batches", body_of(batch), agent.key);
  REQUIRE(json::parse(duplicate.body).at("result") == "duplicate");
  CHECK(advised(duplicate) == 250);
  json invalid = zt::model::to_json(batch);
  invalid.erase("batch_id");
  const auto refused = ingest.post("/api/v1/batches", invalid.dump(), agent.key);
  REQUIRE(refused.status == 422);
  CHECK(advised(refused) == 250);
  const auto too_large =
      ingest.post("/api/v1/batches", std::string(9 * 1024 * 1024, ' '), agent.key);
  REQUIRE(too_large.status == 413);  // the server's own refusal, before any route
  CHECK(advised(too_large) == 250);
  // Three requests of a burst of three were authenticated above: the fourth is over.
  const auto over_rate = ingest.post("/api/v1/batches", body_of(batch), agent.key);
  REQUIRE(over_rate.status == 429);
  CHECK(advised(over_rate) == 250);
  // Other routes are not told.
  CHECK_FALSE(json::parse(ingest.get("/healthz").body).contains("max_batch_findings"));
}
