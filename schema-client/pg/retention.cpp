#include "schema-client/pg/retention.hpp"

#include <string>
#include <vector>

namespace zt::pg {
namespace {

// The latest inventory of each agent: its newest scan with at least one dependency.
constexpr std::string_view kPrune =
    "WITH latest AS ("
    "  SELECT DISTINCT ON (s.agent_id) s.id FROM scans s"
    "  WHERE s.company_id = $1::uuid AND EXISTS (SELECT 1 FROM dependencies d"
    "    WHERE d.company_id = s.company_id AND d.scan_id = s.id)"
    "  ORDER BY s.agent_id, s.created_at DESC, s.id DESC)"
    " DELETE FROM dependencies d USING scans s"
    " WHERE d.company_id = $1::uuid AND s.company_id = d.company_id AND s.id = d.scan_id"
    " AND s.created_at < now() - $2::bigint * interval '1 second'"
    " AND s.id NOT IN (SELECT id FROM latest)";

}  // namespace

PruneReport prune_dependencies(Connection& connection, std::chrono::seconds older_than) {
  std::vector<std::string> companies;
  const Rows rows = connection.exec("SELECT id FROM companies ORDER BY created_at, id");
  for (int r = 0; r < rows.size(); ++r) companies.emplace_back(rows.text(r, 0));
  PruneReport report;
  for (const std::string& company : companies) {
    Transaction tx(connection);
    tx.set_company(company);
    report.dependencies +=
        tx.exec(kPrune, {param(company), param(static_cast<std::int64_t>(older_than.count()))})
            .affected();
    tx.commit();
    ++report.companies;
  }
  return report;
}

}  // namespace zt::pg
