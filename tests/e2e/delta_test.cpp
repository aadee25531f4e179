// Differential uploads end to end: the daemon's unchanged scans go as deltas, the database
// holds what the host implies after each one, a finding gone from the host is resolved by a
// delta, and an ingest that lost the base costs one whole upload, nothing else.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>

#include "tests/e2e/e2e_world.hpp"

using namespace zt::testing;
using namespace std::chrono_literals;

namespace {

// zerotrace_ingest_batches_total{outcome} of the ingest's /metrics.
long long batches(E2eWorld& world, const std::string& outcome) {
  return world.metric("zerotrace_ingest_batches_total{outcome=\"" + outcome + "\"}");
}

// "category | severity | title" of the auth findings the agent reports for the host, and of
// the open ones in the database.
std::vector<std::string> reported_auth(E2eWorld& world) {
  std::vector<std::string> lines = finding_lines(one_shot_report(world.host.root()));
  std::erase_if(lines, [](const std::string& line) { return !line.starts_with("auth |"); });
  return lines;
}
std::vector<std::string> open_in_database(E2eWorld& world) {
  std::vector<std::string> lines = world.lines(
      "SELECT category, severity, title FROM vulnerabilities_v2 WHERE status = 'open'");
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_CASE("e2e: unchanged scans go as deltas and the database holds what the host implies, a "
          "finding gone is resolved, and a base the ingest lost costs one whole upload",
          "[integration][delta]") {
  E2eWorld world;
  AgentSetup setup = world.agent_setup();
  setup.only_collector = "auth";
  AgentProcess agent(setup);
  agent.start();
  const auto uploaded = [&](long long batches_in) {
    return agent.eventually(
        [&] {
          return world.count("SELECT count(*) FROM ingested_batches") == batches_in &&
                 agent.spooled_batches() == 0;
        },
        60s);
  };
  // Whole (the agent does not know yet that the ingest takes deltas), whole with its digest,
  // then a delta.
  REQUIRE(uploaded(1));
  agent.scan_now();
  REQUIRE(uploaded(2));
  agent.scan_now();
  REQUIRE(uploaded(3));
  CHECK(batches(world, "written") == 2);
  CHECK(batches(world, "delta") == 1);
  const std::vector<std::string> expected = reported_auth(world);
  REQUIRE(expected.size() > 5);
  CHECK(open_in_database(world) == expected);
  // The delta saw every open finding again.
  const std::string last_scan = "(SELECT id FROM scans ORDER BY start_time DESC LIMIT 1)";
  CHECK(world.count("SELECT count(*) FROM vulnerabilities_v2 WHERE status = 'open'"
                    " AND scan_id <> " + last_scan) == 0);
  CHECK(world.count("SELECT count(*) FROM scan_baselines WHERE collectors = 'auth'") == 1);

  // A sudoers file removed from the host: the next delta resolves what it caused.
  const std::filesystem::path lazy = world.host.root() / "etc/sudoers.d/lazy";
  REQUIRE(std::filesystem::remove(lazy));
  const std::vector<std::string> fewer = reported_auth(world);
  REQUIRE(fewer.size() < expected.size());
  agent.scan_now();
  REQUIRE(uploaded(4));
  CHECK(batches(world, "delta") == 2);
  CHECK(open_in_database(world) == fewer);
  CHECK(world.count("SELECT count(*) FROM vulnerabilities_v2 WHERE status = 'resolved'"
                    " AND resolved_reason = 'not_reported'") ==
        static_cast<long long>(expected.size() - fewer.size()));

  // The ingest lost the base (a restored database): the delta is refused, the scan goes whole.
  REQUIRE(world.count("WITH d AS (DELETE FROM scan_baselines RETURNING 1)"
                      " SELECT count(*) FROM d") == 1);
  agent.scan_now();
  REQUIRE(uploaded(5));
  CHECK(batches(world, "baseline_mismatch") == 1);
  CHECK(batches(world, "written") == 3);
  CHECK(open_in_database(world) == fewer);
  CHECK(world.count("SELECT count(*) FROM scan_baselines WHERE collectors = 'auth'") == 1);
  CHECK(agent.set_aside("dead-letter") == 0);
  // The agent says so with its heartbeats.
  CHECK(agent.eventually(
      [&] {
        return world.count("SELECT coalesce((metrics->'delivery'->>'sent_whole_again')::int, 0)"
                           " FROM agents") == 1;
      },
      30s));
}
