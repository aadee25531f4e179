// POST /api/v1/batches without a database: every answer of the contract (ingest/routes.hpp),
// each with "max_batch_findings", and what reaches the store.
#include <string>

#include "tests/ingest/routes/fake_store.hpp"
#include "tests/schema-client/sample_batch.hpp"

using nlohmann::json;
using zt::test::body_of;
using zt::test::Budget;
using zt::test::error_body;
using zt::test::RoutesFixture;

namespace {

constexpr const char* kPath = "/api/v1/batches";

json advised(json body) {
  body["max_batch_findings"] = RoutesFixture::kMaxBatchFindings;
  body["differential_uploads"] = true;
  return body;
}

std::string sample_body() { return zt::testing::sample_document().dump(); }

}  // namespace

TEST_CASE("A batch is written as the key's agent and answered with the store's counts",
          "[unit]") {
  RoutesFixture fixture;
  const auto agent = fixture.agent("agent-1");
  const auto sample = zt::testing::sample_batch();
  fixture.store.write_result = zt::pg::WriteReport{false, 12, 3, 2, "", 0, 0, 0, ""};
  const auto written = fixture.post(kPath, sample_body(), agent.key);
  CHECK(written.status == 200);
  CHECK(body_of(written) == advised({{"batch_id", sample.batch_id},
                                     {"result", "written"},
                                     {"findings_written", 12},
                                     {"dependencies_written", 3},
                                     {"findings_resolved", 2},
                                     {"findings_unchanged", 0}}));
  REQUIRE(fixture.store.batches.size() == 1);
  CHECK(fixture.store.batches[0].batch_id == sample.batch_id);
  CHECK(fixture.store.batches[0].findings.size() == sample.findings.size());

  fixture.store.write_result = zt::pg::WriteReport{true, 0, 0, 0, "", 0, 0, 0, ""};
  const auto again = fixture.post(kPath, sample_body(), agent.key);
  CHECK(again.status == 200);
  CHECK(body_of(again) == advised({{"batch_id", sample.batch_id},
                                   {"result", "duplicate"},
                                   {"findings_written", 0},
                                   {"dependencies_written", 0},
                                   {"findings_resolved", 0},
                                   {"findings_unchanged", 0}}));
  const std::string text = fixture.metrics.render();
  CHECK_THAT(text, Catch::Contains("zerotrace_ingest_batches_total{outcome=\"written\"} 1\n"));
  CHECK_THAT(text, Catch::Contains("zerotrace_ingest_batches_total{outcome=\"duplicate\"} 1\n"));
  CHECK_THAT(text, Catch::Contains("zerotrace_ingest_findings_written_total 12\n"));
}

TEST_CASE("A batch over max_batch_findings is a 413 before it is read or stored", "[unit]") {
  RoutesFixture fixture;
  const auto agent = fixture.agent("agent-1");
  json document = zt::testing::sample_document();
  // Config files count as the agent counts them.
  const std::size_t others = document.at("findings").size() + document.at("config_files").size();
  REQUIRE(document.at("config_files").size() == 2);
  // Items are counted before the batch is read: malformed dependencies count too.
  document["dependencies"] = json::array();
  for (std::size_t i = 0; others + i <= RoutesFixture::kMaxBatchFindings; ++i)
    document["dependencies"].push_back(i);
  const auto response = fixture.post(kPath, document.dump(), agent.key);
  CHECK(response.status == 413);
  CHECK(body_of(response) ==
        advised(error_body("batch_too_large",
                           "the batch holds 251 items (findings, dependencies and config "
                           "files), over max_batch_findings (250): send it in smaller batches")));
  CHECK(fixture.store.batches.empty());
  CHECK_THAT(fixture.metrics.render(),
             Catch::Contains("zerotrace_ingest_batches_total{outcome=\"rejected\"} 1\n"));
}

TEST_CASE("A batch the wire format refuses is a 422 naming each problem's path", "[unit]") {
  RoutesFixture fixture;
  const auto agent = fixture.agent("agent-1");
  json document = zt::testing::sample_document();
  document["findings"][0]["severity"] = "dire";
  document["colour"] = "red";
  const auto response = fixture.post(kPath, document.dump(), agent.key);
  CHECK(response.status == 422);
  CHECK(body_of(response) == advised(error_body("invalid_batch",
                                                "the batch does not follow the wire format",
                                                {"$.colour: unknown key",
                                                 "$.findings[0].severity: must be one of "
                                                 "critical, high, medium, low, info, got "
                                                 "\"dire\""})));
  CHECK(fixture.store.batches.empty());
}

TEST_CASE("A batch the store refuses is a 409, one it did not write whole is a 500", "[unit]") {
  RoutesFixture fixture;
  const auto agent = fixture.agent("agent-1");
  fixture.store.write_result = zt::model::Error{"scan 42 belongs to another agent"};
  const auto conflict = fixture.post(kPath, sample_body(), agent.key);
  CHECK(conflict.status == 409);
  CHECK(body_of(conflict) == advised(error_body("conflict", "scan 42 belongs to another agent")));

  fixture.store.write_result = zt::pg::WriteReport{false, 12, 3, 0, "auth_findings 0 of 1", 0, 0, 0, ""};
  const auto mismatch = fixture.post(kPath, sample_body(), agent.key);
  CHECK(mismatch.status == 500);
  CHECK(body_of(mismatch) ==
        advised(error_body("write_mismatch",
                           "the batch's findings were not all written: auth_findings 0 of 1")));
  const std::string text = fixture.metrics.render();
  CHECK_THAT(text, Catch::Contains("zerotrace_ingest_batches_total{outcome=\"rejected\"} 2\n"));
  CHECK_THAT(text, Catch::Contains("zerotrace_ingest_errors_total{kind=\"write_mismatch\"} 1\n"));
  CHECK_THAT(text, Catch::Contains("zerotrace_ingest_batches_total{outcome=\"written\"} 0\n"));
}

TEST_CASE("Every refusal of a batch before the store advises max_batch_findings too", "[unit]") {
  RoutesFixture fixture({}, Budget{0.001, 1});
  const auto agent = fixture.agent("agent-1");
  const auto text = fixture.call("POST", kPath, sample_body(), agent.key, "text/plain");
  CHECK(text.status == 415);
  CHECK(body_of(text) == advised(error_body("unsupported_media_type",
                                            "Content-Type must be application/json, got "
                                            "\"text/plain\"")));
  const auto malformed = fixture.post(kPath, "{", agent.key);
  CHECK(malformed.status == 400);
  CHECK(body_of(malformed) ==
        advised(error_body("malformed_json", "the request body is not valid JSON")));
  const auto no_key = fixture.post(kPath, sample_body());
  CHECK(no_key.status == 401);
  CHECK(body_of(no_key) ==
        advised(error_body("unauthorized", "an api key is required: Authorization: Bearer zt_…")));
  const auto unknown = fixture.post(kPath, sample_body(), "zt_unknown");
  CHECK(unknown.status == 401);
  CHECK(body_of(unknown) == advised(error_body("unauthorized", "unknown api key")));
  const auto limited = fixture.post(kPath, sample_body(), "zt_unknown");
  CHECK(limited.status == 429);
  CHECK(body_of(limited) ==
        advised(error_body("rate_limited",
                           "too many failed authentications from this address; retry later")));
  CHECK(fixture.store.batches.empty());
}

TEST_CASE("While the database is away a batch gets 503 with Retry-After", "[unit]") {
  RoutesFixture fixture;
  const auto agent = fixture.agent("agent-1");
  fixture.store.down = true;
  const auto response = fixture.post(kPath, sample_body(), agent.key);
  CHECK(response.status == 503);
  CHECK(response.retry_after == RoutesFixture::kRetryAfter);
  CHECK(body_of(response) ==
        advised(error_body("database_unavailable", "the database is unavailable; retry later")));
}
