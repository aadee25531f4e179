// Issue 22 end to end: a machine's agent purged and reinstalled (its state, key included, gone)
// enrolls again with the token still in its configuration, with and without /etc/machine-id
// under the host root. The agent computes the same fingerprints both times (from the machine
// id, else the host name); every finding of the new agent's batches must be in the database as
// that agent's, none dropped.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "tests/e2e/e2e_world.hpp"

using namespace zt::testing;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> sorted(std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Runs a fresh install of the agent (its own state directory) until the ingest holds
// `batches` batches in all and its spool is empty, then stops it.
void run_install(E2eWorld& world, long long batches) {
  AgentProcess agent(world.agent_setup());
  agent.start();
  INFO(agent.log());
  REQUIRE(agent.eventually(
      [&] {
        return world.count("SELECT count(*) FROM ingested_batches") == batches &&
               agent.spooled_batches() == 0;
      },
      90s));
  agent.stop();
}

}  // namespace

TEST_CASE("e2e: a purged and reinstalled agent has every finding written, with and without "
          "/etc/machine-id",
          "[integration]") {
  const bool machine_id = GENERATE(false, true);
  INFO("with /etc/machine-id: " << machine_id);
  E2eWorld world;
  if (machine_id) {
    std::filesystem::create_directories(world.host.root() / "etc");
    std::ofstream(world.host.root() / "etc/machine-id") << "0f3c2a9e8b7d4c6a1e5f9b2d3c4a5e6f\n";
  }
  const nlohmann::json report = one_shot_report(world.host.root());
  REQUIRE(report.at("findings").size() > 20);

  run_install(world, 3);  // one scan per collector
  run_install(world, 6);  // purged and reinstalled: a new key

  const std::vector<std::string> agents = world.lines("SELECT id FROM agents ORDER BY created_at");
  // With a machine id the machine gets its agent back; without, the ingest cannot tell it.
  REQUIRE(agents.size() == (machine_id ? 1u : 2u));
  const std::string newest = agents.back();
  CHECK(sorted(world.lines("SELECT category, severity, title FROM vulnerabilities_v2"
                           " WHERE status = 'open' AND agent_id = '" + newest + "'")) ==
        finding_lines(report));
  // Each agent's findings once (merged, not added, when the agent is the same).
  CHECK(world.count("SELECT count(*) - count(DISTINCT (agent_id, fingerprint))"
                    " FROM vulnerabilities_v2") == 0);
  for (const std::string table : {"system_vulnerabilities", "network_findings", "auth_findings"})
    CHECK(world.count("SELECT count(*) FROM " + table + " WHERE agent_id = '" + newest + "'") ==
          world.count("SELECT count(*) FROM vulnerabilities_v2 v JOIN " + table +
                      " c ON c.vulnerability_id = v.id WHERE v.agent_id = '" + newest + "'"));
}
