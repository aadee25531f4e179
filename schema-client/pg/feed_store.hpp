#pragma once
// The vulnerability feeds' records (feeds/records.hpp) upserted into the tables of migration
// 0009 and the seed's cve_database (see schema-client/SCHEMA.md, "0009").
//
// Each store_* call is one transaction: all its records or none. Rows are sent in batches
// (jsonb_to_recordset) and upserted by natural key; a row is written only when what would be
// stored differs from what is (a content hash for OSV records, the columns for the others),
// so importing an unchanged feed again writes nothing. A record older than the stored one
// (OSV `modified`, CVE last modification, EPSS score date) never replaces it. An OSV
// record's affected rows are replaced with the record.
//
// Records repeated in one call: the last one wins. Errors: DbError (connection.hpp), the
// transaction rolled back. Threads: a Connection is used by one thread at a time.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schema-client/feeds/records.hpp"
#include "schema-client/pg/connection.hpp"

namespace zt::pg {

struct FeedWriteCounts {
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;  // read but not written: the same as stored, or older
  std::int64_t withdrawn = 0;  // of those written, the withdrawn OSV records and rejected CVEs

  bool operator==(const FeedWriteCounts&) const = default;
};

FeedWriteCounts store_osv_records(Connection& connection,
                                  const std::vector<feeds::OsvRecord>& records);
FeedWriteCounts store_debian_tracker(Connection& connection,
                                     const std::vector<feeds::DebianTrackerEntry>& entries);
// NVD and CVE 5 records into cve_database, by cve_id.
FeedWriteCounts store_cve_records(Connection& connection,
                                  const std::vector<feeds::CveRecord>& records);
FeedWriteCounts store_kev(Connection& connection, const feeds::KevRead& catalog);
FeedWriteCounts store_epss(Connection& connection, const feeds::EpssRead& scores);

// One row of the feed_sources view.
struct FeedSource {
  std::string name;                   // "osv", "debian_tracker", "cve", "kev", "epss"
  std::int64_t records = 0;
  std::optional<std::string> newest;  // RFC 3339 UTC; nullopt when the source has no row
};

std::vector<FeedSource> feed_sources(Connection& connection);

}  // namespace zt::pg
