#include "schema-client/model/collector_outcome.hpp"

#include <limits>

#include "schema-client/model/json_reader.hpp"
#include "schema-client/model/validation.hpp"

namespace zt::model {
namespace {

constexpr long long kMaxCount = std::numeric_limits<std::int64_t>::max();

std::string category_names() {
  std::string names;
  for (const CategorySpec& s : all_categories())
    names += (names.empty() ? "" : ", ") + std::string(s.name);
  return names;
}

CollectorOutcome read_outcome(const nlohmann::json& value, const std::string& path,
                              std::vector<Problem>& problems) {
  ObjectReader r(value, path, problems,
                 {"status", "category", "started_at", "duration_ms", "finding_count",
                  "dependency_count", "errors", "inventory"});
  CollectorOutcome o;
  if (!r.is_object()) return o;
  o.status = r.one_of<CollectorStatus>("status", parse_collector_status, kCollectorStatuses)
                 .value_or(CollectorStatus::failed);
  o.category = r.one_of<Category>("category", parse_category, category_names(), false);
  o.started_at = r.timestamp("started_at", false);
  o.duration_ms = r.integer("duration_ms", 0, kMaxCount);
  o.finding_count = r.integer("finding_count", 0, kMaxCount);
  o.dependency_count = r.integer("dependency_count", 0, kMaxCount);
  if (const nlohmann::json* errors = r.array("errors", false))
    for (std::size_t i = 0; i < errors->size(); ++i) {
      const nlohmann::json& error = (*errors)[i];
      if (error.is_string())
        o.errors.push_back(error.get<std::string>());
      else
        r.fail(r.path_of("errors") + "[" + std::to_string(i) + "]",
               "expected string, got " + std::string(json_type_name(error)));
    }
  if (const nlohmann::json* inventory = r.get("inventory", false)) o.inventory = *inventory;
  return o;
}

}  // namespace

std::string_view to_string(CollectorStatus status) {
  switch (status) {
    case CollectorStatus::completed: return "completed";
    case CollectorStatus::partial: return "partial";
    case CollectorStatus::failed: return "failed";
    case CollectorStatus::timed_out: return "timed_out";
    case CollectorStatus::skipped: return "skipped";
    case CollectorStatus::unavailable: return "unavailable";
  }
  return "failed";
}

std::optional<CollectorStatus> parse_collector_status(std::string_view text) {
  for (CollectorStatus s : kAllCollectorStatuses)
    if (to_string(s) == text) return s;
  return std::nullopt;
}

nlohmann::json to_json(const CollectorOutcome& o) {
  nlohmann::json out = {{"status", to_string(o.status)}, {"errors", o.errors}};
  if (o.category) out["category"] = to_string(*o.category);
  if (o.started_at) out["started_at"] = format_timestamp(*o.started_at);
  if (o.duration_ms) out["duration_ms"] = *o.duration_ms;
  if (o.finding_count) out["finding_count"] = *o.finding_count;
  if (o.dependency_count) out["dependency_count"] = *o.dependency_count;
  if (o.inventory) out["inventory"] = *o.inventory;
  return out;
}

nlohmann::json to_json(const ScanResults& results) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, outcome] : results) out[name] = to_json(outcome);
  return out;
}

ScanResults read_scan_results(const nlohmann::json& value, const std::string& path,
                              std::vector<Problem>& problems) {
  ScanResults results;
  if (!value.is_object()) {
    problems.push_back({path, "expected object, got " + std::string(json_type_name(value))});
    return results;
  }
  for (const auto& [name, outcome] : value.items())
    results.emplace(name, read_outcome(outcome, path + "." + name, problems));
  return results;
}

std::vector<Category> vouched_categories(const ScanResults& results) {
  std::map<Category, bool> complete;
  for (const auto& [name, outcome] : results) {
    if (!outcome.category) continue;
    const bool ok = outcome.status == CollectorStatus::completed;
    auto [it, inserted] = complete.emplace(*outcome.category, ok);
    if (!inserted) it->second = it->second && ok;
  }
  std::vector<Category> categories;
  for (const auto& [category, ok] : complete)
    if (ok) categories.push_back(category);
  return categories;
}

}  // namespace zt::model
