// Group commit of heartbeats (heartbeat_group.hpp) on a real PostgreSQL: heartbeats recorded
// at once by many threads are one transaction (the rows share their xmin and now()), each
// agent's own values land on its own row under row-level security, and a heartbeat that fails
// fails alone.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "schema-client/pg/heartbeat_group.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"

using zt::pg::AgentRef;
using zt::pg::DbError;
using zt::pg::Heartbeat;
using zt::pg::HeartbeatGroup;
using zt::testing::TenantDatabase;
using Rows = std::set<std::string>;
using namespace std::chrono_literals;

namespace {

// Two companies' agents, three each.
std::vector<AgentRef> six_agents(TenantDatabase& db) {
  std::vector<AgentRef> agents{db.add_agent("Acme"), db.add_agent("Globex")};
  for (int i = 0; i < 2; ++i) {
    agents.push_back(db.add_agent_to(agents[0].company_id));
    agents.push_back(db.add_agent_to(agents[1].company_id));
  }
  return agents;
}

Heartbeat beat(const AgentRef& agent, std::string status) {
  return {agent, {{"agent", agent.agent_id}}, nlohmann::json::object(), std::move(status), {}};
}

// Each heartbeat from a thread of its own, all at once; what each one's record() threw.
std::vector<std::string> record_at_once(HeartbeatGroup& group,
                                        const std::vector<Heartbeat>& heartbeats) {
  std::vector<std::string> errors(heartbeats.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < heartbeats.size(); ++i)
    threads.emplace_back([&, i] {
      try {
        group.record(heartbeats[i]);
      } catch (const DbError& error) {
        errors[i] = error.what();
      }
    });
  for (std::thread& thread : threads) thread.join();
  return errors;
}

// Each agent's row as "id|status|capabilities".
Rows agent_rows(TenantDatabase& db) {
  return db.rows("SELECT id || '|' || status || '|' || capabilities::text FROM agents");
}

Rows expected_rows(const std::vector<AgentRef>& agents, const std::string& status) {
  Rows rows;
  for (const AgentRef& agent : agents)
    rows.insert(agent.agent_id + "|" + status + "|{\"agent\": \"" + agent.agent_id + "\"}");
  return rows;
}

}  // namespace

TEST_CASE("Heartbeats recorded at once are written in one transaction", "[integration]") {
  TenantDatabase db;
  const std::vector<AgentRef> agents = six_agents(db);
  zt::pg::Pool pool(db.ingest_conninfo(), 2);
  // The wait is generous, so the group is complete (all six) before it ends, however slow
  // the threads are to start.
  HeartbeatGroup group(pool, 120s, agents.size());
  std::vector<Heartbeat> heartbeats;
  for (const AgentRef& agent : agents) heartbeats.push_back(beat(agent, "online"));

  CHECK(record_at_once(group, heartbeats) == std::vector<std::string>(agents.size()));
  CHECK(agent_rows(db) == expected_rows(agents, "online"));
  // One transaction: one xmin and one now() on every row.
  CHECK(db.rows("SELECT count(DISTINCT xmin::text) || ' ' || count(DISTINCT last_seen_at)"
                " FROM agents") == Rows{"1 1"});
}

TEST_CASE("A heartbeat that fails in a group fails alone", "[integration]") {
  TenantDatabase db;
  const std::vector<AgentRef> agents = six_agents(db);
  zt::pg::Pool pool(db.ingest_conninfo(), 2);
  HeartbeatGroup group(pool, 120s, agents.size());
  std::vector<Heartbeat> heartbeats;
  for (const AgentRef& agent : agents) heartbeats.push_back(beat(agent, "degraded"));
  // agents.status is varchar(32): PostgreSQL refuses this one's UPDATE.
  heartbeats[2].status = std::string(40, 'x');

  const std::vector<std::string> errors = record_at_once(group, heartbeats);
  CHECK_THAT(errors[2], Catch::Contains("value too long"));
  for (std::size_t i = 0; i < errors.size(); ++i)
    if (i != 2) CHECK(errors[i].empty());
  std::vector<AgentRef> recorded = agents;
  recorded.erase(recorded.begin() + 2);
  Rows expected = expected_rows(recorded, "degraded");
  expected.insert(agents[2].agent_id + "|online|{}");  // as enrolled
  CHECK(agent_rows(db) == expected);
}
