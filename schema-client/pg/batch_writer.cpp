#include "schema-client/pg/batch_writer.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "schema-client/model/columns.hpp"
#include "schema-client/model/scan_baseline.hpp"
#include "schema-client/pg/category_tables.hpp"
#include "schema-client/pg/config_files_writer.hpp"
#include "schema-client/pg/vuln_matcher.hpp"

namespace zt::pg {
namespace {

using nlohmann::json;

// The finding's common values travel under zt_ names so they never meet a field of the same
// name (compliance_checks has its own `category` and `status`).
json category_record(const model::Finding& f) {
  json record = {{"zt_fingerprint", f.fingerprint}, {"zt_severity", to_string(f.severity)},
                 {"zt_title", f.title},             {"zt_description", f.description},
                 {"zt_remediation", f.remediation}, {"zt_risk_score", f.risk_score},
                 {"zt_metadata", f.metadata}};
  for (const auto& [key, value] : f.fields.items()) record[key] = value;
  return record;
}

struct CategoryStatement {
  std::string sql;
  bool uses_scan_id = false;
  // The statement answers one number, its findings that have their unified row (written,
  // merged or unchanged), instead of affecting a row per finding.
  bool counts_findings = false;
};

std::string config_files_sql() {
  std::string columns, values, definition = "file_path text", updates, stored, excluded;
  for (const model::FieldSpec& field : model::spec(model::Category::config).fields) {
    if (!is_config_file_field(field.name) || field.name == "file_path") continue;
    const std::string name(field.name);
    columns += ", " + name;
    values += ", f." + name;
    definition += ", " + name + " " + std::string(sql_type(field.type));
    updates += ", " + name + " = excluded." + name;
    stored += (stored.empty() ? "cf." : ", cf.") + name;
    excluded += (excluded.empty() ? "excluded." : ", excluded.") + name;
  }
  return "INSERT INTO config_files AS cf (company_id, agent_id, file_path, parsing_status,"
         " analysis_status" + columns + ")"
         " SELECT DISTINCT ON (f.file_path) $1::uuid, $2::uuid, f.file_path, 'parsed',"
         " 'analyzed'" + values +
         " FROM jsonb_to_recordset($3::jsonb) AS f(" + definition + ")"
         " WHERE f.file_path IS NOT NULL"
         " ON CONFLICT (company_id, agent_id, file_path) DO UPDATE SET updated_at = now()" +
         updates + " WHERE (" + stored + ") IS DISTINCT FROM (" + excluded + ")";
}

CategoryStatement build_category_statement(model::Category category) {
  const model::CategorySpec& spec = model::spec(category);
  const TableShape& shape = table_shape(category);
  const bool config = category == model::Category::config;

  std::vector<std::pair<std::string, std::string>> columns = {
      {"company_id", "$1::uuid"}, {"vulnerability_id", "v.id"}, {"fingerprint", "f.zt_fingerprint"}};
  std::string definition = "zt_fingerprint text";
  auto common = [&](bool present, std::string_view name, std::string_view type) {
    if (!present) return;
    columns.emplace_back(std::string(name), "f.zt_" + std::string(name));
    definition += ", zt_" + std::string(name) + " " + std::string(type);
  };
  common(shape.severity, "severity", "text");
  common(shape.title, "title", "text");
  common(shape.description, "description", "text");
  common(shape.remediation, "remediation", "text");
  common(shape.risk_score, "risk_score", "numeric");
  common(shape.metadata, "metadata", "jsonb");
  if (shape.agent_id) columns.emplace_back("agent_id", "$2::uuid");
  if (shape.scan_id) columns.emplace_back("scan_id", "$4::uuid");
  for (const model::FieldSpec& field : spec.fields) {
    const std::string name(field.name);
    if (!config || !is_config_file_field(name)) columns.emplace_back(name, "f." + name);
    if (!config || !is_config_file_field(name) || name == "file_path")
      definition += ", " + name + " " + std::string(sql_type(field.type));
  }
  if (config) {
    columns.emplace_back("config_file_id", "cf.id");
    // The standard the finding's metadata names (report.hpp of netconfig), NULL when none.
    columns.emplace_back("standard_id", "cs.id");
    if (!shape.metadata) definition += ", zt_metadata jsonb";
  }

  std::string names, values, updates, stored, excluded;
  for (const auto& [name, value] : columns) {
    names += (names.empty() ? "" : ", ") + name;
    values += (values.empty() ? "" : ", ") + value;
    if (name == "company_id" || name == "agent_id" || name == "fingerprint") continue;
    updates += name + " = excluded." + name + ", ";
    stored += (stored.empty() ? "c." : ", c.") + name;
    excluded += (excluded.empty() ? "excluded." : ", excluded.") + name;
  }
  std::string sql = "INSERT INTO " + std::string(spec.table) + " AS c (" + names + ") SELECT " +
                    values + " FROM jsonb_to_recordset($3::jsonb) AS f(" + definition + ")" +
                    " JOIN vulnerabilities_v2 v ON v.company_id = $1::uuid"
                    " AND v.agent_id = $2::uuid AND v.fingerprint = f.zt_fingerprint";
  if (config)
    sql += " LEFT JOIN config_files cf ON cf.company_id = $1::uuid AND cf.agent_id = $2::uuid"
           " AND cf.file_path = f.file_path"
           " LEFT JOIN config_standards cs ON cs.standard_name = f.zt_metadata->>'standard_name'"
           " AND cs.requirement_id = f.zt_metadata->>'standard_id'";
  sql += " ON CONFLICT (company_id, agent_id, fingerprint) DO UPDATE SET " + updates +
         "updated_at = now()";
  if (!config) return {sql, shape.scan_id};
  // A config finding whose values would not change is not rewritten (an unchanged file
  // changes no row of its own tables), so its rows are counted as read, not as affected.
  sql += " WHERE (" + stored + ") IS DISTINCT FROM (" + excluded + ")";
  return {"WITH written AS (" + sql + " RETURNING 1) SELECT count(*) FROM"
          " jsonb_to_recordset($3::jsonb) AS f(zt_fingerprint text) JOIN vulnerabilities_v2 v"
          " ON v.company_id = $1::uuid AND v.agent_id = $2::uuid"
          " AND v.fingerprint = f.zt_fingerprint",
          shape.scan_id, true};
}

const CategoryStatement& category_statement(model::Category category) {
  static const auto kStatements = [] {
    std::array<CategoryStatement, model::kCategoryCount> statements;
    for (const model::CategorySpec& s : model::all_categories())
      statements[static_cast<std::size_t>(s.category)] = build_category_statement(s.category);
    return statements;
  }();
  return kStatements[static_cast<std::size_t>(category)];
}

constexpr std::string_view kInsertBatch =
    "INSERT INTO ingested_batches (batch_id, company_id, agent_id, scan_id, finding_count,"
    " dependency_count, part, parts) VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6,"
    " $7, $8) ON CONFLICT (company_id, agent_id, batch_id) DO NOTHING RETURNING batch_id";

// Parts of the scan received, this one included. Runs after the scan upsert, which locks the
// scan row: a concurrent part of the same scan waits for this transaction, then sees it.
constexpr std::string_view kPartsReceived =
    "SELECT count(DISTINCT part) FROM ingested_batches"
    " WHERE company_id = $1::uuid AND agent_id = $2::uuid AND scan_id = $3::uuid";

// The batch's metrics are merged over the stored ones: what only heartbeats carry (spool,
// delivery, drops_reported) stays.
constexpr std::string_view kUpdateAgent =
    "UPDATE agents SET name = $3, hostname = $4, version = $5, os = $6, os_version = $7,"
    " cpu_cores = $8, memory_gb = $9, capabilities = $10::jsonb,"
    " metrics = coalesce(metrics, '{}'::jsonb) || $11::jsonb,"
    " status = 'online', last_seen_at = now(), updated_at = now()"
    " WHERE id = $1::uuid AND company_id = $2::uuid";

// A scan id already used by another agent of the company is not taken over; another
// company's scans are keyed apart (company_id, id) and never meet this one.
constexpr std::string_view kUpsertScan =
    "INSERT INTO scans AS s (id, company_id, agent_id, scan_type, status, progress, start_time,"
    " end_time, options, results, metadata) VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6,"
    " $7::timestamptz, $8::timestamptz, $9::jsonb, $10::jsonb, $11::jsonb)"
    " ON CONFLICT (company_id, id) DO UPDATE SET status = excluded.status, progress = excluded.progress,"
    " end_time = excluded.end_time, results = s.results || excluded.results,"
    " metadata = s.metadata || excluded.metadata, updated_at = now()"
    " WHERE s.agent_id = excluded.agent_id RETURNING id";

// discovered_at is set once; a resolved finding reported open by a scan at least as new as
// the one that last saw it reopens, an open one reported closed (a compliance control that
// now passes) is resolved with the reason; an undecided result (a control's check could not
// run) changes no status; statuses set by people (accepted, false_positive…) stay.
// Keyed by agent (migration 0007): every finding of the batch is written, one row each.
constexpr std::string_view kUpsertUnified =
    "INSERT INTO vulnerabilities_v2 AS v (company_id, agent_id, scan_id, title, description,"
    " remediation, severity, category, status, resolved_reason, risk_score, metadata,"
    " fingerprint, discovered_at, last_seen)"
    " SELECT $1::uuid, $2::uuid, $3::uuid, f.zt_title, f.zt_description, f.zt_remediation,"
    " f.zt_severity, f.zt_category, CASE WHEN f.zt_closed IS NULL THEN 'open' ELSE 'resolved'"
    " END, f.zt_closed, f.zt_risk_score, f.zt_metadata, f.zt_fingerprint,"
    " $4::timestamptz, $4::timestamptz"
    " FROM jsonb_to_recordset($5::jsonb) AS f(zt_fingerprint text, zt_title text,"
    " zt_description text, zt_remediation text, zt_severity text, zt_category text,"
    " zt_risk_score numeric, zt_metadata jsonb, zt_closed text)"
    " ON CONFLICT (company_id, agent_id, fingerprint) DO UPDATE SET title = excluded.title,"
    " description = excluded.description, remediation = excluded.remediation,"
    " severity = excluded.severity,"
    " risk_score = excluded.risk_score, metadata = excluded.metadata,"
    " scan_id = excluded.scan_id, last_seen = GREATEST(v.last_seen, excluded.last_seen),"
    " status = CASE WHEN excluded.last_seen < v.last_seen THEN v.status"
    " WHEN excluded.status = 'open' AND v.status = 'resolved' THEN 'open'"
    " WHEN excluded.resolved_reason <> 'undecided' AND v.status = 'open' THEN 'resolved'"
    " ELSE v.status END,"
    " resolved_reason = CASE WHEN excluded.last_seen < v.last_seen THEN v.resolved_reason"
    " WHEN excluded.status = 'open' AND v.status = 'resolved' THEN NULL"
    " WHEN excluded.resolved_reason <> 'undecided' AND v.status = 'open'"
    " THEN excluded.resolved_reason ELSE v.resolved_reason END,"
    " updated_at = now() RETURNING id";

// The v1 row of each CVE finding and its threat intelligence (enrichment_results, one row of
// type 'threat_intelligence' per v1 row, migration 0010): what CISA KEV, EPSS and the CVSS
// score say, the risk score and the remediation. An enrichment row that would not change is
// not written. Answers the number of v1 rows written or merged.
constexpr std::string_view kUpsertCve =
    "WITH f AS (SELECT * FROM jsonb_to_recordset($4::jsonb) AS f(zt_fingerprint text,"
    " zt_severity text, zt_title text, zt_description text, cve_id text, cvss_score numeric,"
    " component_name text, zt_exploited boolean, zt_risk_score numeric,"
    " zt_recommendations jsonb, zt_intel jsonb)),"
    " v AS (INSERT INTO vulnerabilities AS x (scan_id, company_id, agent_id, type, severity,"
    " title, description, cve_id, cvss_score, package_name, exploit_available, exploit_count,"
    " fingerprint)"
    " SELECT $3::uuid, $1::uuid, $2::uuid, 'package', f.zt_severity, f.zt_title,"
    " f.zt_description, f.cve_id, f.cvss_score, f.component_name, f.zt_exploited,"
    " f.zt_exploited::int, f.zt_fingerprint FROM f"
    " ON CONFLICT (company_id, agent_id, fingerprint) DO UPDATE SET scan_id = excluded.scan_id,"
    " severity = excluded.severity, title = excluded.title,"
    " description = excluded.description, cvss_score = excluded.cvss_score,"
    " exploit_available = excluded.exploit_available, exploit_count = excluded.exploit_count,"
    " updated_at = now() RETURNING x.id, x.fingerprint),"
    " e AS (INSERT INTO enrichment_results AS r (vulnerability_id, company_id, enrichment_type,"
    " risk_score, recommendations, threat_intelligence)"
    " SELECT v.id, $1::uuid, 'threat_intelligence', f.zt_risk_score, f.zt_recommendations,"
    " f.zt_intel FROM v JOIN f ON f.zt_fingerprint = v.fingerprint"
    " ON CONFLICT (company_id, vulnerability_id, enrichment_type) DO UPDATE SET"
    " risk_score = excluded.risk_score, recommendations = excluded.recommendations,"
    " threat_intelligence = excluded.threat_intelligence"
    " WHERE (r.risk_score, r.recommendations, r.threat_intelligence) IS DISTINCT FROM"
    " (excluded.risk_score, excluded.recommendations, excluded.threat_intelligence))"
    " SELECT count(*) FROM v";

// What the enrichment row says of a CVE finding: its KEV entry, EPSS and CVSS score (null
// when the feeds know none) and whether an exploit is known.
json threat_intelligence(const model::Finding& f) {
  return {{"cisa_kev", f.metadata.value("kev", json())},
          {"epss", f.metadata.value("epss", json())},
          {"cvss", f.metadata.contains("cvss")
                       ? json{{"score", f.metadata.value("cvss_score", json())},
                              {"vector", f.metadata.at("cvss").value("vector", "")},
                              {"source", f.metadata.at("cvss").value("source", "")}}
                       : json()},
          {"exploit_available", f.metadata.contains("kev")}};
}

constexpr std::string_view kInsertDependencies =
    "INSERT INTO dependencies (scan_id, company_id, name, version, type, location, license,"
    " source_name, source_version, arch, ecosystem, vulnerabilities)"
    " SELECT $1::uuid, $2::uuid, d.name, d.version, d.type, d.location, d.license,"
    " d.source_name, d.source_version, d.arch, d.ecosystem, d.vulnerabilities"
    " FROM jsonb_to_recordset($3::jsonb) AS d(name text, version text, type text,"
    " location text, license text, source_name text, source_version text, arch text,"
    " ecosystem text, vulnerabilities jsonb)";

constexpr std::string_view kResolve =
    "UPDATE vulnerabilities_v2 SET status = 'resolved', resolved_reason = 'not_reported',"
    " updated_at = now()"
    " WHERE company_id = $1::uuid AND agent_id = $2::uuid AND category = ANY($3::text[])"
    " AND status = 'open' AND last_seen < $4::timestamptz";

// Differential uploads (model/scan_baseline.hpp, migration 0015). The base a delta names must
// be the agent's last whole scan of the same collectors; locked, so a concurrent batch of the
// agent for these collectors waits.
constexpr std::string_view kLockBaseline =
    "SELECT digest, seen_at FROM scan_baselines WHERE company_id = $1::uuid"
    " AND agent_id = $2::uuid AND collectors = $3 FOR UPDATE";

// What a delta leaves unchanged is seen again, as a whole upload of the same scan would have
// written it: every finding of its categories that the base scan saw (last_seen at or after
// the base's start), less the removed ones, gets this scan's time and id. Findings the rematch
// resolved as not affected were not in the base scan. Status and content stay.
constexpr std::string_view kSeenAgain =
    "UPDATE vulnerabilities_v2 SET last_seen = $4::timestamptz, scan_id = $6::uuid"
    " WHERE company_id = $1::uuid AND agent_id = $2::uuid AND category = ANY($3::text[])"
    " AND last_seen >= $5::timestamptz AND last_seen < $4::timestamptz"
    " AND resolved_reason IS DISTINCT FROM 'not_affected'"
    " AND NOT fingerprint = ANY($7::text[])";

constexpr std::string_view kStoreBaseline =
    "INSERT INTO scan_baselines AS b (company_id, agent_id, collectors, digest, scan_id, seen_at)"
    " VALUES ($1::uuid, $2::uuid, $3, $4, $5::uuid, $6::timestamptz)"
    " ON CONFLICT (company_id, agent_id, collectors) DO UPDATE SET digest = excluded.digest,"
    " scan_id = excluded.scan_id, seen_at = excluded.seen_at, updated_at = now()";

constexpr std::string_view kDropBaseline =
    "DELETE FROM scan_baselines WHERE company_id = $1::uuid AND agent_id = $2::uuid"
    " AND collectors = $3";

// A PostgreSQL array literal of category names.
std::string text_array(const std::vector<model::Category>& categories) {
  std::vector<std::string> names;
  for (const model::Category category : categories) names.emplace_back(model::to_string(category));
  return pg::text_array(names);
}

// The last finding of each fingerprint wins: one statement cannot update a row twice.
// The findings of both lists, the last of each fingerprint.
std::vector<const model::Finding*> unique_findings(const std::vector<model::Finding>& sent,
                                                   const std::vector<model::Finding>& matched) {
  std::vector<const model::Finding*> all;
  for (const auto* list : {&sent, &matched})
    for (const model::Finding& f : *list) all.push_back(&f);
  std::map<std::string_view, std::size_t> last;
  for (std::size_t i = 0; i < all.size(); ++i) last[all[i]->fingerprint] = i;
  std::vector<const model::Finding*> out;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (last[all[i]->fingerprint] == i) out.push_back(all[i]);
  return out;
}

// Every finding of the batch must come out of each statement as one written or merged row;
// anything else is our bug and the batch is not acknowledged.
void check_rows(std::string_view table, std::int64_t rows, std::size_t expected,
                WriteReport& report) {
  if (rows == static_cast<std::int64_t>(expected)) return;
  report.mismatch += (report.mismatch.empty() ? "" : "; ") + std::string(table) + ": " +
                     std::to_string(rows) + " rows written or merged for " +
                     std::to_string(expected) + " findings";
}

}  // namespace

namespace {

// Why a finding is reported closed, or null when it is a problem to act on. Only compliance
// results can be closed: every control is reported, and only a failed one is a problem; a
// passed, not applicable or manual one is resolved by that reason, an error is "undecided".
json closed_reason(const model::Finding& f) {
  if (f.category != model::Category::compliance) return nullptr;
  const std::string status = f.fields.value("status", "");
  if (status == "fail") return nullptr;
  if (status == "pass") return "passed";
  if (status == "not_applicable" || status == "manual") return status;
  return "undecided";
}

}  // namespace

json unified_record(const model::Finding& f) {
  return {{"zt_fingerprint", f.fingerprint}, {"zt_title", f.title},
          {"zt_description", f.description}, {"zt_remediation", f.remediation},
          {"zt_severity", to_string(f.severity)}, {"zt_category", to_string(f.category)},
          {"zt_risk_score", f.risk_score}, {"zt_metadata", f.metadata},
          {"zt_closed", closed_reason(f)}};
}

void write_findings(Transaction& tx, const AgentRef& agent, const std::string& scan_id,
                    const std::vector<model::Finding>& sent,
                    const std::vector<model::Finding>& matched, const std::string& seen_at,
                    WriteReport& report) {
  const std::vector<const model::Finding*> findings = unique_findings(sent, matched);
  json unified = json::array(), cves = json::array();
  std::map<model::Category, json> by_category;
  for (const model::Finding* f : findings) {
    unified.push_back(unified_record(*f));
    auto [it, inserted] = by_category.try_emplace(f->category, json::array());
    it->second.push_back(category_record(*f));
    const auto cve = f->fields.find("cve_id");
    if (f->category == model::Category::system && cve != f->fields.end() && cve->is_string() &&
        !cve->get<std::string>().empty())
      cves.push_back({{"zt_fingerprint", f->fingerprint}, {"zt_severity", to_string(f->severity)},
                      {"zt_title", f->title}, {"zt_description", f->description},
                      {"cve_id", *cve}, {"cvss_score", f->metadata.value("cvss_score", json())},
                      {"component_name", f->fields.value("component_name", json())},
                      {"zt_exploited", f->metadata.contains("kev")},
                      {"zt_risk_score", f->risk_score},
                      {"zt_recommendations", json::array({f->remediation})},
                      {"zt_intel", threat_intelligence(*f)}});
  }
  if (findings.empty()) return;
  report.findings = tx.exec(kUpsertUnified, {param(agent.company_id), param(agent.agent_id),
                                             param(scan_id), param(seen_at), param(unified)})
                        .size();
  check_rows("vulnerabilities_v2", report.findings, findings.size(), report);
  for (const auto& [category, records] : by_category) {
    if (category == model::Category::config)
      tx.exec(config_files_sql(),
              {param(agent.company_id), param(agent.agent_id), param(records)});
    const CategoryStatement& statement = category_statement(category);
    std::vector<Param> params = {param(agent.company_id), param(agent.agent_id), param(records)};
    if (statement.uses_scan_id) params.push_back(param(scan_id));
    const Rows rows = tx.exec(statement.sql, params);
    check_rows(model::spec(category).table,
               statement.counts_findings ? rows.integer(0, 0) : rows.affected(), records.size(),
               report);
  }
  if (!cves.empty())
    check_rows("vulnerabilities",
               tx.exec(kUpsertCve, {param(agent.company_id), param(agent.agent_id),
                                    param(scan_id), param(cves)})
                   .integer(0, 0),
               cves.size(), report);
}

namespace {

// Each package's row lists the CVE ids matched to it ("vulnerabilities", sorted).
void write_dependencies(Transaction& tx, const AgentRef& agent, const model::Batch& batch,
                        const std::vector<model::Finding>& matched, WriteReport& report) {
  if (batch.dependencies.empty()) return;
  const PackageCves cves = cves_by_package(matched);
  json rows = json::array();
  for (const model::Dependency& d : batch.dependencies) {
    const auto found = cves.find({d.name, d.version});
    rows.push_back({{"name", d.name}, {"version", d.version}, {"type", d.type},
                    {"location", d.location}, {"license", d.license},
                    {"source_name", d.source_name}, {"source_version", d.source_version},
                    {"arch", d.arch}, {"ecosystem", d.ecosystem},
                    {"vulnerabilities", found == cves.end() ? json::array() : json(found->second)}});
  }
  report.dependencies =
      tx.exec(kInsertDependencies, {param(batch.scan.id), param(agent.company_id), param(rows)})
          .affected();
}

}  // namespace

model::Result<WriteReport> write_batch(Connection& connection, const AgentRef& agent,
                                       const model::Batch& batch) {
  WriteReport report;
  Transaction tx(connection);
  tx.set_company(agent.company_id);
  if (tx.exec_prepared(kInsertBatch, {param(batch.batch_id), param(agent.company_id),
                                      param(agent.agent_id), param(batch.scan.id),
                                      param(static_cast<std::int64_t>(batch.findings.size())),
                                      param(static_cast<std::int64_t>(batch.dependencies.size())),
                                      param(batch.part), param(batch.parts)})
          .empty()) {
    report.duplicate = true;
    return report;  // rolled back: nothing of a batch seen before is written again
  }

  const model::AgentInfo& info = batch.agent;
  tx.exec_prepared(
      kUpdateAgent,
      {param(agent.agent_id), param(agent.company_id), param(info.name), param(info.hostname),
       param(info.version), param(info.os), param(info.os_version), param(info.cpu_cores),
       param(info.memory_gb), param(info.capabilities), param(info.metrics)});

  const model::Scan& scan = batch.scan;
  const std::string started = model::format_timestamp(scan.start_time);
  std::optional<std::string> ended;
  if (scan.end_time) ended = model::format_timestamp(*scan.end_time);
  if (tx.exec_prepared(
            kUpsertScan,
            {param(scan.id), param(agent.company_id), param(agent.agent_id), param(scan.scan_type),
             param(to_string(scan.status)), param(scan.progress), param(started), param(ended),
             param(scan.options), param(model::to_json(scan.results)), param(scan.metadata)})
          .empty())
    return model::Error{"scan " + scan.id + " belongs to another agent of this company"};

  const std::string collectors = model::collectors_key(scan);
  std::string base_seen;
  if (batch.delta) {
    const Rows base = tx.exec_prepared(
        kLockBaseline, {param(agent.company_id), param(agent.agent_id), param(collectors)});
    if (base.size() == 0 || base.text(0, 0) != batch.delta->base) {
      report.baseline_mismatch =
          base.size() == 0 ? "the ingest holds no base scan of collectors \"" + collectors + "\""
                           : "the delta's base is not the last whole scan of collectors \"" +
                                 collectors + "\" the ingest wrote";
      return report;  // rolled back: the agent sends the scan whole
    }
    base_seen = std::string(base.text(0, 1));
  }

  // The CVEs of the inventory this batch carries, matched against the stored feeds.
  model::Batch matched;
  matched.findings = match_stored_feeds(tx, agent.agent_id, batch.dependencies);
  model::fit_to_columns(matched);
  report.config_files = write_config_files(tx, agent, batch);
  report.matched = static_cast<std::int64_t>(matched.findings.size());
  write_findings(tx, agent, scan.id, batch.findings, matched.findings, started, report);
  if (!report.mismatch.empty()) return report;  // rolled back: nothing acknowledged
  write_dependencies(tx, agent, batch, matched.findings, report);

  const bool whole_scan_in =
      batch.parts == 1 || tx.exec_prepared(kPartsReceived, {param(agent.company_id),
                                                            param(agent.agent_id), param(scan.id)})
                                  .integer(0, 0) >= batch.parts;
  // Only the categories whose every collector completed in this scan can vouch that a
  // finding it no longer reports is gone.
  const auto categories = model::vouched_categories(scan.results);
  if (batch.delta)
    report.unchanged = tx.exec(kSeenAgain, {param(agent.company_id), param(agent.agent_id),
                                            param(text_array(categories)), param(started),
                                            param(base_seen), param(scan.id),
                                            param(pg::text_array(batch.delta->removed))})
                           .affected();
  if (whole_scan_in && !categories.empty()) {
    report.resolved = tx.exec(kResolve, {param(agent.company_id), param(agent.agent_id),
                                         param(text_array(categories)), param(started)})
                          .affected();
    if (std::ranges::find(categories, model::Category::config) != categories.end())
      resolve_config_findings(tx, agent);
  }
  if (whole_scan_in) {
    // The next delta's base, or none: a scan that is not whole and complete breaks the chain.
    if (!batch.digest.empty() && model::can_be_baseline(batch))
      tx.exec_prepared(kStoreBaseline, {param(agent.company_id), param(agent.agent_id),
                                        param(collectors), param(batch.digest), param(scan.id),
                                        param(started)});
    else
      tx.exec_prepared(kDropBaseline,
                       {param(agent.company_id), param(agent.agent_id), param(collectors)});
  }
  tx.commit();
  return report;
}

}  // namespace zt::pg
