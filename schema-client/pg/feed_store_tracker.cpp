// The Debian security tracker's entries into debian_tracker (feed_store.hpp).
#include "schema-client/pg/feed_store.hpp"
#include "schema-client/pg/feed_store_upsert.hpp"

namespace zt::pg {
namespace {

using nlohmann::json;

const FeedTable kDebianTracker{.table = "public.debian_tracker",
                               .keys = {"source_package", "cve", "release"},
                               .columns = {{"source_package", "text"},
                                {"cve", "text"},
                                {"release", "text"},
                                {"release_version", "text"},
                                {"status", "text"},
                                {"fixed_version", "text"},
                                {"urgency", "text"},
                                {"nodsa", "text"},
                                {"nodsa_reason", "text"},
                                {"repositories", "jsonb"},
                                {"description", "text"},
                                {"scope", "text"},
                                {"debianbug", "bigint"}}};

std::string_view name_of(feeds::DebianStatus status) {
  switch (status) {
    case feeds::DebianStatus::resolved: return "resolved";
    case feeds::DebianStatus::open: return "open";
    case feeds::DebianStatus::undetermined: return "undetermined";
  }
  return "undetermined";
}

json row_of(const feeds::DebianTrackerEntry& entry) {
  json repositories = json::object();
  for (const auto& [repository, version] : entry.repositories) repositories[repository] = version;
  return {{"source_package", entry.source_package},
          {"cve", entry.cve},
          {"release", entry.release},
          {"release_version", entry.release_version},
          {"status", name_of(entry.status)},
          {"fixed_version", entry.fixed_version},
          {"urgency", entry.urgency},
          {"nodsa", entry.nodsa},
          {"nodsa_reason", entry.nodsa_reason},
          {"repositories", std::move(repositories)},
          {"description", entry.description},
          {"scope", entry.scope},
          {"debianbug", entry.debianbug ? json(*entry.debianbug) : json()}};
}

}  // namespace

FeedWriteCounts store_debian_tracker(Connection& connection,
                                     const std::vector<feeds::DebianTrackerEntry>& entries) {
  static const std::string statement = upsert_statement(kDebianTracker);
  FeedRows rows;
  for (const feeds::DebianTrackerEntry& entry : entries)
    rows.add(entry.source_package + '\n' + entry.cve + '\n' + entry.release,
             row_text(row_of(entry)));
  return rows.upsert(connection, statement);
}

}  // namespace zt::pg
