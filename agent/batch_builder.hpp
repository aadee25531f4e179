#pragma once
// Turns collector runs into a finding batch (wire format v1): the scan row with each
// collector's outcome, errors and inventory in `results`, all accepted findings and the
// package inventory. The scan is "completed" when every run completed, "failed" when none
// produced anything, "partial" otherwise.
#include <vector>

#include "agent/collector_runner.hpp"
#include "schema-client/model/batch.hpp"

namespace zt::agent {

struct ScanDescription {
  std::string scan_type;  // "once" or "scheduled"
  nlohmann::json options = nlohmann::json::object();
  model::Timestamp start_time{};
  model::Timestamp end_time{};
};

// A collector that was asked for but cannot run here; reported in the scan results.
struct UnavailableCollector {
  std::string name;
  std::string reason;
};

model::Batch build_batch(std::vector<CollectorRun> runs,
                         const std::vector<UnavailableCollector>& unavailable,
                         model::AgentInfo agent, const ScanDescription& scan);

}  // namespace zt::agent
