#pragma once
// What the stored feeds changed since a moment (feed_store.hpp stamps every row it writes
// with updated_at): what a rematch after an import must look at again (rematch.hpp), the rest
// of the fleet's findings being as the feeds left them.
//   - packages: the names in the affected entries of the OSV records written since (new,
//     changed or withdrawn), and the source packages of the Debian tracker's rows written
//     since: an inventory package any of whose lookup names is one of them may match
//     differently now;
//   - records: those OSV records' ids, and cves: their CVE ids and those of the tracker's
//     rows, CVE records, KEV entries and EPSS scores written since: a finding citing one may
//     be scored, described or decided differently now, or (a record that no longer names its
//     package) not be matched at all.
// Rows are never deleted by an import (only an OSV record's affected entries are replaced,
// and the findings citing the record bring the old package back into scope).
//
// Errors: DbError (connection.hpp). Threads: a Connection is used by one thread at a time.
#include <set>
#include <string>

#include "schema-client/pg/connection.hpp"

namespace zt::pg {

struct FeedChanges {
  std::set<std::string> packages;
  std::set<std::string> records;
  std::set<std::string> cves;

  bool empty() const { return packages.empty() && records.empty() && cves.empty(); }
};

// The database's clock now (RFC 3339 text, microseconds): taken before an import, every row
// the import writes is stamped at or after it.
std::string database_clock(Connection& connection);

// What was written at or after `since` (a timestamptz the database reads).
FeedChanges feed_changes_since(Connection& connection, const std::string& since);

}  // namespace zt::pg
