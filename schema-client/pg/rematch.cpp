#include "schema-client/pg/rematch.hpp"

#include <nlohmann/json.hpp>
#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <thread>

#include "schema-client/model/columns.hpp"
#include "schema-client/model/timestamp.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/rematch_changes.hpp"
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

// Plain columns, not one JSON document: building and parsing it cost more than the rows.
constexpr std::string_view kInventory =
    "SELECT name, coalesce(version, ''), coalesce(type, ''), coalesce(location, ''),"
    " coalesce(license, ''), coalesce(source_name, ''), coalesce(source_version, ''),"
    " coalesce(arch, ''), coalesce(ecosystem, '')"
    " FROM dependencies WHERE company_id = $1::uuid AND scan_id = $2::uuid";

constexpr std::string_view kResolveUnmatched =
    "UPDATE vulnerabilities_v2 v SET status = 'resolved', resolved_reason = 'not_affected',"
    " updated_at = now()"
    " WHERE v.company_id = $1::uuid AND v.agent_id = $2::uuid AND v.status = 'open'"
    " AND v.category = 'system'"
    " AND EXISTS (SELECT 1 FROM system_vulnerabilities s WHERE s.vulnerability_id = v.id"
    "   AND s.company_id = v.company_id AND s.vulnerability_type = 'package_vulnerability')"
    " AND NOT v.fingerprint IN (SELECT jsonb_array_elements_text($3::jsonb))";

// $3: {"name\tversion": [CVE ids]}; rows whose list would not change are not written.
constexpr std::string_view kListCves =
    "UPDATE dependencies SET vulnerabilities = coalesce($3::jsonb ->"
    " (name || E'\\t' || coalesce(version, '')), '[]'::jsonb)"
    " WHERE company_id = $1::uuid AND scan_id = $2::uuid"
    " AND vulnerabilities IS DISTINCT FROM coalesce($3::jsonb ->"
    " (name || E'\\t' || coalesce(version, '')), '[]'::jsonb)";

// The distinct packages of a company's inventories ($2: their scan ids): what the fleet's
// index must hold.
constexpr std::string_view kFleetPackages =
    "SELECT DISTINCT name, coalesce(version, ''), coalesce(source_name, ''),"
    " coalesce(source_version, ''), coalesce(arch, ''), coalesce(ecosystem, '')"
    " FROM dependencies WHERE company_id = $1::uuid"
    " AND scan_id IN (SELECT jsonb_array_elements_text($2::jsonb)::uuid)";

struct Inventory {
  AgentRef agent;
  std::string scan;
};

std::vector<model::Dependency> dependencies_of(Transaction& tx, const Inventory& inventory) {
  std::vector<model::Dependency> deps;
  const Rows rows =
      tx.exec(kInventory, {param(inventory.agent.company_id), param(inventory.scan)});
  deps.reserve(static_cast<std::size_t>(rows.size()));
  for (int r = 0; r < rows.size(); ++r) {
    const auto column = [&](int c) { return std::string(rows.text(r, c)); };
    deps.push_back({column(0), column(1), column(2), column(3), column(4), column(5), column(6),
                    column(7), column(8)});
  }
  return deps;
}

// Each company's agents with an inventory, and its newest scan with one.
std::vector<Inventory> latest_inventories(Connection& connection) {
  std::vector<std::string> companies;
  const Rows rows = connection.exec("SELECT id FROM companies ORDER BY created_at, id");
  for (int r = 0; r < rows.size(); ++r) companies.emplace_back(rows.text(r, 0));
  std::vector<Inventory> inventories;
  for (const std::string& company : companies) {
    Transaction tx(connection);
    tx.set_company(company);
    const Rows latest = tx.exec(kLatestInventories, {param(company)});
    for (int r = 0; r < latest.size(); ++r)
      inventories.push_back({{std::string(latest.text(r, 0)), company},
                             std::string(latest.text(r, 1))});
    tx.commit();
  }
  return inventories;
}

// The fleet's feeds, read once for all.
StoredFeeds fleet_feeds(Connection& connection, const std::vector<Inventory>& inventories) {
  std::map<std::string, json> scans_by_company;
  for (const Inventory& inventory : inventories)
    scans_by_company.try_emplace(inventory.agent.company_id, json::array())
        .first->second.push_back(inventory.scan);
  std::vector<model::Dependency> packages;
  for (const auto& [company, scans] : scans_by_company) {
    Transaction tx(connection);
    tx.set_company(company);
    const Rows rows = tx.exec(kFleetPackages, {param(company), param(scans)});
    for (int r = 0; r < rows.size(); ++r) {
      model::Dependency& d = packages.emplace_back();
      d.name = rows.text(r, 0);
      d.version = rows.text(r, 1);
      d.source_name = rows.text(r, 2);
      d.source_version = rows.text(r, 3);
      d.arch = rows.text(r, 4);
      d.ecosystem = rows.text(r, 5);
    }
    tx.commit();
  }
  Transaction tx(connection);  // the feeds are shared: no company
  StoredFeeds feeds = load_feeds(tx, packages);
  tx.commit();
  return feeds;
}

void rematch_agent(Connection& connection, const StoredFeeds& feeds, const Inventory& inventory,
                   RematchReport& report) {
  const AgentRef& agent = inventory.agent;
  Transaction tx(connection);
  tx.set_company(agent.company_id);
  model::Batch matched;
  matched.findings = findings_in(feeds, agent.agent_id, dependencies_of(tx, inventory));
  model::fit_to_columns(matched);

  const RematchChanges changes = rematch_changes(tx, agent, matched.findings);
  // On a first match every finding is new: the whole list is written, not a copy of it.
  const std::vector<model::Finding>& to_write =
      changes.first_match ? matched.findings : changes.to_write;

  WriteReport written;
  write_findings(tx, agent, inventory.scan, {}, to_write, model::format_timestamp(model::now()),
                 written);
  if (!written.mismatch.empty()) {
    report.mismatches.push_back("agent " + agent.agent_id + ": " + written.mismatch);
    return;  // rolled back
  }
  if (!changes.first_match) {  // else every system finding of the agent was just matched
    json fingerprints = json::array();
    for (const model::Finding& f : matched.findings) fingerprints.push_back(f.fingerprint);
    report.resolved += tx.exec(kResolveUnmatched, {param(agent.company_id),
                                                   param(agent.agent_id), param(fingerprints)})
                           .affected();
  }
  json lists = json::object();
  for (const auto& [package, cves] : cves_by_package(matched.findings))
    lists[package.first + "\t" + package.second] = cves;
  tx.exec(kListCves, {param(agent.company_id), param(inventory.scan), param(lists)});
  tx.commit();
  report.findings += static_cast<std::int64_t>(matched.findings.size());
  report.written += static_cast<std::int64_t>(to_write.size());
  ++report.agents;
}

}  // namespace

RematchReport rematch_fleet(Connection& connection, int workers) {
  const std::vector<Inventory> inventories = latest_inventories(connection);
  const StoredFeeds feeds = fleet_feeds(connection, inventories);

  // Agents are independent (a transaction each), so `workers` sessions take them in turn:
  // the matching here and the writing in the server keep every core busy. The sessions are
  // opened first: a refused one fails the rematch before any agent is done.
  const std::size_t count =
      std::clamp<std::size_t>(static_cast<std::size_t>(std::max(workers, 1)), 1,
                              std::max<std::size_t>(inventories.size(), 1));
  std::vector<Connection> sessions;
  for (std::size_t w = 1; w < count; ++w) sessions.push_back(connection.another());
  std::vector<RematchReport> reports(count);
  std::vector<std::exception_ptr> errors(count);
  std::atomic<std::size_t> next = 0;
  const auto work = [&](Connection& session, std::size_t worker) {
    try {
      for (std::size_t i; (i = next.fetch_add(1)) < inventories.size();)
        rematch_agent(session, feeds, inventories[i], reports[worker]);
    } catch (...) {
      errors[worker] = std::current_exception();
      next = inventories.size();  // the others stop after their agent in progress
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < count; ++w) threads.emplace_back(work, std::ref(sessions[w - 1]), w);
  work(connection, 0);
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& error : errors)
    if (error) std::rethrow_exception(error);

  RematchReport report;
  for (const RematchReport& part : reports) {
    report.agents += part.agents;
    report.findings += part.findings;
    report.resolved += part.resolved;
    report.written += part.written;
    report.mismatches.insert(report.mismatches.end(), part.mismatches.begin(),
                             part.mismatches.end());
  }
  std::sort(report.mismatches.begin(), report.mismatches.end());
  return report;
}

}  // namespace zt::pg
