// The schema can be distributed by company_id (Citus) as it is: every table has a role in
// table_roles, and every key of a distributed table holds company_id (docs/SCALING.md).
#include <catch2/catch.hpp>

#include <set>
#include <span>
#include <string>

#include "schema-client/pg/fleet.hpp"
#include "schema-client/pg/migrations.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"
#include "tests/support/postgres_cluster.hpp"

using zt::pg::Connection;
using zt::pg::param;
using zt::test::shared_cluster;

namespace {

using Names = std::set<std::string>;

Names first_column(const zt::pg::Rows& rows) {
  Names names;
  for (int r = 0; r < rows.size(); ++r) names.emplace(rows.text(r, 0));
  return names;
}

// The tables of schema public; partitions follow their parent.
Names schema_tables(Connection& c) {
  return first_column(
      c.exec("SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
             " AND relkind IN ('r', 'p') AND NOT relispartition"));
}

Names tables_with_role(Connection& c, const std::string& role) {
  return first_column(
      c.exec("SELECT table_name::text FROM table_roles WHERE role = $1", {param(role)}));
}

// What keeps `distributed` (table names) from being distributed by company_id, as
// "table: constraint or index (why)": a unique index (primary keys and unique constraints
// included) without company_id; a foreign key between distributed tables that does not pair
// company_id with company_id; a foreign key from another table to a distributed one. Partitions
// count as their parent.
Names key_offenders(Connection& c, const Names& distributed) {
  std::string list = "{";
  for (const std::string& table : distributed) list += (list.size() > 1 ? "," : "") + table;
  list += "}";
  return first_column(c.exec(
      "WITH rel AS ("
      "  SELECT c.oid, c.relname,"
      "   coalesce(pg_partition_root(c.oid), c.oid)::regclass::text = ANY ($1::text[]) AS dist,"
      "   (SELECT attnum FROM pg_attribute WHERE attrelid = c.oid AND attname = 'company_id'"
      "    AND NOT attisdropped) AS company"
      "  FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace)"
      " SELECT t.relname || ': ' || i.relname || ' (unique without company_id)'"
      " FROM pg_index x JOIN rel t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid"
      " WHERE x.indisunique AND t.dist"
      "  AND (t.company IS NULL OR NOT t.company = ANY (x.indkey::int2[]))"
      " UNION ALL"
      " SELECT t.relname || ': ' || con.conname || CASE WHEN t.dist"
      "  THEN ' (foreign key without company_id = company_id)'"
      "  ELSE ' (foreign key to a distributed table)' END"
      " FROM pg_constraint con JOIN rel t ON t.oid = con.conrelid"
      " JOIN rel r ON r.oid = con.confrelid"
      " WHERE con.contype = 'f' AND r.dist AND (NOT t.dist"
      "  OR array_position(con.conkey, t.company) IS DISTINCT FROM"
      "     array_position(con.confkey, r.company)"
      "  OR array_position(con.conkey, t.company) IS NULL)",
      {param(list)}));
}

// The migrations up to and including `version`.
std::span<const zt::pg::Migration> migrations_through(int version) {
  const auto all = zt::pg::embedded_migrations();
  std::size_t n = 0;
  while (n < all.size() && all[n].version <= version) ++n;
  return all.first(n);
}

}  // namespace

TEST_CASE("Every table has a role and every key of a distributed table holds company_id",
          "[integration]") {
  Connection c(shared_cluster().conninfo(shared_cluster().create_database()));
  const Names distributed = tables_with_role(c, "distributed");
  const Names reference = tables_with_role(c, "reference");

  // Exact sets: a new table without a row in table_roles fails here.
  Names classified = distributed;
  classified.insert(reference.begin(), reference.end());
  CHECK(classified == schema_tables(c));
  // Shared data and the few small tables read across companies; the rest is distributed.
  CHECK(reference == Names{"agent_key_directory", "companies", "config_standards", "cve_database",
                           "debian_tracker", "enrollment_token_directory", "epss_scores",
                           "kev_entries", "osv_affected", "osv_records", "schema_migrations",
                           "system_logs", "table_roles", "users"});

  CHECK(key_offenders(c, distributed) == Names{});
}

TEST_CASE("Before migration 14 the key check finds the keys that name no company",
          "[integration]") {
  // The check above can fail: the schema of version 13 has keys a shard could not enforce.
  Connection current(shared_cluster().conninfo(shared_cluster().create_database()));
  const Names distributed = tables_with_role(current, "distributed");

  Connection c(shared_cluster().conninfo(shared_cluster().create_empty_database()));
  REQUIRE(zt::pg::migrate(c, migrations_through(13)).ok());
  const Names offenders = key_offenders(c, distributed);
  for (const char* expected :
       {"agents: agents_api_key_key (unique without company_id)",
        "enrollment_tokens: enrollment_tokens_token_hash_key (unique without company_id)",
        "agents: agents_pkey (unique without company_id)",
        "agents: agents_clone_of_fkey (foreign key without company_id = company_id)",
        "scans: scans_agent_id_fkey (foreign key without company_id = company_id)"}) {
    INFO(expected);
    CHECK(offenders.count(expected) == 1);
  }
  CHECK(c.exec("SELECT to_regclass('table_roles') IS NULL").boolean(0, 0));
}

TEST_CASE("The key directory follows the agents' keys and keeps them unique over companies",
          "[integration]") {
  zt::testing::TenantDatabase db;
  const zt::pg::AgentRef a = db.add_agent("Acme");
  const zt::pg::AgentRef b = db.add_agent("Globex");
  const std::string directory = "SELECT company_id || ' ' || api_key FROM agent_key_directory";
  const std::string agents =
      "SELECT company_id || ' ' || api_key FROM agents WHERE api_key IS NOT NULL";
  CHECK(db.rows(directory) == db.rows(agents));
  CHECK(db.rows("SELECT company_id || ' ' || token_hash FROM enrollment_token_directory") ==
        db.rows("SELECT company_id || ' ' || token_hash FROM enrollment_tokens"));

  // A new key moves the entry; authentication finds the agent by it, not by the old key.
  db.owner().exec("UPDATE agents SET api_key = repeat('a', 64) WHERE id = $1::uuid",
                  {param(a.agent_id)});
  CHECK(db.rows(directory) == db.rows(agents));
  const auto found = zt::pg::authenticate_agent(db.ingest(), std::string(64, 'a'));
  REQUIRE(found);
  CHECK(found->agent.agent_id == a.agent_id);
  CHECK(found->agent.company_id == a.company_id);

  // Another company's agent cannot take the same key, as with the old unique constraint.
  CHECK_THROWS_AS(db.owner().exec("UPDATE agents SET api_key = repeat('a', 64) WHERE id = $1::uuid",
                                  {param(b.agent_id)}),
                  zt::pg::DbError);

  db.owner().exec("DELETE FROM companies WHERE id = $1::uuid", {param(a.company_id)});
  CHECK(db.rows(directory) == db.rows(agents));
  CHECK_FALSE(zt::pg::authenticate_agent(db.ingest(), std::string(64, 'a')));
}
