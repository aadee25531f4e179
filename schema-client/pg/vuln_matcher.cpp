#include "schema-client/pg/vuln_matcher.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "schema-client/feeds/osv.hpp"
#include "schema-client/model/fingerprint.hpp"
#include "schema-client/vuln/package_findings.hpp"

namespace zt::pg {

namespace {

using nlohmann::json;

// The stored OSV records naming one of the packages ($2) under one of the keys ($1), each as
// an OSV document with only those affected entries: what the OSV reader reads back.
constexpr std::string_view kRecords =
    "WITH keys AS (SELECT jsonb_array_elements_text($1::jsonb) AS key),"
    " names AS (SELECT jsonb_array_elements_text($2::jsonb) AS name),"
    " hits AS (SELECT a.* FROM osv_affected a JOIN keys ON a.index_key = keys.key"
    "          JOIN names ON a.package = names.name)"
    " SELECT coalesce(jsonb_agg(jsonb_build_object("
    "   'id', r.id, 'modified', to_char(r.modified AT TIME ZONE 'UTC',"
    "   'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'aliases', to_jsonb(r.cve_ids),"
    "   'summary', r.summary, 'severity', r.severity, 'references', r.\"references\","
    "   'affected', (SELECT jsonb_agg(jsonb_build_object("
    "       'package', jsonb_build_object('ecosystem', h.ecosystem, 'name', h.package),"
    "       'ranges', (SELECT coalesce(jsonb_agg(jsonb_build_object('type', 'ECOSYSTEM',"
    "                  'events', e)), '[]'::jsonb) FROM jsonb_array_elements(h.ranges) e),"
    "       'versions', to_jsonb(h.versions)) ORDER BY h.position)"
    "     FROM hits h WHERE h.record_id = r.id))), '[]'::jsonb)::text"
    " FROM osv_records r WHERE r.withdrawn IS NULL"
    " AND r.id IN (SELECT record_id FROM hits)";

// What is known of the CVEs ($1): scores, KEV entries and EPSS scores.
constexpr std::string_view kIntel =
    "WITH ids AS (SELECT jsonb_array_elements_text($1::jsonb) AS id)"
    " SELECT jsonb_build_object("
    " 'scores', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.cve_id,"
    "   'score', c.cvss_score, 'vector', coalesce(c.cvss_vector, ''))), '[]'::jsonb)"
    "   FROM cve_database c JOIN ids ON c.cve_id = ids.id"
    "   WHERE NOT c.rejected AND c.cvss_score IS NOT NULL),"
    " 'kev', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', k.cve_id,"
    "   'date_added', k.date_added::text, 'due_date', k.due_date::text,"
    "   'required_action', k.required_action,"
    "   'ransomware', k.known_ransomware_campaign_use)), '[]'::jsonb)"
    "   FROM kev_entries k JOIN ids ON k.cve_id = ids.id),"
    " 'epss', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', s.cve_id,"
    "   'score', s.score, 'percentile', s.percentile)), '[]'::jsonb)"
    "   FROM epss_scores s JOIN ids ON s.cve_id = ids.id))::text";

std::vector<feeds::OsvRecord> stored_records(Transaction& tx, const vuln::Lookups& lookups) {
  const Rows rows = tx.exec(kRecords, {param(json(lookups.ecosystem_keys)),
                                       param(json(lookups.names))});
  feeds::FeedRead<feeds::OsvRecord> read;
  feeds::ProblemLog log("osv_records", read.problems);
  for (const json& document : json::parse(rows.text(0, 0)))
    feeds::read_osv_document(document, log, read);
  return std::move(read.records);
}

vuln::CveIntel stored_intel(Transaction& tx, const std::set<std::string>& cve_ids) {
  vuln::CveIntel intel;
  if (cve_ids.empty()) return intel;
  const json known =
      json::parse(tx.exec(kIntel, {param(json(cve_ids))}).text(0, 0));
  for (const json& s : known.at("scores"))
    intel.scores[s.at("id")] = {s.at("score").get<double>(), s.at("vector"), "cve_database"};
  for (const json& k : known.at("kev")) {
    feeds::KevEntry& entry = intel.kev[k.at("id")];
    entry.cve = k.at("id");
    entry.date_added = k.at("date_added");
    entry.due_date = k.at("due_date");
    entry.required_action = k.at("required_action");
    entry.known_ransomware = k.at("ransomware");
  }
  for (const json& e : known.at("epss"))
    intel.epss[e.at("id")] = {e.at("id"), e.at("score").get<double>(),
                              e.at("percentile").get<double>()};
  return intel;
}

}  // namespace

std::vector<model::Finding> match_stored_feeds(Transaction& tx, const std::string& agent_id,
                                               const std::vector<model::Dependency>& dependencies) {
  const vuln::Lookups lookups = vuln::lookups_of(dependencies);
  if (lookups.ecosystem_keys.empty() || lookups.names.empty()) return {};
  const vuln::Index index = vuln::Index::build(stored_records(tx, lookups));
  std::set<std::string> cve_ids;
  for (const vuln::Match& m : vuln::match_dependencies(index, dependencies))
    cve_ids.insert(m.cve_ids.begin(), m.cve_ids.end());
  std::vector<model::Finding> findings =
      vuln::package_vulnerability_findings(index, dependencies, stored_intel(tx, cve_ids));
  for (model::Finding& f : findings) f.fingerprint = model::compute_fingerprint(agent_id, f);
  return findings;
}

PackageCves cves_by_package(const std::vector<model::Finding>& matched) {
  PackageCves cves;
  for (const model::Finding& f : matched)
    cves[{f.fields.value("component_name", ""), f.fields.value("component_version", "")}].insert(
        f.fields.value("cve_id", ""));
  return cves;
}

}  // namespace zt::pg
