// The route table without a database: which handler answers, 404 and 405 with Allow, the
// paths the server labels its metrics with, health and readiness (ingest/routes.hpp).
#include <set>
#include <utility>

#include "tests/ingest/routes/fake_store.hpp"

using nlohmann::json;
using zt::test::body_of;
using zt::test::error_body;
using zt::test::RoutesFixture;

namespace {

const json kBatchFields = {{"max_batch_findings", RoutesFixture::kMaxBatchFindings},
                           {"differential_uploads", true}};

json with_batch_fields(json body) {
  body.update(kBatchFields);
  return body;
}

}  // namespace

TEST_CASE("A known path answers another method with 405 naming the one it takes in Allow",
          "[unit]") {
  RoutesFixture fixture;
  using Case = std::pair<std::string, std::string>;  // path, the method it takes
  for (const auto& [path, method] :
       {Case{"/api/v1/enroll", "POST"}, Case{"/api/v1/heartbeat", "POST"},
        Case{"/api/v1/batches", "POST"}, Case{"/healthz", "GET"}, Case{"/readyz", "GET"},
        Case{"/metrics", "GET"}}) {
    const std::string wrong = method == "GET" ? "POST" : "GET";
    INFO(wrong << " " << path);
    const auto response = fixture.call(wrong, path);
    CHECK(response.status == 405);
    CHECK(response.allow == method);
    json expected = error_body("method_not_allowed", wrong + " is not allowed on " + path);
    if (path == "/api/v1/batches") expected = with_batch_fields(expected);
    CHECK(body_of(response) == expected);
  }
  CHECK(fixture.call("DELETE", "/api/v1/batches").allow == "POST");
  CHECK(fixture.store.lookups == 0);
}

TEST_CASE("An unknown path is a 404 without Allow", "[unit]") {
  RoutesFixture fixture;
  for (const std::string method : {"GET", "POST"}) {
    const auto response = fixture.call(method, "/api/v1/batch");
    CHECK(response.status == 404);
    CHECK(response.allow.empty());
    CHECK(body_of(response) == error_body("not_found", "no route /api/v1/batch"));
  }
}

TEST_CASE("The server is told the table's paths, and what every answer on each carries",
          "[unit]") {
  RoutesFixture fixture;
  std::set<std::pair<std::string, std::string>> told;
  for (const auto& route : fixture.routes.known_routes())
    told.emplace(route.path, route.answer_fields.dump());
  CHECK(told == std::set<std::pair<std::string, std::string>>{
                    {"/api/v1/enroll", "null"},
                    {"/api/v1/heartbeat", "null"},
                    {"/api/v1/batches", kBatchFields.dump()},
                    {"/healthz", "null"},
                    {"/readyz", "null"},
                    {"/metrics", "null"}});
}

TEST_CASE("Health answers without the database, readiness asks it", "[unit]") {
  RoutesFixture fixture;
  const auto healthy = fixture.call("GET", "/healthz");
  CHECK(healthy.status == 200);
  CHECK(body_of(healthy) == json{{"status", "ok"}});
  const auto ready = fixture.call("GET", "/readyz");
  CHECK(ready.status == 200);
  CHECK(body_of(ready) == json{{"status", "ready"}});

  fixture.store.down = true;
  CHECK(fixture.call("GET", "/healthz").status == 200);
  const auto away = fixture.call("GET", "/readyz");
  CHECK(away.status == 503);
  CHECK(away.retry_after == RoutesFixture::kRetryAfter);
  CHECK(body_of(away) ==
        error_body("database_unavailable", "the database is unavailable; retry later"));

  const auto metrics = fixture.call("GET", "/metrics");
  CHECK(metrics.status == 200);
  CHECK(metrics.content_type == "text/plain; version=0.0.4");
  CHECK_THAT(metrics.body,
             Catch::Contains("zerotrace_ingest_errors_total{kind=\"database_unavailable\"} 1\n"));
}

TEST_CASE("A database error the checks missed is a 500 counted by its SQLSTATE class",
          "[unit]") {
  RoutesFixture fixture;
  fixture.store.failing_state = "22001";
  const auto failed = fixture.call("GET", "/readyz");
  CHECK(failed.status == 500);
  CHECK_FALSE(failed.retry_after);
  CHECK(body_of(failed) == error_body("internal_error", "the request could not be stored"));
  const std::string text = fixture.metrics.render();
  CHECK_THAT(text, Catch::Contains("zerotrace_ingest_database_errors_total{class=\"22\"} 1\n"));
  CHECK_THAT(text, Catch::Contains("zerotrace_ingest_errors_total{kind=\"database\"} 1\n"));
}
