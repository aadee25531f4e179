// What is known per CVE: NVD and CVE 5 records into the seed's cve_database, CISA KEV into
// kev_entries, FIRST EPSS into epss_scores (feed_store.hpp).
#include <algorithm>
#include <cctype>

#include "schema-client/pg/feed_store.hpp"
#include "schema-client/pg/feed_store_upsert.hpp"

namespace zt::pg {
namespace {

using nlohmann::json;

// NVD and CVE 5 describe the same CVEs with their own times: the newer description wins, so
// importing both feeds again does not make them overwrite each other. A record without a
// modification time replaces one with a time only when it differs.
const FeedTable kCveDatabase{.table = "public.cve_database",
                             .keys = {"cve_id"},
                             .columns = {{"cve_id", "text"},
                              {"title", "text"},
                              {"description", "text"},
                              {"cvss_score", "numeric"},
                              {"cvss_vector", "text"},
                              {"severity", "text"},
                              {"published_date", "timestamptz"},
                              {"last_modified_date", "timestamptz"},
                              {"references", "jsonb"},
                              {"rejected", "boolean"}},
                             .newer = "excluded.last_modified_date >= t.last_modified_date"
                                      " IS NOT FALSE",
                             .withdrawn = "t.rejected"};

const FeedTable kKev{.table = "public.kev_entries",
                     .keys = {"cve_id"},
                     .columns = {{"cve_id", "text"},
                      {"vendor_project", "text"},
                      {"product", "text"},
                      {"vulnerability_name", "text"},
                      {"date_added", "date"},
                      {"short_description", "text"},
                      {"required_action", "text"},
                      {"due_date", "date"},
                      {"known_ransomware_campaign_use", "boolean"},
                      {"notes", "text"},
                      {"cwe_ids", "text[]"}}};

// An older day's scores never replace a newer day's.
const FeedTable kEpss{.table = "public.epss_scores",
                      .keys = {"cve_id"},
                      .columns = {{"cve_id", "text"},
                       {"score", "double precision"},
                       {"percentile", "double precision"},
                       {"score_date", "date"},
                       {"model_version", "text"}},
                      .newer = "excluded.score_date >= t.score_date IS NOT FALSE"};

json optional_time(const std::optional<model::Timestamp>& t) {
  return t ? json(model::format_timestamp(*t)) : json();
}

json non_empty(const std::string& text) { return text.empty() ? json() : json(text); }

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// cve_database has one score: CVSS v3 where the record has one (what most tools still rank
// by), else v4. Its severity in the seed's lower-case words.
json cve_row(const feeds::CveRecord& record) {
  const std::optional<feeds::Cvss>& cvss = record.cvss_v3 ? record.cvss_v3 : record.cvss_v4;
  json references = json::array();
  for (const feeds::CveReference& r : record.references)
    references.push_back({{"url", r.url}, {"tags", r.tags}});
  return {{"cve_id", record.id},
          {"title", non_empty(record.title)},
          {"description", non_empty(record.description)},
          {"cvss_score", cvss ? json(cvss->score) : json()},
          {"cvss_vector", cvss ? non_empty(cvss->vector) : json()},
          {"severity", cvss ? non_empty(lower(cvss->severity)) : json()},
          {"published_date", optional_time(record.published)},
          {"last_modified_date", optional_time(record.modified)},
          {"references", std::move(references)},
          {"rejected", record.rejected}};
}

json kev_row(const feeds::KevEntry& entry) {
  return {{"cve_id", entry.cve},
          {"vendor_project", entry.vendor_project},
          {"product", entry.product},
          {"vulnerability_name", entry.vulnerability_name},
          {"date_added", entry.date_added},
          {"short_description", entry.short_description},
          {"required_action", entry.required_action},
          {"due_date", entry.due_date},
          {"known_ransomware_campaign_use", entry.known_ransomware},
          {"notes", entry.notes},
          {"cwe_ids", entry.cwes}};
}

}  // namespace

FeedWriteCounts store_cve_records(Connection& connection,
                                  const std::vector<feeds::CveRecord>& records) {
  static const std::string statement = upsert_statement(kCveDatabase);
  FeedRows rows;
  for (const feeds::CveRecord& record : records) rows.add(record.id, row_text(cve_row(record)));
  return rows.upsert(connection, statement);
}

FeedWriteCounts store_kev(Connection& connection, const feeds::KevRead& catalog) {
  static const std::string statement = upsert_statement(kKev);
  FeedRows rows;
  for (const feeds::KevEntry& entry : catalog.records)
    rows.add(entry.cve, row_text(kev_row(entry)));
  return rows.upsert(connection, statement);
}

FeedWriteCounts store_epss(Connection& connection, const feeds::EpssRead& scores) {
  static const std::string statement = upsert_statement(kEpss);
  // The day the scores are of: the file's comment line, as a date.
  const json score_date =
      scores.score_date ? json(model::format_timestamp(*scores.score_date).substr(0, 10)) : json();
  FeedRows rows;
  for (const feeds::EpssEntry& entry : scores.records)
    rows.add(entry.cve, row_text({{"cve_id", entry.cve},
                                  {"score", entry.epss},
                                  {"percentile", entry.percentile},
                                  {"score_date", score_date},
                                  {"model_version", scores.model_version}}));
  return rows.upsert(connection, statement);
}

}  // namespace zt::pg
