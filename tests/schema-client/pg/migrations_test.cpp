#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "schema-client/pg/migrations.hpp"
#include "tests/support/postgres_cluster.hpp"

using zt::pg::Connection;
using zt::pg::Migration;
using zt::test::shared_cluster;

namespace {

Connection connect_to(const std::string& database) {
  return Connection(shared_cluster().conninfo(database));
}

long long scalar(Connection& c, const std::string& sql) { return c.exec(sql).integer(0, 0); }

const char* kSeedTables[] = {
    "companies", "users", "agents", "scans", "vulnerabilities", "vulnerabilities_v2",
    "network_findings", "compliance_checks", "system_vulnerabilities", "auth_findings",
    "database_findings", "api_findings", "container_findings", "ai_ml_findings",
    "iot_ot_findings", "privacy_findings", "web3_findings", "cve_database",
    "enrichment_results", "dependencies", "reports", "audit_logs", "system_logs", "config_files",
    "config_findings", "config_analysis_results", "config_standards"};

}  // namespace

TEST_CASE("Migrating an empty database creates every table of the seed schema", "[integration]") {
  Connection c = connect_to(shared_cluster().create_empty_database());
  const auto all = zt::pg::embedded_migrations();
  REQUIRE(all.size() >= 3);

  auto report = zt::pg::migrate(c, all);
  REQUIRE(report.ok());
  CHECK(report->applied.size() == all.size());
  CHECK(report->current_version == all.back().version);

  for (const char* table : kSeedTables) {
    INFO(table);
    CHECK(scalar(c, std::string("SELECT count(*) FROM pg_class WHERE relname = '") + table +
                        "' AND relkind IN ('r', 'p')") == 1);
  }
  for (const char* table : {"vulnerabilities_v2", "network_findings", "compliance_checks"}) {
    INFO(table);
    CHECK(scalar(c, std::string("SELECT count(*) FROM pg_inherits WHERE inhparent = '") +
                        table + "'::regclass") == 4);
    CHECK(scalar(c, std::string("SELECT count(*) FROM pg_partitioned_table WHERE partrelid = '") +
                        table + "'::regclass AND partstrat = 'h'") == 1);
  }
  // Every table with company_id has row-level security enabled and forced.
  CHECK(scalar(c,
               "SELECT count(*) FROM information_schema.columns col JOIN pg_class t"
               " ON t.relname = col.table_name AND t.relnamespace = 'public'::regnamespace"
               " WHERE col.table_schema = 'public' AND col.column_name = 'company_id'"
               " AND NOT (t.relrowsecurity AND t.relforcerowsecurity)") == 0);
  CHECK(scalar(c, "SELECT count(*) FROM pg_proc WHERE proname = 'set_company_context'") == 1);
  // The ingest role owns nothing and is no superuser.
  CHECK(scalar(c, "SELECT count(*) FROM pg_roles WHERE rolname = 'zerotrace_ingest'"
                  " AND NOT rolsuper AND NOT rolbypassrls") == 1);
  CHECK(scalar(c, "SELECT count(*) FROM pg_tables WHERE tableowner = 'zerotrace_ingest'") == 0);
}

TEST_CASE("Migrating twice applies nothing the second time", "[integration]") {
  Connection c = connect_to(shared_cluster().create_empty_database());
  REQUIRE(zt::pg::migrate(c, zt::pg::embedded_migrations()).ok());
  auto again = zt::pg::migrate(c, zt::pg::embedded_migrations());
  REQUIRE(again.ok());
  CHECK(again->applied.empty());
  CHECK(scalar(c, "SELECT count(*) FROM schema_migrations") ==
        static_cast<long long>(zt::pg::embedded_migrations().size()));
}

TEST_CASE("Two processes migrating at once apply each migration exactly once",
          "[integration]") {
  const std::string database = shared_cluster().create_empty_database();
  std::vector<std::size_t> applied(2);
  std::vector<std::string> errors(2);
  std::vector<std::thread> runs;
  for (std::size_t i = 0; i < 2; ++i)
    runs.emplace_back([&, i] {
      Connection c = connect_to(database);
      auto report = zt::pg::migrate(c, zt::pg::embedded_migrations());
      if (report) applied[i] = report->applied.size();
      else errors[i] = report.error().message;
    });
  for (auto& t : runs) t.join();
  CHECK(errors[0].empty());
  CHECK(errors[1].empty());
  CHECK(applied[0] + applied[1] == zt::pg::embedded_migrations().size());
  Connection c = connect_to(database);
  CHECK(scalar(c, "SELECT count(*) FROM schema_migrations") ==
        static_cast<long long>(zt::pg::embedded_migrations().size()));
}

TEST_CASE("A failing migration leaves nothing of itself behind", "[integration]") {
  Connection c = connect_to(shared_cluster().create_empty_database());
  const std::vector<Migration> migrations = {
      {1, "good", "CREATE TABLE first_table (id integer)"},
      {2, "bad", "CREATE TABLE second_table (id integer); SELECT no_such_function();"}};
  auto report = zt::pg::migrate(c, migrations);
  REQUIRE_FALSE(report.ok());
  CHECK_THAT(report.error().message, Catch::Contains("migration 2 (bad) failed") &&
                                         Catch::Contains("no_such_function"));
  CHECK(scalar(c, "SELECT count(*) FROM schema_migrations") == 1);
  CHECK(scalar(c, "SELECT count(*) FROM pg_class WHERE relname = 'first_table'") == 1);
  CHECK(scalar(c, "SELECT count(*) FROM pg_class WHERE relname = 'second_table'") == 0);
}

TEST_CASE("An edited migration or a newer database is refused", "[integration]") {
  Connection c = connect_to(shared_cluster().create_empty_database());
  const std::vector<Migration> original = {{1, "one", "CREATE TABLE t1 (id integer)"},
                                           {2, "two", "CREATE TABLE t2 (id integer)"}};
  REQUIRE(zt::pg::migrate(c, original).ok());

  const std::vector<Migration> edited = {{1, "one", "CREATE TABLE t1 (id bigint)"},
                                         {2, "two", "CREATE TABLE t2 (id integer)"}};
  auto refused = zt::pg::migrate(c, edited);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error().message, Catch::Contains("migration 1 (one) differs"));

  const std::vector<Migration> older = {original[0]};
  auto too_new = zt::pg::migrate(c, older);
  REQUIRE_FALSE(too_new.ok());
  CHECK_THAT(too_new.error().message, Catch::Contains("version 2, newer than this program"));
}

TEST_CASE("An unreachable database is reported as unavailable", "[integration]") {
  try {
    Connection c("host=127.0.0.1 port=1 dbname=none connect_timeout=2");
    FAIL("connected to port 1");
  } catch (const zt::pg::DbError& e) {
    CHECK(e.unavailable());
    CHECK_THAT(e.what(), Catch::Contains("cannot connect to the database"));
  }
}
