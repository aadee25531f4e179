#pragma once
// What one collector did in a scan: the value of `scan.results.<collector name>` in a batch
// (batch.hpp, batch.schema.json's collector_outcome).
//   {"status": "completed" | "partial" | "failed" | "timed_out" | "skipped" | "unavailable",
//    "category": the category of its findings,
//    "started_at": RFC 3339, "duration_ms", "finding_count", "dependency_count",
//    "errors": ["…", …],
//    "inventory": what it saw (any JSON; the OS, containers, servers…)}
// A collector that ran has them all; one that cannot run here ("unavailable") has only
// status and errors (why). The agent writes it (agent/batch_builder.hpp); the ingest stores
// the results as they are in scans.results, and resolves the open findings of the categories
// whose every collector completed in the scan (vouched_categories). Pure; any thread.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/category.hpp"
#include "schema-client/model/result.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::model {

enum class CollectorStatus { completed, partial, failed, timed_out, skipped, unavailable };
inline constexpr CollectorStatus kAllCollectorStatuses[] = {
    CollectorStatus::completed, CollectorStatus::partial, CollectorStatus::failed,
    CollectorStatus::timed_out, CollectorStatus::skipped, CollectorStatus::unavailable};
std::string_view to_string(CollectorStatus status);
std::optional<CollectorStatus> parse_collector_status(std::string_view text);
inline constexpr std::string_view kCollectorStatuses =
    "completed, partial, failed, timed_out, skipped, unavailable";

struct CollectorOutcome {
  CollectorStatus status = CollectorStatus::completed;
  std::optional<Category> category = {};
  std::optional<Timestamp> started_at = {};
  std::optional<std::int64_t> duration_ms = {};
  std::optional<std::int64_t> finding_count = {};
  std::optional<std::int64_t> dependency_count = {};
  std::vector<std::string> errors = {};
  std::optional<nlohmann::json> inventory = {};

  bool operator==(const CollectorOutcome&) const = default;
};

// By collector name.
using ScanResults = std::map<std::string, CollectorOutcome>;

nlohmann::json to_json(const CollectorOutcome& outcome);
nlohmann::json to_json(const ScanResults& results);

// Reads the object at `path` ("$.scan.results"), strictly (wire_format.hpp).
ScanResults read_scan_results(const nlohmann::json& value, const std::string& path,
                              std::vector<Problem>& problems);

// The categories whose every collector in `results` completed: only their findings can be
// known to be gone when a scan no longer reports them. Sorted.
std::vector<Category> vouched_categories(const ScanResults& results);

}  // namespace zt::model
