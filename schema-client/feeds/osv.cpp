#include "schema-client/feeds/osv.hpp"

#include <utility>

namespace zt::feeds {

using nlohmann::json;

namespace {

constexpr NameTable<OsvEventKind, 4> kEventNames{{
    {OsvEventKind::introduced, "introduced"},
    {OsvEventKind::fixed, "fixed"},
    {OsvEventKind::last_affected, "last_affected"},
    {OsvEventKind::limit, "limit"},
}};

constexpr NameTable<OsvRangeType, 3> kRangeNames{{
    {OsvRangeType::ecosystem, "ECOSYSTEM"},
    {OsvRangeType::semver, "SEMVER"},
    {OsvRangeType::git, "GIT"},
}};

// One event: an object with exactly one of the four keys, its value a version string.
std::optional<OsvEvent> read_event(const json& value, const std::string& path, ProblemLog& log) {
  Fields fields(value, path, log);
  if (!fields.is_object()) return std::nullopt;
  if (value.size() != 1) {
    log.add(path, "expected exactly one of introduced, fixed, last_affected or limit, got " +
                      std::to_string(value.size()) + " keys");
    return std::nullopt;
  }
  const std::string& key = value.begin().key();
  const auto kind = value_in(kEventNames, key);
  if (!kind) {
    log.add(path + "." + key, "unknown event; expected introduced, fixed, last_affected or limit");
    return std::nullopt;
  }
  std::string version = fields.text(key, true);
  if (version.empty()) return std::nullopt;
  return OsvEvent{*kind, std::move(version)};
}

OsvRange read_range(const json& value, const std::string& path, ProblemLog& log) {
  Fields fields(value, path, log);
  OsvRange range;
  range.type = fields.one_of("type", kRangeNames).value_or(OsvRangeType::ecosystem);
  range.repo = fields.text("repo", range.type == OsvRangeType::git);
  const json* events = fields.array("events", true);
  if (events != nullptr && events->empty())
    fields.fail(fields.path_of("events"), "must not be empty");
  fields.each("events", [&](const json& item, const std::string& at) {
    if (auto event = read_event(item, at, log)) range.events.push_back(std::move(*event));
  });
  return range;
}

OsvAffected read_affected(const json& value, const std::string& path, ProblemLog& log) {
  Fields fields(value, path, log);
  OsvAffected affected;
  if (const json* package = fields.object("package")) {
    Fields p(*package, fields.path_of("package"), log);
    affected.package = {p.text("ecosystem", true), p.text("name", true), p.text("purl")};
  }
  fields.each("ranges", [&](const json& item, const std::string& at) {
    affected.ranges.push_back(read_range(item, at, log));
  });
  affected.versions = fields.strings("versions");
  affected.ecosystem_specific = fields.raw("ecosystem_specific");
  affected.database_specific = fields.raw("database_specific");
  return affected;
}

}  // namespace

std::string_view name_of(OsvEventKind kind) { return name_in(kEventNames, kind); }

std::string_view name_of(OsvRangeType type) { return name_in(kRangeNames, type); }

void read_osv_document(const json& document, ProblemLog& log, FeedRead<OsvRecord>& out) {
  const RecordScope scope(log);
  Fields fields(document, "$", log);
  if (!fields.is_object()) return;
  OsvRecord record;
  record.id = fields.text("id", true);
  record.modified = fields.time("modified", true).value_or(Timestamp{});
  record.published = fields.time("published");
  record.withdrawn = fields.time("withdrawn");
  record.aliases = fields.strings("aliases");
  record.related = fields.strings("related");
  record.upstream = fields.strings("upstream");
  record.summary = fields.text("summary");
  record.details = fields.text("details");
  fields.each("severity", [&](const json& item, const std::string& path) {
    Fields s(item, path, log);
    record.severity.push_back({s.text("type", true), s.text("score", true)});
  });
  fields.each("references", [&](const json& item, const std::string& path) {
    Fields r(item, path, log);
    record.references.push_back({r.text("type"), r.text("url", true)});
  });
  fields.each("affected", [&](const json& item, const std::string& path) {
    record.affected.push_back(read_affected(item, path, log));
  });
  record.database_specific = fields.raw("database_specific");
  if (scope.clean()) out.records.push_back(std::move(record));
}

FeedRead<OsvRecord> read_osv(std::string_view name, std::string_view bytes) {
  return read_json_feed<FeedRead<OsvRecord>>(name, bytes, read_osv_document);
}

}  // namespace zt::feeds
