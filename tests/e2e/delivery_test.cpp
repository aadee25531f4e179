// The agent daemon, the ingest and PostgreSQL together, all real: what reaches the database
// is exactly what the fixture host implies, once, whatever the ingest's availability.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <algorithm>

#include "tests/e2e/e2e_world.hpp"

using namespace zt::testing;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> sorted(std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::vector<std::string> package_lines(const nlohmann::json& report) {
  std::vector<std::string> out;
  for (const nlohmann::json& d : report.at("dependencies"))
    out.push_back(d.at("name").get<std::string>() + " | " + d.value("version", ""));
  return sorted(out);
}

long long count_of(const nlohmann::json& report, const std::string& category) {
  return std::count_if(report.at("findings").begin(), report.at("findings").end(),
                       [&](const nlohmann::json& f) { return f.at("category") == category; });
}

}  // namespace

TEST_CASE("e2e: the daemon enrolls, scans and uploads, and the database holds what the fixture "
          "implies",
          "[integration]") {
  E2eWorld world;
  const nlohmann::json report = one_shot_report(world.host.root());
  REQUIRE(report.at("findings").size() > 20);
  REQUIRE(!report.at("dependencies").empty());

  AgentProcess agent(world.agent_setup());
  agent.start();
  // One scan per collector, each one batch.
  REQUIRE(agent.eventually(
      [&] {
        return world.count("SELECT count(*) FROM ingested_batches") == 3 &&
               agent.spooled_batches() == 0;
      },
      60s));

  CHECK(world.count("SELECT count(*) FROM agents") == 1);
  CHECK(world.lines("SELECT hostname, status FROM agents") ==
        std::vector<std::string>{report.at("agent").at("hostname").get<std::string>() +
                                 " | online"});
  CHECK(world.lines("SELECT scan_type, status FROM scans ORDER BY 1") ==
        std::vector<std::string>(3, "scheduled | completed"));
  CHECK(sorted(world.lines("SELECT category, severity, title FROM vulnerabilities_v2")) ==
        finding_lines(report));
  CHECK(world.count("SELECT count(*) FROM system_vulnerabilities") == count_of(report, "system"));
  CHECK(world.count("SELECT count(*) FROM network_findings") == count_of(report, "network"));
  CHECK(world.count("SELECT count(*) FROM auth_findings") == count_of(report, "auth"));
  CHECK(sorted(world.lines("SELECT name, coalesce(version, '') FROM dependencies")) ==
        package_lines(report));
  CHECK(duplicated_rows(world) == 0);

  // The key is kept for the agent alone.
  struct stat key {};
  REQUIRE(::stat((agent.state_dir() / "agent.key").c_str(), &key) == 0);
  CHECK((key.st_mode & 0777) == 0600);

  // The heartbeat brings the delivery's own account into agents.metrics.
  CHECK(agent.eventually(
      [&] {
        return world.count("SELECT coalesce((metrics->'delivery'->>'uploads_ok')::int, 0)"
                           " FROM agents") == 3;
      },
      30s));
  CHECK(world.count("SELECT (metrics->'spool'->>'batches')::int FROM agents") == 0);
  CHECK(world.count("SELECT count(*) FROM agents WHERE metrics->'collectors' ? 'auth'"
                    " AND (metrics->>'rss_bytes')::bigint > 0") == 1);

  // Restarted without its token, it goes on with the stored key, as the same agent; the
  // same findings again are the same rows.
  agent.stop();
  agent.setup().enrollment_token.clear();
  agent.start();
  REQUIRE(agent.eventually(
      [&] { return world.count("SELECT count(*) FROM ingested_batches") == 6; }, 60s));
  CHECK(world.count("SELECT count(*) FROM agents") == 1);
  CHECK(world.count("SELECT count(*) FROM vulnerabilities_v2") ==
        static_cast<long long>(report.at("findings").size()));
  CHECK(duplicated_rows(world) == 0);
  agent.stop();
}

TEST_CASE("e2e: the ingest stopped for several scan cycles, then started: every batch arrives, "
          "exactly once",
          "[integration]") {
  E2eWorld world;
  AgentProcess agent(world.agent_setup());
  agent.start();
  REQUIRE(agent.eventually(
      [&] { return world.count("SELECT count(*) FROM ingested_batches") == 3; }, 60s));

  world.ingest.stop();
  for (std::size_t cycle = 1; cycle <= 3; ++cycle) {
    agent.scan_now();
    REQUIRE(agent.eventually([&] { return agent.spooled_batches() == 3 * cycle; }, 60s));
  }
  CHECK(agent.wait_log("upload of batch", 30s));  // it tried, and failed

  world.ingest.start();
  REQUIRE(agent.eventually(
      [&] {
        return agent.spooled_batches() == 0 &&
               world.count("SELECT count(*) FROM ingested_batches") == 12;
      },
      90s));
  agent.stop();
  CHECK(world.count("SELECT count(*) FROM scans WHERE status = 'completed'") == 12);
  CHECK(world.count("SELECT count(*) FROM ingested_batches") == 12);
  CHECK(duplicated_rows(world) == 0);
  CHECK(agent.set_aside("dead-letter") == 0);
  CHECK(agent.set_aside("quarantine") == 0);
}

TEST_CASE("e2e: the ingest asks for smaller batches (max_batch_findings): the next scans are cut "
          "to it",
          "[integration]") {
  E2eWorld world(std::string(kFastIngestLimits) + "  max_batch_findings: 5\n");
  AgentSetup setup = world.agent_setup();  // batch_max_findings 1000 of its own
  setup.full_upload_every = 1;  // every scan whole: the parts below are reckoned so
  AgentProcess agent(setup);
  agent.start();
  // The first cycle: cut at the agent's own size until the first answer came.
  REQUIRE(agent.eventually(
      [&] {
        return world.count("SELECT count(*) FROM scans") == 3 && agent.spooled_batches() == 0;
      },
      60s));
  const long long first_cycle = world.count("SELECT count(*) FROM ingested_batches");
  agent.scan_now();
  const auto cut_to_five = static_cast<long long>(batches_per_cycle(world.host.root(), 5));
  REQUIRE(cut_to_five > 3);
  CHECK(agent.eventually(
      [&] {
        return world.count("SELECT count(*) FROM ingested_batches") ==
                   first_cycle + cut_to_five &&
               agent.spooled_batches() == 0;
      },
      60s));
  CHECK(world.count("SELECT max(finding_count + dependency_count) FROM ingested_batches"
                    " WHERE parts > 1") <= 5);
  agent.stop();
}
