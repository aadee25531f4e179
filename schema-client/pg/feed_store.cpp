// feed_sources(); the stores are in feed_store_osv.cpp, feed_store_tracker.cpp and
// feed_store_cve.cpp.
#include "schema-client/pg/feed_store.hpp"

namespace zt::pg {

std::vector<FeedSource> feed_sources(Connection& connection) {
  const Rows rows = connection.exec(
      "SELECT source, records,"
      " to_char(newest AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
      " FROM public.feed_sources");
  std::vector<FeedSource> sources;
  for (int r = 0; r < rows.size(); ++r)
    sources.push_back({std::string(rows.text(r, 0)), rows.integer(r, 1), rows.optional_text(r, 2)});
  return sources;
}

}  // namespace zt::pg
