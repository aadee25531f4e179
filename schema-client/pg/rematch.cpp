#include "schema-client/pg/rematch.hpp"

#include <nlohmann/json.hpp>
#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <set>
#include <thread>

#include "schema-client/model/columns.hpp"
#include "schema-client/model/timestamp.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/rematch_changes.hpp"
#include "schema-client/pg/vuln_matcher.hpp"
#include "schema-client/vuln/package_findings.hpp"

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
    "   AND s.company_id = v.company_id AND s.agent_id = v.agent_id"  // by the agent's index
    "   AND s.vulnerability_type = 'package_vulnerability'"
    "   AND ($4::text[] IS NULL OR s.component_name = ANY($4::text[])))"
    " AND NOT v.fingerprint IN (SELECT jsonb_array_elements_text($3::jsonb))";

// $3: {"name\tversion": [CVE ids]}; rows whose list would not change are not written.
// $4 (resolving above too): the package names matched again (text[]: `= ANY` of a constant
// array is a hash lookup), or NULL for all.
constexpr std::string_view kListCves =
    "UPDATE dependencies SET vulnerabilities = coalesce($3::jsonb ->"
    " (name || E'\\t' || coalesce(version, '')), '[]'::jsonb)"
    " WHERE company_id = $1::uuid AND scan_id = $2::uuid"
    " AND vulnerabilities IS DISTINCT FROM coalesce($3::jsonb ->"
    " (name || E'\\t' || coalesce(version, '')), '[]'::jsonb)"
    " AND ($4::text[] IS NULL OR name = ANY($4::text[]))";

// The distinct packages of a company's inventories ($2: their scan ids): what the fleet's
// index must hold.
constexpr std::string_view kFleetPackages =
    "SELECT DISTINCT name, coalesce(version, ''), coalesce(source_name, ''),"
    " coalesce(source_version, ''), coalesce(arch, ''), coalesce(ecosystem, '')"
    " FROM dependencies WHERE company_id = $1::uuid"
    " AND scan_id IN (SELECT jsonb_array_elements_text($2::jsonb)::uuid)";

// After feed changes: the packages of each agent's open CVE findings that cite a changed
// record or CVE ($2 CVE ids, $3 record ids, as text[]: `= ANY` of a constant array is a hash
// lookup; `?|`, or IN over the JSON lists' elements, compared every finding with every changed
// id, or flipped to a plan that did: 73 s for a hundredth of the records withdrawn).
constexpr std::string_view kCitingChanges =
    "SELECT DISTINCT s.agent_id::text, s.component_name FROM system_vulnerabilities s"
    " JOIN vulnerabilities_v2 v ON v.id = s.vulnerability_id AND v.company_id = s.company_id"
    " WHERE s.company_id = $1::uuid AND s.vulnerability_type = 'package_vulnerability'"
    " AND v.status = 'open' AND s.component_name IS NOT NULL"
    " AND (s.cve_id = ANY($2::text[])"
    "   OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(v.metadata -> 'record_ids') r (id)"
    "     WHERE r.id = ANY($3::text[])))";

struct Inventory {
  AgentRef agent;
  std::string scan;
  std::set<std::string> citing;  // after feed changes: kCitingChanges's packages
};

// The packages a rematch matches again: every one, or after feed changes those a changed
// record or tracker row may name (one of their lookup names changed) and those whose open
// findings cite a changed record or CVE. Findings are per package, so matching these alone
// gives exactly their findings of a whole match.
bool in_scope(const model::Dependency& d, const FeedChanges* changes,
              const std::set<std::string>& citing) {
  if (!changes || citing.contains(d.name)) return true;
  for (const std::string& name : vuln::lookups_of({d}).names)
    if (changes->packages.contains(name)) return true;
  return false;
}

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
                             std::string(latest.text(r, 1)), {}});
    tx.commit();
  }
  return inventories;
}

// Each inventory's packages whose open findings cite one of the changes, a query per company.
void find_citing(Connection& connection, const FeedChanges& changes,
                 std::vector<Inventory>& inventories) {
  std::map<std::string, std::map<std::string, Inventory*>> by_company;
  for (Inventory& inventory : inventories)
    by_company[inventory.agent.company_id][inventory.agent.agent_id] = &inventory;
  const std::string cves = text_array({changes.cves.begin(), changes.cves.end()});
  const std::string records = text_array({changes.records.begin(), changes.records.end()});
  for (const auto& [company, agents] : by_company) {
    Transaction tx(connection);
    tx.set_company(company);
    const Rows rows = tx.exec(kCitingChanges, {param(company), param(cves), param(records)});
    for (int r = 0; r < rows.size(); ++r)
      if (const auto found = agents.find(std::string(rows.text(r, 0))); found != agents.end())
        found->second->citing.emplace(rows.text(r, 1));
    tx.commit();
  }
}

// The fleet's feeds, read once for all: on the packages in scope.
StoredFeeds fleet_feeds(Connection& connection, const std::vector<Inventory>& inventories,
                        const FeedChanges* changes) {
  std::map<std::string, json> scans_by_company;
  std::set<std::string> citing;
  for (const Inventory& inventory : inventories) {
    scans_by_company.try_emplace(inventory.agent.company_id, json::array())
        .first->second.push_back(inventory.scan);
    citing.insert(inventory.citing.begin(), inventory.citing.end());
  }
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
      if (!in_scope(d, changes, citing)) packages.pop_back();
    }
    tx.commit();
  }
  Transaction tx(connection);  // the feeds are shared: no company
  StoredFeeds feeds = load_feeds(tx, packages);
  tx.commit();
  return feeds;
}

void rematch_agent(Connection& connection, const StoredFeeds& feeds, const Inventory& inventory,
                   const FeedChanges* feed_changes, RematchReport& report) {
  const AgentRef& agent = inventory.agent;
  Transaction tx(connection);
  tx.set_company(agent.company_id);
  std::vector<model::Dependency> dependencies = dependencies_of(tx, inventory);
  Param scope;  // the package names matched again; NULL: all
  if (feed_changes) {
    std::erase_if(dependencies, [&](const model::Dependency& d) {
      return !in_scope(d, feed_changes, inventory.citing);
    });
    if (dependencies.empty()) {
      ++report.untouched;
      return;  // nothing written: the read-only transaction rolls back
    }
    std::vector<std::string> names;
    for (const model::Dependency& d : dependencies) names.push_back(d.name);
    scope = text_array(names);
  }
  model::Batch matched;
  matched.findings = findings_in(feeds, agent.agent_id, dependencies);
  model::fit_to_columns(matched);

  const RematchChanges changes = rematch_changes(tx, agent, matched.findings, scope);
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
    report.resolved += tx.exec(kResolveUnmatched, {param(agent.company_id), param(agent.agent_id),
                                                   param(fingerprints), scope})
                           .affected();
  }
  json lists = json::object();
  for (const auto& [package, cves] : cves_by_package(matched.findings))
    lists[package.first + "\t" + package.second] = cves;
  tx.exec(kListCves, {param(agent.company_id), param(inventory.scan), param(lists), scope});
  tx.commit();
  report.findings += static_cast<std::int64_t>(matched.findings.size());
  report.written += static_cast<std::int64_t>(to_write.size());
  ++report.agents;
}

RematchReport rematch(Connection& connection, int workers, const FeedChanges* changes) {
  std::vector<Inventory> inventories = latest_inventories(connection);
  if (changes) find_citing(connection, *changes, inventories);
  const StoredFeeds feeds = fleet_feeds(connection, inventories, changes);

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
        rematch_agent(session, feeds, inventories[i], changes, reports[worker]);
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
    report.untouched += part.untouched;
    report.mismatches.insert(report.mismatches.end(), part.mismatches.begin(),
                             part.mismatches.end());
  }
  std::sort(report.mismatches.begin(), report.mismatches.end());
  return report;
}

}  // namespace

RematchReport rematch_fleet(Connection& connection, int workers) {
  return rematch(connection, workers, nullptr);
}

RematchReport rematch_fleet_for(Connection& connection, const FeedChanges& changes,
                                int workers) {
  if (changes.empty()) return {};
  return rematch(connection, workers, &changes);
}

}  // namespace zt::pg
