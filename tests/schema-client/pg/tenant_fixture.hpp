#pragma once
// Companies and enrolled agents in a fresh migrated database, made the way the ingest makes
// them (an operator's token, then enrollment as the ingest role), for the PostgreSQL tests.
#include <set>
#include <string>

#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/connection.hpp"
#include "tests/support/postgres_cluster.hpp"

namespace zt::testing {

class TenantDatabase {
 public:
  TenantDatabase();

  // A new company and one agent enrolled in it.
  pg::AgentRef add_agent(const std::string& company_name);
  // Another agent of the company of `peer`.
  pg::AgentRef add_agent_to(const std::string& company_id);

  pg::Connection& owner() { return owner_; }    // the migrating superuser
  pg::Connection& ingest() { return ingest_; }  // the ingest's role: RLS applies
  // One number from `sql` run as the owner (no row-level security for a superuser).
  long long count(const std::string& sql);
  // Every row of `sql` run as the owner, as "a|b|c" (NULL as "-"); times in UTC.
  std::set<std::string> rows(const std::string& sql);

 private:
  std::string database_;
  pg::Connection owner_;
  pg::Connection ingest_;
  int agents_ = 0;
};

}  // namespace zt::testing
