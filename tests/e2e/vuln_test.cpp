// The fleet's CVEs end to end: the agent daemon uploads its inventory, the operator imports a
// feed with `zerotrace-ingest feeds import`, and the host's CVE shows in the database without
// a rescan; the host upgraded past the fix, its next scan resolves it.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/e2e/e2e_world.hpp"

using namespace zt::testing;
using namespace std::chrono_literals;

namespace {

const char* const kCveFindings =
    "SELECT s.component_name, s.component_version, s.cve_id, v.status"
    " FROM system_vulnerabilities s JOIN vulnerabilities_v2 v ON v.fingerprint = s.fingerprint"
    " WHERE s.vulnerability_type = 'package_vulnerability' ORDER BY 1, 3";

// The host's dpkg database with `from` replaced by `to` (an upgrade).
void upgrade(const std::filesystem::path& root, const std::string& from, const std::string& to) {
  const auto path = root / "var/lib/dpkg/status";
  std::string text = zt::test::read_text(path);
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(path, std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("e2e: a feed import shows the fleet its CVEs without a rescan, and an upgrade "
          "resolves them on the next scan",
          "[integration]") {
  E2eWorld world;
  AgentProcess agent(world.agent_setup());
  agent.start();
  REQUIRE(agent.eventually(
      [&] {
        return world.count("SELECT count(*) FROM ingested_batches") == 3 &&
               agent.spooled_batches() == 0;
      },
      60s));
  CHECK(world.lines(kCveFindings).empty());

  const std::string feed = std::string(ZT_SOURCE_DIR) + "/tests/fixtures/vuln/osv-debian10";
  const auto imported = world.ingest.admin_text({"feeds", "import", feed});
  CHECK(imported.exit_code == 0);
  CHECK_THAT(imported.out,
             Catch::Contains("rematch: 1 agent(s), 1 CVE finding(s) matched (1 new or changed), "
                             "0 resolved"));
  CHECK(world.lines(kCveFindings) ==
        std::vector<std::string>{"openssh-server | 1:7.9p1-10+deb10u4 | CVE-2099-1201 | open"});
  CHECK(world.lines("SELECT package_name, cve_id FROM vulnerabilities WHERE cve_id ="
                    " 'CVE-2099-1201'") ==
        std::vector<std::string>{"openssh-server | CVE-2099-1201"});
  CHECK(world.lines("SELECT vulnerabilities::text FROM dependencies WHERE name ="
                    " 'openssh-server'") == std::vector<std::string>{"[\"CVE-2099-1201\"]"});

  upgrade(world.host.root(), "Version: 1:7.9p1-10+deb10u4", "Version: 1:7.9p1-10+deb10u5");
  agent.scan_now();
  CHECK(agent.eventually(
      [&] {
        return world.lines(kCveFindings) ==
               std::vector<std::string>{
                   "openssh-server | 1:7.9p1-10+deb10u4 | CVE-2099-1201 | resolved"};
      },
      60s));
  agent.stop();
}
