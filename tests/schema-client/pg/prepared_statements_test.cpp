// Connection::exec_prepared on a real PostgreSQL: the same answers as exec, past the fifth run
// (when PostgreSQL may switch to one generic plan); errors as exec gives them; a statement a
// schema change broke is prepared again; and row-level security still by the transaction's
// company once the heartbeat's statements run on a generic plan.
#include <catch2/catch.hpp>
#include <random>

#include "schema-client/pg/fleet.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"

using nlohmann::json;
using zt::pg::AgentRef;
using zt::pg::Connection;
using zt::pg::DbError;
using zt::pg::param;
using zt::testing::TenantDatabase;

namespace {

std::string first(const zt::pg::Rows& rows) { return std::string(rows.text(0, 0)); }

}  // namespace

TEST_CASE("exec_prepared answers as exec does, run after run", "[integration]") {
  TenantDatabase db;
  Connection& c = db.owner();
  const unsigned seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 random(seed);
  constexpr const char* kSql = "SELECT $1::int * 7 || ':' || length($2::text)";
  for (int run = 0; run < 12; ++run) {
    const int number = static_cast<int>(random() % 100000);
    const std::string text(random() % 40, 'x');
    CHECK(first(c.exec_prepared(kSql, {param(number), param(text)})) ==
          first(c.exec(kSql, {param(number), param(text)})));
  }
  CHECK(c.exec_prepared("SELECT $1::text IS NULL", {std::nullopt}).boolean(0, 0));
}

TEST_CASE("exec_prepared refuses what PostgreSQL cannot run as exec does", "[integration]") {
  TenantDatabase db;
  Connection& c = db.owner();
  for (const auto& [sql, state] :
       {std::pair{"SELEC 1", "42601"}, std::pair{"SELECT * FROM no_such_table", "42P01"}}) {
    INFO(sql);
    std::string from_exec, from_prepared;
    try {
      c.exec(sql);
    } catch (const DbError& e) {
      from_exec = e.sqlstate();
    }
    try {
      c.exec_prepared(sql);
    } catch (const DbError& e) {
      from_prepared = e.sqlstate();
      CHECK_FALSE(e.unavailable());
    }
    CHECK(from_exec == state);
    CHECK(from_prepared == state);
  }
  // Nothing was prepared for them: the session goes on.
  CHECK(first(c.exec_prepared("SELECT 'still here'")) == "still here");
}

TEST_CASE("exec_prepared prepares again what a schema change broke", "[integration]") {
  TenantDatabase db;
  Connection& c = db.owner();
  c.exec("CREATE TABLE prepared_probe (a int)");
  c.exec("INSERT INTO prepared_probe VALUES (1)");
  constexpr const char* kSql = "SELECT * FROM prepared_probe";
  CHECK(c.exec_prepared(kSql).columns() == 1);
  // A migration adds a column while the session runs: the prepared statement's result
  // changed, which PostgreSQL refuses once (a request to retry later, as when the database is
  // away); the next run prepares it again.
  c.exec("ALTER TABLE prepared_probe ADD COLUMN b int DEFAULT 2");
  std::string state;
  bool retry_later = false;
  try {
    c.exec_prepared(kSql);
  } catch (const DbError& e) {
    state = e.sqlstate();
    retry_later = e.unavailable();
  }
  CHECK(state == "0A000");
  CHECK(retry_later);
  const zt::pg::Rows rows = c.exec_prepared(kSql);
  CHECK(rows.columns() == 2);
  CHECK(first(rows) == "1");
  CHECK(rows.text(0, 1) == "2");
}

TEST_CASE("Prepared statements on a generic plan still see only the transaction's company",
          "[integration]") {
  TenantDatabase db;
  const AgentRef mine = db.add_agent("Mine");
  const AgentRef theirs = db.add_agent("Theirs");
  constexpr const char* kVisible = "SELECT count(*) FROM agents WHERE id = $1::uuid";
  const auto visible = [&](const AgentRef& context, const AgentRef& agent) {
    zt::pg::Transaction tx(db.ingest());
    tx.set_company(context.company_id);
    return tx.exec_prepared(kVisible, {param(agent.agent_id)}).integer(0, 0);
  };
  // Past the fifth run the plan may be generic; row-level security still filters by the
  // company each transaction sets.
  for (int run = 0; run < 8; ++run) CHECK(visible(mine, mine) == 1);
  CHECK(visible(mine, theirs) == 0);
  CHECK(visible(theirs, theirs) == 1);
  CHECK(visible(theirs, mine) == 0);

  // The heartbeat's own statements, run past the fifth time, write the row they name.
  for (int run = 0; run < 8; ++run)
    zt::pg::record_heartbeat(db.ingest(), mine, json{{"run", run}}, json::object(), "online", {});
  zt::pg::record_heartbeat(db.ingest(), theirs, json{{"theirs", true}}, json::object(), "online",
                           {});
  CHECK(db.rows("SELECT c.name || ' ' || a.capabilities::text FROM agents a JOIN companies c "
                "ON c.id = a.company_id") ==
        std::set<std::string>{"Mine {\"run\": 7}", "Theirs {\"theirs\": true}"});
}
