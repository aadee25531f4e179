#pragma once
// The operator's feed commands (see admin.hpp for the conventions they share):
//   feeds import [--ca-file PEM] PATH…  each PATH a feed file, a folder of OSV records or an
//                                       https:// URL (feeds_import.hpp); per PATH one line of
//                                       what was read and written, then each record skipped
//                                       as "file: json-path: message" on stderr
//                                       then, when anything was written, the fleet is matched
//                                       again (vulns rematch), unless --no-rematch
//   feeds status                        per source: its records and newest modification time
//   vulns rematch                       every agent's latest inventory matched again against
//                                       the stored feeds (pg/rematch.hpp), no rescan
// Exit codes: 0 done (records with problems were skipped, the rest imported); 1 when a PATH
// could not be read at all or the database refused one of its values (each PATH is one
// transaction: the others are still imported), or the database is unreachable; 2 no database
// URL.
#include <string>
#include <vector>

#include "ingest/admin.hpp"

namespace zt::ingest {

struct FeedImportRequest {
  std::vector<std::string> paths;
  std::string ca_file;  // for https:// URLs; empty: the system's CA store
  bool rematch = true;  // match the fleet again when the import wrote anything
};

int run_feeds_import(const std::string& database_url, const FeedImportRequest& request,
                     Format format);
int run_feeds_status(const std::string& database_url, Format format);
int run_vulns_rematch(const std::string& database_url, Format format);

}  // namespace zt::ingest
