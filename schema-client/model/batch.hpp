#pragma once
// A finding batch, version 1: the one format used on disk, on the wire and by
// `zerotrace-agent --once --format json`. wire_format.hpp reads and writes it;
// batch.schema.json beside this file describes it for other tools.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "schema-client/model/collector_outcome.hpp"
#include "schema-client/model/config_file.hpp"
#include "schema-client/model/finding.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::model {

inline constexpr int kSchemaVersion = 1;
inline constexpr int kMaxParts = 100000;  // batches one scan may be split into

// The `agents` columns of the seed schema that the agent itself knows.
struct AgentInfo {
  std::string name;
  std::string hostname;
  std::string version;
  std::string os;
  std::string os_version;
  int cpu_cores = 0;
  double memory_gb = 0.0;
  nlohmann::json capabilities = nlohmann::json::object();
  nlohmann::json metrics = nlohmann::json::object();

  bool operator==(const AgentInfo&) const = default;
};

enum class ScanStatus { running, completed, partial, failed };
std::string_view to_string(ScanStatus status);
std::optional<ScanStatus> parse_scan_status(std::string_view text);

// The `scans` columns. `results` holds each collector's outcome and inventory
// (collector_outcome.hpp).
struct Scan {
  std::string id;  // UUID
  std::string scan_type;
  ScanStatus status = ScanStatus::running;
  int progress = 0;  // 0..100
  Timestamp start_time{};
  std::optional<Timestamp> end_time;
  nlohmann::json options = nlohmann::json::object();
  ScanResults results;
  nlohmann::json metadata = nlohmann::json::object();

  bool operator==(const Scan&) const = default;
};

// A differential upload (scan_baseline.hpp): the scan as the changes since the one the ingest
// acknowledged last for the same collectors. `base` is that scan's digest; the batch's
// findings are the new and changed ones, `removed` the fingerprints no longer reported.
struct Delta {
  std::string base;
  std::vector<std::string> removed;

  bool operator==(const Delta&) const = default;
};

struct Batch {
  int schema_version = kSchemaVersion;
  std::string batch_id;  // UUID, fixed before the batch is first written
  // A scan too large for one batch is sent as `parts` batches, numbered 1..parts; each
  // carries the whole scan object. The ingest resolves findings once all parts are in.
  int part = 1;
  int parts = 1;
  AgentInfo agent;
  Scan scan;
  std::vector<Finding> findings;
  std::vector<Dependency> dependencies;
  // Every configuration file a config auditor read (config_file.hpp). Written only when not
  // empty: a batch without it is one an ingest before config_files existed reads.
  std::vector<ConfigFile> config_files;
  // The digest of the whole scan's state (scan_baseline.hpp), sent when the scan can be the
  // base of the next differential upload; empty otherwise (and never written).
  std::string digest;
  // Set: the findings are the changes since `delta->base`; the scan is one part, completed,
  // with an unchanged inventory (no dependencies or config files), and `digest` is set.
  std::optional<Delta> delta;

  bool operator==(const Batch&) const = default;
};

}  // namespace zt::model
