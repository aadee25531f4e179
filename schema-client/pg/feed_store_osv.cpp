// OSV records into osv_records and osv_affected (feed_store.hpp).
#include <algorithm>

#include "schema-client/feeds/osv.hpp"
#include "schema-client/model/digest.hpp"
#include "schema-client/pg/feed_store.hpp"
#include "schema-client/pg/feed_store_upsert.hpp"
#include "schema-client/vuln/ecosystem.hpp"
#include "schema-client/vuln/match_index.hpp"

namespace zt::pg {
namespace {

using nlohmann::json;

// A record's written rows take its affected rows along: the stored ones of an updated record
// go, the new ones come. The DELETE sees the rows as they were before the statement, so it
// never removes what the INSERT adds.
constexpr std::string_view kReplaceAffected =
    "dropped AS (DELETE FROM public.osv_affected a USING written w"
    " WHERE a.record_id = w.id AND NOT w.inserted),"
    " added AS (INSERT INTO public.osv_affected"
    " (record_id, position, ecosystem, index_key, package, ranges, versions)"
    " SELECT w.id, e.n - 1, e.item->>'ecosystem', e.item->>'index_key', e.item->>'package',"
    " e.item->'ranges', ARRAY(SELECT jsonb_array_elements_text(e.item->'versions'))"
    " FROM written w JOIN input i ON i.id = w.id"
    " CROSS JOIN LATERAL jsonb_array_elements(i.affected) WITH ORDINALITY AS e(item, n))";

const FeedTable kOsvRecords{
    .table = "public.osv_records",
    .keys = {"id"},
    .columns = {{"id", "text"},
     {"source", "text"},
     {"modified", "timestamptz"},
     {"published", "timestamptz"},
     {"withdrawn", "timestamptz"},
     {"aliases", "text[]"},
     {"cve_ids", "text[]"},
     {"summary", "text"},
     {"details", "text"},
     {"severity", "jsonb"},
     {"references", "jsonb"},
     {"content_hash", "text"}},
    .input_only = {{"affected", "jsonb"}},
    .newer = "excluded.modified >= t.modified",
    .withdrawn = "t.withdrawn IS NOT NULL",
    .then = kReplaceAffected};

json optional_time(const std::optional<model::Timestamp>& t) {
  return t ? json(model::format_timestamp(*t)) : json();
}

// The ECOSYSTEM ranges' events, [[{"introduced": "0"}, {"fixed": "1.2-1"}], …]: the versions
// of the package's own ecosystem, which a matcher compares with.
json ecosystem_ranges(const feeds::OsvAffected& affected) {
  json ranges = json::array();
  for (const feeds::OsvRange& range : affected.ranges) {
    if (range.type != feeds::OsvRangeType::ecosystem) continue;
    json events = json::array();
    for (const feeds::OsvEvent& e : range.events)
      events.push_back({{std::string(feeds::name_of(e.kind)), e.version}});
    ranges.push_back(std::move(events));
  }
  return ranges;
}

// The record's row but its content_hash.
json row_of(const feeds::OsvRecord& record) {
  json severity = json::array(), references = json::array(), affected = json::array();
  for (const feeds::OsvSeverity& s : record.severity)
    severity.push_back({{"type", s.type}, {"score", s.score}});
  for (const feeds::OsvReference& r : record.references)
    references.push_back({{"type", r.type}, {"url", r.url}});
  for (const feeds::OsvAffected& a : record.affected)
    affected.push_back({{"ecosystem", a.package.ecosystem},
                        {"index_key", vuln::index_key(a.package.ecosystem)},
                        {"package", a.package.name},
                        {"ranges", ecosystem_ranges(a)},
                        {"versions", a.versions}});
  return {{"id", record.id},
          {"source", "osv"},
          {"modified", model::format_timestamp(record.modified)},
          {"published", optional_time(record.published)},
          {"withdrawn", optional_time(record.withdrawn)},
          {"aliases", record.aliases},
          {"cve_ids", vuln::cve_ids_of(record)},
          {"summary", record.summary},
          {"details", record.details},
          {"severity", std::move(severity)},
          {"references", std::move(references)},
          {"affected", std::move(affected)}};
}

// The row's text with its content_hash put first: the hash of all the rest, so that a change
// to an affected row changes the record's hash too.
std::string hashed_row_text(const feeds::OsvRecord& record) {
  std::string text = row_text(row_of(record));
  text.insert(1, "\"content_hash\":\"" + model::sha256_hex(text) + "\",");
  return text;
}

}  // namespace

FeedWriteCounts store_osv_records(Connection& connection,
                                  const std::vector<feeds::OsvRecord>& records) {
  static const std::string statement = upsert_statement(kOsvRecords);
  FeedRows rows;
  for (const feeds::OsvRecord& record : records) rows.add(record.id, hashed_row_text(record));
  return rows.upsert(connection, statement);
}

}  // namespace zt::pg
