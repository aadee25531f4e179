#include <catch2/catch.hpp>

#include "schema-client/model/wire_format.hpp"
#include "tests/ingest/api/ingest_process.hpp"
#include "tests/schema-client/sample_batch.hpp"
#include "tests/support/notify_socket.hpp"
#include "tests/support/postgres_cluster.hpp"
#include "tests/support/temp_tree.hpp"

using nlohmann::json;
using zt::testing::IngestProcess;
using namespace std::chrono_literals;

TEST_CASE("Heartbeats update the agent's capabilities, metrics and status", "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const auto [id, key] = ingest.enroll(ingest.create_token(company));
  const json beat = {{"capabilities", {{"collectors", {{"system", {{"available", true}}}}}}},
                     {"metrics", {{"spool_bytes", 4096}}},
                     {"status", "degraded"}};
  const auto reply = ingest.post("/api/v1/heartbeat", beat.dump(), key);
  REQUIRE(reply.status == 200);
  CHECK(json::parse(reply.body).at("heartbeat_interval_seconds") == 60);
  CHECK(ingest.count("SELECT count(*) FROM agents WHERE id = '" + id +
                     "' AND status = 'degraded' AND (metrics->>'spool_bytes')::int = 4096"
                     " AND capabilities ? 'collectors' AND last_seen_at IS NOT NULL") == 1);
  CHECK(ingest.post("/api/v1/heartbeat", R"({"status": "asleep"})", key).status == 422);
  CHECK(ingest.post("/api/v1/heartbeat", beat.dump()).status == 401);
}

TEST_CASE("Health, readiness and metrics answer", "[integration]") {
  IngestProcess ingest;
  CHECK(ingest.get("/healthz").status == 200);
  CHECK(ingest.get("/readyz").status == 200);
  const auto metrics = ingest.get("/metrics");
  CHECK(metrics.status == 200);
  CHECK_THAT(metrics.headers.at("content-type"), Catch::StartsWith("text/plain"));
  CHECK_THAT(metrics.body, Catch::Contains("zerotrace_ingest_requests_total{route=\"/readyz\",code=\"200\"} 1"));
  CHECK_THAT(metrics.body, Catch::Contains("zerotrace_ingest_request_duration_seconds_bucket"));
  const auto nowhere = ingest.get("/nowhere");
  CHECK(nowhere.status == 404);
  CHECK(nowhere.headers.count("allow") == 0);
  const auto wrong_method = ingest.get("/api/v1/batches");
  CHECK(wrong_method.status == 405);
  CHECK(wrong_method.headers.count("allow") == 1);
  if (wrong_method.headers.count("allow")) CHECK(wrong_method.headers.at("allow") == "POST");
  CHECK(json::parse(wrong_method.body).at("error").at("code") == "method_not_allowed");
}

TEST_CASE("Past the per-agent rate the ingest answers 429 with Retry-After", "[integration]") {
  IngestProcess ingest("limits:\n  agent_requests_per_second: 0.01\n  agent_burst: 2\n");
  const std::string company = ingest.create_company("Acme");
  const auto [id, key] = ingest.enroll(ingest.create_token(company));
  CHECK(ingest.post("/api/v1/heartbeat", "{}", key).status == 200);
  CHECK(ingest.post("/api/v1/heartbeat", "{}", key).status == 200);
  const auto refused = ingest.post("/api/v1/heartbeat", "{}", key);
  CHECK(refused.status == 429);
  REQUIRE(refused.headers.count("retry-after") == 1);
  CHECK(std::stoi(refused.headers.at("retry-after")) >= 1);
}

TEST_CASE("While the database is down batches get 503 with Retry-After, once it is back the "
          "same batch is written exactly once",
          "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const auto [id, key] = ingest.enroll(ingest.create_token(company));
  const auto first = zt::testing::completed_scan(id, 10);
  REQUIRE(ingest.post("/api/v1/batches", zt::model::serialize(first), key).status == 200);

  const auto batch = zt::testing::completed_scan(id, 11);
  zt::test::shared_cluster().stop();
  const auto down = ingest.post("/api/v1/batches", zt::model::serialize(batch), key);
  CHECK(down.status == 503);
  CHECK(down.headers.count("retry-after") == 1);
  CHECK(json::parse(down.body).at("max_batch_findings") == 1000);
  CHECK(ingest.get("/readyz").status == 503);
  CHECK(ingest.get("/healthz").status == 200);
  zt::test::shared_cluster().start();
  ingest.reconnect_owner();

  const auto back = ingest.post("/api/v1/batches", zt::model::serialize(batch), key);
  REQUIRE(back.status == 200);
  CHECK(json::parse(back.body).at("result") == "written");
  CHECK(ingest.post("/api/v1/batches", zt::model::serialize(batch), key).status == 200);
  CHECK(ingest.count("SELECT count(*) FROM ingested_batches") == 2);
  CHECK(ingest.count("SELECT count(*) FROM dependencies") ==
        2 * static_cast<long long>(batch.dependencies.size()));
  CHECK(ingest.count("SELECT count(*) FROM scans") == 2);
}

TEST_CASE("serve refuses a role that would bypass row-level security, and an unmigrated "
          "database",
          "[integration]") {
  auto& cluster = zt::test::shared_cluster();
  zt::test::TempTree tree;
  const std::string migrated = cluster.create_database();
  const std::string as_owner = tree.write("owner.yaml",
      "tls:\n  enabled: false\ndatabase:\n  url: " + cluster.url(migrated) + "\n").string();
  const auto refused = zt::test::run_process(
      {zt::testing::ingest_binary(), "--config", as_owner, "serve", "--listen", "127.0.0.1:0"});
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.err, Catch::Contains("is a superuser"));

  const std::string empty = cluster.create_empty_database();
  const std::string unmigrated = tree.write("empty.yaml",
      "tls:\n  enabled: false\ndatabase:\n  url: " +
      cluster.url(empty, zt::test::PostgresCluster::kIngestRole) + "\n").string();
  const auto not_ready = zt::test::run_process(
      {zt::testing::ingest_binary(), "--config", unmigrated, "serve", "--listen", "127.0.0.1:0"});
  CHECK(not_ready.exit_code == 1);
  CHECK_THAT(not_ready.err, Catch::Contains("run `zerotrace-ingest migrate`"));
}

TEST_CASE("serve tells systemd it is ready once listening, and when it stops", "[integration]") {
  zt::test::TempTree dir;
  zt::test::NotifySocket notify((dir.root() / "notify").string());
  IngestProcess ingest("", true, {"NOTIFY_SOCKET=" + notify.path()});
  std::vector<std::string> seen;
  const auto ready = notify.wait_for("READY=1", 10s, seen);
  REQUIRE(ready);
  CHECK(*ready == "READY=1\nSTATUS=listening on port " + std::to_string(ingest.port()));
  ingest.stop();
  CHECK(notify.wait_for("STOPPING=1", 10s, seen));
}
