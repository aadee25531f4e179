#include "schema-client/pg/vuln_matcher.hpp"

#include <nlohmann/json.hpp>
#include <map>
#include <set>

#include "schema-client/feeds/osv.hpp"
#include "schema-client/model/fingerprint.hpp"
#include "schema-client/vuln/package_findings.hpp"

namespace zt::pg {

namespace {

using nlohmann::json;

// The stored OSV records naming one of the packages ($2) under one of the keys ($1), each as
// an OSV document with only those affected entries: what the OSV reader reads back.
// The hits are grouped by record once (a subquery per record over all hits is quadratic in
// a fleet's rematch).
constexpr std::string_view kRecords =
    "WITH keys AS (SELECT jsonb_array_elements_text($1::jsonb) AS key),"
    " names AS (SELECT jsonb_array_elements_text($2::jsonb) AS name),"
    " hits AS (SELECT a.* FROM osv_affected a JOIN keys ON a.index_key = keys.key"
    "          JOIN names ON a.package = names.name),"
    " affected AS (SELECT h.record_id, jsonb_agg(jsonb_build_object("
    "       'package', jsonb_build_object('ecosystem', h.ecosystem, 'name', h.package),"
    "       'ranges', (SELECT coalesce(jsonb_agg(jsonb_build_object('type', 'ECOSYSTEM',"
    "                  'events', e)), '[]'::jsonb) FROM jsonb_array_elements(h.ranges) e),"
    "       'versions', to_jsonb(h.versions)) ORDER BY h.position) AS entries"
    "     FROM hits h GROUP BY h.record_id)"
    " SELECT coalesce(jsonb_agg(jsonb_build_object("
    "   'id', r.id, 'modified', to_char(r.modified AT TIME ZONE 'UTC',"
    "   'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'aliases', to_jsonb(r.cve_ids),"
    "   'summary', r.summary, 'severity', r.severity, 'references', r.\"references\","
    "   'affected', a.entries)), '[]'::jsonb)::text"
    " FROM affected a JOIN osv_records r ON r.id = a.record_id WHERE r.withdrawn IS NULL";

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

// The Debian security tracker's word on (source package, CVE, release version) triples ($1).
constexpr std::string_view kTracker =
    "SELECT coalesce(jsonb_agg(jsonb_build_object('source', t.source_package, 'cve', t.cve,"
    " 'release', t.release_version, 'status', t.status, 'fixed_version', t.fixed_version,"
    " 'urgency', t.urgency, 'nodsa', t.nodsa, 'nodsa_reason', t.nodsa_reason)), '[]')::text"
    " FROM debian_tracker t JOIN jsonb_to_recordset($1::jsonb) AS k(source text, cve text,"
    " release text) ON t.source_package = k.source AND t.cve = k.cve"
    " AND t.release_version = k.release";

// Its every row on the source packages ($1) in the releases ($2): what a fleet can meet.
constexpr std::string_view kTrackerOfSources =
    "SELECT coalesce(jsonb_agg(jsonb_build_object('source', t.source_package, 'cve', t.cve,"
    " 'release', t.release_version, 'status', t.status, 'fixed_version', t.fixed_version,"
    " 'urgency', t.urgency, 'nodsa', t.nodsa, 'nodsa_reason', t.nodsa_reason)), '[]')::text"
    " FROM debian_tracker t WHERE t.source_package IN (SELECT jsonb_array_elements_text($1::jsonb))"
    " AND t.release_version IN (SELECT jsonb_array_elements_text($2::jsonb))";

// "12" for "Debian:12"; empty for any other ecosystem.
std::string debian_release(std::string_view ecosystem) {
  constexpr std::string_view kDebian = "Debian:";
  return ecosystem.starts_with(kDebian) ? std::string(ecosystem.substr(kDebian.size())) : "";
}

std::string debian_release(const model::Finding& f) {
  return debian_release(f.metadata.value("ecosystem", ""));
}

std::string tracker_key(std::string_view source, std::string_view cve, std::string_view release) {
  return std::string(source) + '\t' + std::string(cve) + '\t' + std::string(release);
}

// The tracker rows a query answers, by tracker_key.
DebianTracker tracker_of(const Rows& rows) {
  DebianTracker tracker;
  for (json& row : json::parse(rows.text(0, 0))) {
    // The key first: the assignment's right side (a json taken by value) is made before it.
    std::string key = tracker_key(row.at("source").get<std::string>(),
                                  row.at("cve").get<std::string>(),
                                  row.at("release").get<std::string>());
    tracker.rows[std::move(key)] = std::move(row);
  }
  return tracker;
}

// The tracker's rows on the findings' own (source, CVE, release) triples: one batch's.
DebianTracker tracker_for(Transaction& tx, const std::vector<model::Finding>& findings) {
  json keys = json::array();
  for (const model::Finding& f : findings)
    if (const std::string release = debian_release(f); !release.empty())
      keys.push_back({{"source", f.metadata.value("source_name", "")},
                      {"cve", f.fields.value("cve_id", "")}, {"release", release}});
  if (keys.empty()) return {};
  return tracker_of(tx.exec(kTracker, {param(keys)}));
}

// Debian findings get the tracker's status, urgency and "no DSA" decision in their metadata;
// one the tracker marks as never affecting the release (fixed version "0") is dropped: the
// security team has looked at that source in that release.
void apply_debian_tracker(const DebianTracker& tracker, std::vector<model::Finding>& findings) {
  if (tracker.rows.empty()) return;
  std::erase_if(findings, [&](model::Finding& f) {
    const std::string release = debian_release(f);
    if (release.empty()) return false;
    const auto found = tracker.rows.find(tracker_key(f.metadata.value("source_name", ""),
                                                     f.fields.value("cve_id", ""), release));
    if (found == tracker.rows.end()) return false;
    const json& row = found->second;
    if (row.at("fixed_version") == "0") return true;
    f.metadata["debian_tracker"] = {{"status", row.at("status")},
                                    {"urgency", row.at("urgency")},
                                    {"nodsa", row.at("nodsa")},
                                    {"nodsa_reason", row.at("nodsa_reason")}};
    return false;
  });
}

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

vuln::Index load_index(Transaction& tx, const vuln::Lookups& lookups) {
  if (lookups.ecosystem_keys.empty() || lookups.names.empty()) return vuln::Index::build({});
  return vuln::Index::build(stored_records(tx, lookups));
}

DebianTracker load_debian_tracker(Transaction& tx, const vuln::Lookups& lookups,
                                  const std::vector<model::Dependency>& dependencies) {
  std::set<std::string> releases;
  for (const model::Dependency& d : dependencies)
    if (std::string release = debian_release(d.ecosystem); !release.empty())
      releases.insert(std::move(release));
  if (releases.empty() || lookups.names.empty()) return {};
  return tracker_of(tx.exec(kTrackerOfSources, {param(json(lookups.names)), param(json(releases))}));
}

// The findings with the tracker's word applied, fingerprinted for `agent_id`.
std::vector<model::Finding> fingerprinted(std::vector<model::Finding> findings,
                                          const DebianTracker& tracker,
                                          const std::string& agent_id) {
  apply_debian_tracker(tracker, findings);
  for (model::Finding& f : findings) f.fingerprint = model::compute_fingerprint(agent_id, f);
  return findings;
}

}  // namespace

StoredFeeds load_feeds(Transaction& tx, const std::vector<model::Dependency>& packages) {
  const vuln::Lookups lookups = vuln::lookups_of(packages);
  StoredFeeds feeds{load_index(tx, lookups), load_debian_tracker(tx, lookups, packages), {}};
  std::set<std::string> cve_ids;
  for (std::uint32_t r = 0; r < feeds.index.record_count(); ++r)
    cve_ids.insert(feeds.index.record(r).cve_ids.begin(), feeds.index.record(r).cve_ids.end());
  feeds.intel = stored_intel(tx, cve_ids);
  return feeds;
}

std::vector<model::Finding> findings_in(const StoredFeeds& feeds, const std::string& agent_id,
                                        const std::vector<model::Dependency>& dependencies) {
  return fingerprinted(vuln::package_vulnerability_findings(feeds.index, dependencies, feeds.intel),
                       feeds.tracker, agent_id);
}

std::vector<model::Finding> match_stored_feeds(Transaction& tx, const std::string& agent_id,
                                               const std::vector<model::Dependency>& dependencies) {
  const vuln::Lookups lookups = vuln::lookups_of(dependencies);
  if (lookups.ecosystem_keys.empty() || lookups.names.empty()) return {};
  const vuln::Index index = load_index(tx, lookups);
  const std::vector<vuln::Match> matches = vuln::match_dependencies(index, dependencies);
  std::set<std::string> cve_ids;
  for (const vuln::Match& m : matches) cve_ids.insert(m.cve_ids.begin(), m.cve_ids.end());
  std::vector<model::Finding> findings = vuln::package_vulnerability_findings(
      index, dependencies, matches, stored_intel(tx, cve_ids));
  const DebianTracker tracker = tracker_for(tx, findings);
  return fingerprinted(std::move(findings), tracker, agent_id);
}

PackageCves cves_by_package(const std::vector<model::Finding>& matched) {
  PackageCves cves;
  for (const model::Finding& f : matched)
    cves[{f.fields.value("component_name", ""), f.fields.value("component_version", "")}].insert(
        f.fields.value("cve_id", ""));
  return cves;
}

}  // namespace zt::pg
