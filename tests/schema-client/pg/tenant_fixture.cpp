#include "tests/schema-client/pg/tenant_fixture.hpp"

#include <stdexcept>

#include "schema-client/model/digest.hpp"
#include "schema-client/pg/fleet.hpp"
#include "schema-client/pg/tokens.hpp"

namespace zt::testing {

TenantDatabase::TenantDatabase()
    : database_(test::shared_cluster().create_database()),
      owner_(test::shared_cluster().conninfo(database_)),
      ingest_(test::shared_cluster().conninfo(database_, test::PostgresCluster::kIngestRole)) {}

pg::AgentRef TenantDatabase::add_agent(const std::string& company_name) {
  return add_agent_to(pg::create_company(owner_, company_name));
}

pg::AgentRef TenantDatabase::add_agent_to(const std::string& company_id) {
  const std::string n = std::to_string(++agents_);
  const std::string token = "zte_test_token_" + database_ + "_" + n;
  pg::create_enrollment_token(owner_, company_id, {model::sha256_hex(token), "zte_test"}, {});
  model::AgentInfo info;
  info.name = info.hostname = "host-" + n;
  const std::string key = "zt_test_key_" + database_ + "_" + n;
  auto outcome = pg::enroll_agent(ingest_, model::sha256_hex(token), info,
                                  {model::sha256_hex(key), "zt_test"});
  if (!outcome || !std::holds_alternative<pg::Enrollment>(*outcome))
    throw std::runtime_error("enrollment refused");
  return std::get<pg::Enrollment>(*outcome).agent;
}

long long TenantDatabase::count(const std::string& sql) {
  return owner_.exec(sql).integer(0, 0);
}

std::set<std::string> TenantDatabase::rows(const std::string& sql) {
  owner_.exec("SET TIME ZONE 'UTC'");
  const pg::Rows result = owner_.exec(sql);
  std::set<std::string> out;
  for (int r = 0; r < result.size(); ++r) {
    std::string line;
    for (int c = 0; c < result.columns(); ++c)
      line += (c ? "|" : "") + (result.is_null(r, c) ? "-" : std::string(result.text(r, c)));
    out.insert(line);
  }
  return out;
}

}  // namespace zt::testing
