// Delivery under faults, end to end (real daemon, ingest and PostgreSQL): the agent killed
// mid-upload, the answer lost after the commit, a damaged spool, a database away (503) and
// a rate limit (429). Each ends with every batch in the database once, or accounted for.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "tests/e2e/e2e_world.hpp"
#include "tests/support/cut_proxy.hpp"
#include "tests/support/postgres_cluster.hpp"

using namespace zt::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

constexpr const char* kIngested = "SELECT count(*) FROM ingested_batches";
// Scans some of whose parts never arrived.
constexpr const char* kIncompleteScans =
    "SELECT count(*) FROM (SELECT scan_id FROM ingested_batches GROUP BY scan_id, parts"
    " HAVING count(*) <> parts) AS partial";

// With the ingest stopped, runs `cycles` scan cycles and stops the agent: its spool then
// holds every batch of them. Returns how many.
std::size_t spool_while_ingest_down(E2eWorld& world, AgentProcess& agent, int cycles) {
  const std::size_t per_cycle =
      batches_per_cycle(world.host.root(), agent.setup().batch_max_findings);
  world.ingest.stop();
  agent.start();  // the first cycle runs at start
  for (int cycle = 1; cycle <= cycles; ++cycle) {
    if (cycle > 1) agent.scan_now();
    const std::size_t expected = per_cycle * static_cast<std::size_t>(cycle);
    REQUIRE(agent.eventually([&] { return agent.spooled_batches() == expected; }, 60s));
  }
  agent.stop();
  return agent.spooled_batches();
}

// Appends `count` packages with random names and versions to the host's dpkg database.
void add_packages(const fs::path& host_root, int count) {
  std::ofstream status(host_root / "var/lib/dpkg/status", std::ios::app);
  std::mt19937_64 random(7);
  for (int i = 0; i < count; ++i)
    status << "\nPackage: pkg-" << std::hex << random() << "\nStatus: install ok installed\n"
           << "Architecture: amd64\nVersion: " << std::dec << i << "." << std::hex << random()
           << std::dec << "\n";
}

std::vector<fs::path> spool_files(const AgentProcess& agent) {
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(agent.spool_dir()))
    if (e.path().extension() == ".batch") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("e2e: kill -9 of the agent at random points of its uploads, 60 times: no batch lost, "
          "none twice",
          "[integration]") {
  E2eWorld world;
  AgentSetup setup = world.provisioned_agent_setup();
  setup.batch_max_findings = 1;  // many small batches: many points to be killed at
  setup.pacing_ms = 20;          // and a drain that lasts over many of the agent's lives
  AgentProcess agent(setup);
  const std::size_t spooled = spool_while_ingest_down(world, agent, 3);
  REQUIRE(spooled > 150);

  world.ingest.start();
  agent.setup().collectors_enabled = false;  // from now on only the spool is uploaded
  std::mt19937 random(Catch::rngSeed());
  std::uniform_int_distribution<int> lifetime_ms(0, 150);
  int killed_mid_delivery = 0;
  for (int kill = 0; kill < 60; ++kill) {
    agent.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(lifetime_ms(random)));
    agent.kill();
    const long long ingested = world.count(kIngested);
    if (ingested > 0 && static_cast<std::size_t>(ingested) < spooled) ++killed_mid_delivery;
  }
  INFO("kills while batches were still on their way: " << killed_mid_delivery);
  CHECK(killed_mid_delivery >= 10);

  agent.start();
  REQUIRE(agent.eventually([&] { return agent.spooled_batches() == 0; }, 120s));
  agent.stop();
  CHECK(world.count(kIngested) == static_cast<long long>(spooled));
  CHECK(world.count(kIncompleteScans) == 0);
  CHECK(duplicated_rows(world) == 0);
  CHECK(agent.set_aside("quarantine") == 0);
  CHECK(agent.set_aside("dead-letter") == 0);
  CHECK(!fs::exists(agent.spool_dir() / "drops.json"));
}

TEST_CASE("e2e: the connection cut after the ingest committed: the retry is acknowledged as a "
          "duplicate",
          "[integration]") {
  E2eWorld world(kFastIngestLimits, /*https=*/false);  // the proxy must see the requests
  zt::test::CutProxy proxy("127.0.0.1", world.ingest.port());
  proxy.cut_answers("POST /api/v1/batches", 1);
  AgentSetup setup = world.provisioned_agent_setup();
  setup.server_url = "http://127.0.0.1:" + std::to_string(proxy.port());
  AgentProcess agent(setup);
  agent.start();
  REQUIRE(agent.eventually(
      [&] { return world.count(kIngested) == 3 && agent.spooled_batches() == 0; }, 60s));
  CHECK(proxy.cuts() == 1);
  CHECK(agent.wait_log("delivered: HTTP 200 duplicate", 10s));
  agent.stop();
  CHECK(world.count(kIngested) == 3);
  CHECK(duplicated_rows(world) == 0);
}

TEST_CASE("e2e: a spool file truncated and one with flipped bytes are quarantined, every intact "
          "batch delivered",
          "[integration]") {
  E2eWorld world;
  AgentSetup setup = world.provisioned_agent_setup();
  setup.batch_max_findings = 5;
  AgentProcess agent(setup);
  const std::size_t spooled = spool_while_ingest_down(world, agent, 1);
  const std::vector<fs::path> files = spool_files(agent);
  REQUIRE(files.size() == spooled);
  REQUIRE(spooled >= 6);
  fs::resize_file(files[1], fs::file_size(files[1]) / 2);
  {
    std::fstream flip(files[4], std::ios::in | std::ios::out | std::ios::binary);
    flip.seekp(static_cast<std::streamoff>(fs::file_size(files[4]) / 2));
    flip.write("\xff\x00\xff\x00", 4);
  }

  world.ingest.start();
  agent.setup().collectors_enabled = false;
  agent.start();
  REQUIRE(agent.eventually([&] { return agent.spooled_batches() == 0; }, 60s));
  CHECK(world.count(kIngested) == static_cast<long long>(spooled) - 2);
  CHECK(agent.set_aside("quarantine") == 2);
  // The server hears of it with the heartbeats.
  CHECK(agent.eventually(
      [&] {
        return world.count("SELECT coalesce((metrics->'spool'->>'quarantined')::int, 0)"
                           " FROM agents") == 2;
      },
      30s));
  agent.stop();
  CHECK(duplicated_rows(world) == 0);
}

TEST_CASE("e2e: the database away (503 with Retry-After): the agent waits as told, then "
          "delivers everything once",
          "[integration]") {
  E2eWorld world("limits:\n  agent_requests_per_second: 10000\n  agent_burst: 10000\n"
                 "  database_retry_after: 4s\n");
  AgentSetup setup = world.provisioned_agent_setup();
  setup.backoff_cap_seconds = 1;  // only the Retry-After can make it wait longer
  AgentProcess agent(setup);
  zt::test::shared_cluster().stop();
  const auto away_since = std::chrono::steady_clock::now();
  agent.start();
  REQUIRE(agent.wait_log("HTTP 503", 30s));
  std::this_thread::sleep_for(10s);
  zt::test::shared_cluster().start();
  world.ingest.reconnect_owner();
  REQUIRE(agent.eventually(
      [&] { return world.count(kIngested) == 3 && agent.spooled_batches() == 0; }, 60s));
  // One attempt per 4 s while refused (at its own backoff of at most 1 s, it would be
  // several per 4 s).
  const auto away = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::steady_clock::now() - away_since);
  INFO("away for " << away.count() << " s");
  CHECK(world.answered("/api/v1/batches", 503) <= away.count() / 4 + 1);
  agent.stop();
  CHECK(duplicated_rows(world) == 0);
}

TEST_CASE("e2e: the ingest's rate limit (429 with Retry-After): honoured, nothing lost",
          "[integration]") {
  E2eWorld world("limits:\n  agent_requests_per_second: 1\n  agent_burst: 1\n"
                 "  heartbeat_interval: 60s\n");
  AgentSetup setup = world.provisioned_agent_setup();
  setup.batch_max_findings = 5;
  const auto expected = static_cast<long long>(batches_per_cycle(world.host.root(), 5));
  AgentProcess agent(setup);
  agent.start();
  REQUIRE(agent.eventually(
      [&] { return agent.spooled_batches() == 0 && world.count(kIngested) == expected; }, 90s));
  agent.stop();
  const long long ingested = world.count(kIngested);
  INFO("batches " << ingested << ", 429 answers " << world.answered("/api/v1/batches", 429));
  CHECK(world.answered("/api/v1/batches", 429) <= ingested);
  CHECK(duplicated_rows(world) == 0);
}

TEST_CASE("e2e: the spool full: the oldest batch is dropped, and the server hears of it",
          "[integration]") {
  E2eWorld world;
  // Packages enough that two system scans do not fit in a spool of 1 MiB.
  add_packages(world.host.root(), 40000);
  AgentSetup setup = world.provisioned_agent_setup();
  setup.spool_max_mib = 1;
  setup.batch_max_findings = 100000;
  setup.batch_max_mib = 64;
  AgentProcess agent(setup);
  world.ingest.stop();
  agent.start();
  REQUIRE(agent.eventually([&] { return agent.spooled_batches() == 3; }, 60s));
  agent.scan_now();
  // Its system batch, spooled last, pushes the first cycle out.
  REQUIRE(agent.eventually(
      [&] { return agent.log().find("dropped the oldest batch") != std::string::npos; }, 60s));
  agent.stop();
  const auto kept = static_cast<long long>(agent.spooled_batches());
  REQUIRE(kept < 6);

  world.ingest.start();
  agent.setup().collectors_enabled = false;
  agent.start();
  REQUIRE(agent.eventually([&] { return agent.spooled_batches() == 0; }, 60s));
  CHECK(world.count(kIngested) == kept);
  // Every batch is accounted for: delivered, or reported dropped.
  CHECK(agent.eventually(
      [&] {
        return world.count("SELECT coalesce((metrics->'drops_reported'->>'batches')::int, 0)"
                           " FROM agents") == 6 - kept;
      },
      30s));
  // The first cycle whole: its findings (packages are not counted as findings).
  CHECK(world.count("SELECT (metrics->'drops_reported'->>'findings')::int FROM agents") ==
        static_cast<long long>(one_shot_report(world.host.root()).at("findings").size()));
  agent.stop();
}
