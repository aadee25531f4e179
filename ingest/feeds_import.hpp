#pragma once
// One feed file, folder or https:// URL into the database, for `feeds import`: a folder is
// read as OSV record files (feeds/osv_archive.hpp); a file's format is told by its content
// (feeds/detect.hpp); a URL is downloaded first (feeds_fetch.hpp) into a temporary file,
// deleted afterwards. The records read go to their store (pg/feed_store.hpp) in one
// transaction; the records with problems were skipped by the reader and their problems are
// returned.
//
// Errors: a path or URL that cannot be read at all (missing, unreadable, larger than
// kMaxFeedFileBytes, a download that failed, content of no known format) is an Error naming
// it; the database's failures are thrown (pg::DbError). Threads: the caller's connection.
#include <cstddef>
#include <string>
#include <vector>

#include "ingest/feeds_fetch.hpp"
#include "schema-client/feeds/records.hpp"
#include "schema-client/model/result.hpp"
#include "schema-client/pg/connection.hpp"
#include "schema-client/pg/feed_store.hpp"

namespace zt::ingest {

struct FeedImport {
  std::string name;            // the path or URL as given (a URL as displayed_url shows it)
  std::string format;          // "OSV folder", or feeds::name_of(format)
  std::size_t read = 0;        // records read whole
  pg::FeedWriteCounts counts;  // what the store did with them
  std::vector<feeds::Problem> problems;
};

// How a PATH is named in messages: itself, or a URL as displayed_url shows it.
std::string feed_name(const std::string& path_or_url);

model::Result<FeedImport> import_feed(pg::Connection& connection, const std::string& path_or_url,
                                      const FetchOptions& fetch);

}  // namespace zt::ingest
