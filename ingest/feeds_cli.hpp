#pragma once
// The operator's feed commands (see admin.hpp for the conventions they share):
//   feeds import [--ca-file PEM] PATH…  each PATH a feed file, a folder of OSV records or an
//                                       https:// URL (feeds_import.hpp); per PATH one line of
//                                       what was read and written, then each record skipped
//                                       as "file: json-path: message" on stderr
//                                       then, when anything was written, what it changed is
//                                       matched again on the fleet (vulns rematch
//                                       --changed-since its start), unless --no-rematch
//   feeds status                        per source: its records and newest modification time
//   vulns rematch [--changed-since T]   every agent's latest inventory matched again against
//                                       the stored feeds (pg/rematch.hpp), no rescan; with
//                                       --changed-since only what the feeds changed since T
//                                       (RFC 3339; exit 2 for any other text)
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
// changed_since: empty for a whole rematch.
int run_vulns_rematch(const std::string& database_url, const std::string& changed_since,
                      Format format);

}  // namespace zt::ingest
