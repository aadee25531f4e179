// Issue 22 end to end, the agent's side of a revoke: the real daemon, ingest and PostgreSQL.
// `zerotrace-ingest agent revoke` makes the ingest refuse the agent's key; the daemon tries to
// enroll again with the token still in its configuration, is refused as revoked, logs one
// line naming the agent and what an operator can do, stops uploading, keeps spooling its
// scans and says so in <state_dir>/agent.revoked (what --list-collectors shows); no new agent
// row. `agent restore` brings it back without a restart (the heartbeat still tries the key),
// and every waiting scan reaches the database.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "tests/e2e/e2e_world.hpp"

using namespace zt::testing;
using namespace std::chrono_literals;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("e2e: a revoked agent stops uploading with one line and keeps spooling - restored, "
          "its scans flow again",
          "[integration]") {
  E2eWorld world;
  // Without a machine id the ingest cannot tie an enrollment to the revoked machine.
  std::filesystem::create_directories(world.host.root() / "etc");
  std::ofstream(world.host.root() / "etc/machine-id") << "5a1e0c3b9d7f4e2a8c6b0d1f3e5a7c9b\n";
  AgentProcess agent(world.agent_setup());
  agent.start();
  INFO(agent.log());
  REQUIRE(agent.eventually(
      [&] {
        return world.count("SELECT count(*) FROM ingested_batches") == 3 &&
               agent.spooled_batches() == 0;
      },
      90s));
  const std::vector<std::string> agents = world.lines("SELECT id FROM agents");
  REQUIRE(agents.size() == 1);
  const std::string id = agents.front();

  REQUIRE(world.ingest.admin({"agent", "revoke", id, "--by", "alice"}).exit_code == 0);
  agent.scan_now();
  const bool stopped = agent.wait_log("uploads stopped", 60s);
  INFO(agent.log());
  REQUIRE(stopped);
  // Scans go on spooling: two more cycles, three scans each, and still one line.
  agent.scan_now();
  REQUIRE(agent.eventually([&] { return agent.spooled_batches() >= 4; }, 90s));
  const std::string log = agent.log();
  CHECK(occurrences(log, "uploads stopped") == 1);
  CHECK(occurrences(log, "this machine's agent " + id + " was revoked (by alice") >= 1);
  CHECK(occurrences(log, "zerotrace-ingest agent restore " + id) >= 1);
  CHECK(world.count("SELECT count(*) FROM agents") == 1);
  CHECK(world.count("SELECT count(*) FROM ingested_batches") == 3);
  const std::filesystem::path marker = agent.state_dir() / "agent.revoked";
  {
    std::ifstream in(marker);
    REQUIRE(in);
    CHECK_THAT(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()),
               Catch::Contains(id + " was revoked"));
  }

  REQUIRE(world.ingest.admin({"agent", "restore", id, "--by", "bob"}).exit_code == 0);
  const long long waiting = static_cast<long long>(agent.spooled_batches());
  REQUIRE(agent.eventually(
      [&] {
        return agent.spooled_batches() == 0 &&
               world.count("SELECT count(*) FROM ingested_batches") >= 3 + waiting;
      },
      120s));
  CHECK(agent.log().find("restored") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(marker));
  CHECK(world.count("SELECT count(*) FROM agents") == 1);
  agent.stop();
}
