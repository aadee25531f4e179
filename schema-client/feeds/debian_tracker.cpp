#include "schema-client/feeds/debian_tracker.hpp"

#include <utility>

namespace zt::feeds {

using nlohmann::json;

namespace {

// The version of each release (as the OSV ecosystems and os-release give it), by the code
// name the tracker writes.
constexpr NameTable<std::string_view, 9> kReleases{{
    {"7", "wheezy"},
    {"8", "jessie"},
    {"9", "stretch"},
    {"10", "buster"},
    {"11", "bullseye"},
    {"12", "bookworm"},
    {"13", "trixie"},
    {"14", "forky"},
    {"unstable", "sid"},
}};

constexpr NameTable<DebianStatus, 3> kStatuses{{
    {DebianStatus::resolved, "resolved"},
    {DebianStatus::open, "open"},
    {DebianStatus::undetermined, "undetermined"},
}};

// The CVE-level fields every release of it shares.
struct CveFacts {
  std::string description;
  std::string scope;
  std::optional<long long> debianbug;
};

void read_release(const std::string& code_name, const json& value, const std::string& path,
                  const DebianTrackerEntry& base, ProblemLog& log,
                  std::vector<DebianTrackerEntry>& out) {
  const RecordScope scope(log);
  Fields fields(value, path, log);
  DebianTrackerEntry entry = base;
  entry.release = code_name;
  entry.release_version = std::string(debian_release_version(code_name));
  if (entry.release_version.empty())
    log.add(path, "unknown Debian release; add it to debian_release_version()");
  entry.status = fields.one_of("status", kStatuses).value_or(DebianStatus::open);
  entry.fixed_version = fields.text("fixed_version");
  entry.urgency = fields.text("urgency");
  entry.nodsa = fields.text("nodsa");
  entry.nodsa_reason = fields.text("nodsa_reason");
  if (const json* repositories = fields.object("repositories")) {
    Fields repos(*repositories, fields.path_of("repositories"), log);
    for (const auto& item : repositories->items())
      entry.repositories.emplace_back(item.key(), repos.text(item.key(), true));
  }
  if (scope.clean()) out.push_back(std::move(entry));
}

void read_cve(const std::string& package, const std::string& cve, const json& value,
              const std::string& path, ProblemLog& log, std::vector<DebianTrackerEntry>& out) {
  const RecordScope scope(log);
  Fields fields(value, path, log);
  DebianTrackerEntry base{};
  base.source_package = package;
  base.cve = cve;
  base.description = fields.text("description");
  base.scope = fields.text("scope");
  base.debianbug = fields.integer("debianbug");
  const json* releases = fields.get("releases", true);
  // The tracker writes a CVE without releases as [] (a PHP-style empty list), not {}.
  if (releases != nullptr && releases->is_array() && releases->empty()) return;
  releases = fields.object("releases", true);
  if (releases == nullptr || !scope.clean()) return;
  for (const auto& release : releases->items())
    read_release(release.key(), release.value(), fields.path_of("releases") + "." + release.key(),
                 base, log, out);
}

}  // namespace

std::string_view debian_release_version(std::string_view code_name) {
  return value_in(kReleases, code_name).value_or(std::string_view{});
}

void read_debian_tracker_document(const json& document, ProblemLog& log,
                                  FeedRead<DebianTrackerEntry>& out) {
  if (!Fields(document, "$", log).is_object()) return;
  for (const auto& package : document.items()) {
    const std::string package_path = "$." + package.key();
    if (!Fields(package.value(), package_path, log).is_object()) continue;
    for (const auto& cve : package.value().items())
      read_cve(package.key(), cve.key(), cve.value(), package_path + "." + cve.key(), log,
               out.records);
  }
}

FeedRead<DebianTrackerEntry> read_debian_tracker(std::string_view name, std::string_view bytes) {
  return read_json_feed<FeedRead<DebianTrackerEntry>>(name, bytes, read_debian_tracker_document);
}

}  // namespace zt::feeds
