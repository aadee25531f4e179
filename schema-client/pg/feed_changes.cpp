#include "schema-client/pg/feed_changes.hpp"

#include <nlohmann/json.hpp>

namespace zt::pg {

namespace {

using nlohmann::json;

// One document of everything written at or after $1: read in one round trip.
constexpr std::string_view kChangesSince =
    "WITH records AS (SELECT id, cve_ids FROM osv_records WHERE updated_at >= $1::timestamptz),"
    " tracker AS (SELECT source_package, cve FROM debian_tracker"
    "   WHERE updated_at >= $1::timestamptz)"
    " SELECT jsonb_build_object("
    " 'records', (SELECT coalesce(jsonb_agg(id), '[]') FROM records),"
    " 'packages', (SELECT coalesce(jsonb_agg(DISTINCT name), '[]') FROM ("
    "   SELECT a.package AS name FROM osv_affected a JOIN records r ON r.id = a.record_id"
    "   UNION ALL SELECT source_package FROM tracker) p),"
    " 'cves', (SELECT coalesce(jsonb_agg(DISTINCT id), '[]') FROM ("
    "   SELECT unnest(cve_ids) AS id FROM records"
    "   UNION ALL SELECT cve FROM tracker"
    "   UNION ALL SELECT cve_id FROM cve_database WHERE updated_at >= $1::timestamptz"
    "   UNION ALL SELECT cve_id FROM kev_entries WHERE updated_at >= $1::timestamptz"
    "   UNION ALL SELECT cve_id FROM epss_scores WHERE updated_at >= $1::timestamptz) c)"
    ")::text";

}  // namespace

std::string database_clock(Connection& connection) {
  const Rows rows = connection.exec(
      "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC',"
      " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')");
  return std::string(rows.text(0, 0));
}

FeedChanges feed_changes_since(Connection& connection, const std::string& since) {
  const json changed = json::parse(connection.exec(kChangesSince, {param(since)}).text(0, 0));
  FeedChanges changes;
  changes.records = changed.at("records").get<std::set<std::string>>();
  changes.packages = changed.at("packages").get<std::set<std::string>>();
  changes.cves = changed.at("cves").get<std::set<std::string>>();
  return changes;
}

}  // namespace zt::pg
