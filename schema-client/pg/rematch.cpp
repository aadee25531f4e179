#include "schema-client/pg/rematch.hpp"

#include <nlohmann/json.hpp>

#include "schema-client/model/columns.hpp"
#include "schema-client/model/timestamp.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/vuln_matcher.hpp"

namespace zt::pg {

namespace {

using nlohmann::json;

// Each agent's newest scan with an inventory.
constexpr std::string_view kLatestInventories =
    "SELECT DISTINCT ON (s.agent_id) s.agent_id, s.id FROM scans s"
    " WHERE s.company_id = $1::uuid AND s.agent_id IS NOT NULL"
    " AND EXISTS (SELECT 1 FROM dependencies d WHERE d.company_id = s.company_id"
    "   AND d.scan_id = s.id)"
    " ORDER BY s.agent_id, s.created_at DESC, s.id DESC";

constexpr std::string_view kInventory =
    "SELECT coalesce(jsonb_agg(jsonb_build_object('name', name, 'version', coalesce(version, ''),"
    " 'type', coalesce(type, ''), 'location', coalesce(location, ''),"
    " 'license', coalesce(license, ''), 'source_name', source_name,"
    " 'source_version', source_version, 'arch', arch, 'ecosystem', ecosystem)), '[]')::text"
    " FROM dependencies WHERE company_id = $1::uuid AND scan_id = $2::uuid";

constexpr std::string_view kResolveUnmatched =
    "UPDATE vulnerabilities_v2 v SET status = 'resolved', resolved_reason = 'not_affected',"
    " updated_at = now()"
    " WHERE v.company_id = $1::uuid AND v.agent_id = $2::uuid AND v.status = 'open'"
    " AND v.category = 'system'"
    " AND v.fingerprint IN (SELECT s.fingerprint FROM system_vulnerabilities s"
    "   WHERE s.company_id = $1::uuid AND s.agent_id = $2::uuid"
    "   AND s.vulnerability_type = 'package_vulnerability')"
    " AND NOT v.fingerprint IN (SELECT jsonb_array_elements_text($3::jsonb))";

// $3: {"name\tversion": [CVE ids]}; rows whose list would not change are not written.
constexpr std::string_view kListCves =
    "UPDATE dependencies SET vulnerabilities = coalesce($3::jsonb ->"
    " (name || E'\\t' || coalesce(version, '')), '[]'::jsonb)"
    " WHERE company_id = $1::uuid AND scan_id = $2::uuid"
    " AND vulnerabilities IS DISTINCT FROM coalesce($3::jsonb ->"
    " (name || E'\\t' || coalesce(version, '')), '[]'::jsonb)";

std::vector<model::Dependency> inventory(Transaction& tx, const std::string& company,
                                         const std::string& scan) {
  std::vector<model::Dependency> deps;
  for (const json& d : json::parse(tx.exec(kInventory, {param(company), param(scan)}).text(0, 0)))
    deps.push_back({d.at("name"), d.at("version"), d.at("type"), d.at("location"),
                    d.at("license"), d.at("source_name"), d.at("source_version"), d.at("arch"),
                    d.at("ecosystem")});
  return deps;
}

void rematch_agent(Connection& connection, const AgentRef& agent, const std::string& scan,
                   RematchReport& report) {
  Transaction tx(connection);
  tx.set_company(agent.company_id);
  model::Batch matched;
  matched.findings =
      match_stored_feeds(tx, agent.agent_id, inventory(tx, agent.company_id, scan));
  model::fit_to_columns(matched);

  WriteReport written;
  write_findings(tx, agent, scan, {}, matched.findings, model::format_timestamp(model::now()),
                 written);
  if (!written.mismatch.empty()) {
    report.mismatches.push_back("agent " + agent.agent_id + ": " + written.mismatch);
    return;  // rolled back
  }
  json fingerprints = json::array();
  for (const model::Finding& f : matched.findings) fingerprints.push_back(f.fingerprint);
  report.resolved += tx.exec(kResolveUnmatched, {param(agent.company_id), param(agent.agent_id),
                                                 param(fingerprints)})
                         .affected();
  json lists = json::object();
  for (const auto& [package, cves] : cves_by_package(matched.findings))
    lists[package.first + "\t" + package.second] = cves;
  tx.exec(kListCves, {param(agent.company_id), param(scan), param(lists)});
  tx.commit();
  report.findings += static_cast<std::int64_t>(matched.findings.size());
  ++report.agents;
}

}  // namespace

RematchReport rematch_fleet(Connection& connection) {
  std::vector<std::string> companies;
  const Rows rows = connection.exec("SELECT id FROM companies ORDER BY created_at, id");
  for (int r = 0; r < rows.size(); ++r) companies.emplace_back(rows.text(r, 0));
  RematchReport report;
  for (const std::string& company : companies) {
    std::vector<std::pair<AgentRef, std::string>> inventories;
    {
      Transaction tx(connection);
      tx.set_company(company);
      const Rows latest = tx.exec(kLatestInventories, {param(company)});
      for (int r = 0; r < latest.size(); ++r)
        inventories.push_back({{std::string(latest.text(r, 0)), company},
                               std::string(latest.text(r, 1))});
      tx.commit();
    }
    for (const auto& [agent, scan] : inventories) rematch_agent(connection, agent, scan, report);
  }
  return report;
}

}  // namespace zt::pg
