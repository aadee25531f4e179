#include "agent/batch_builder.hpp"

#include "schema-client/model/uuid.hpp"

namespace zt::agent {
namespace {

model::CollectorStatus collector_status(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::completed: return model::CollectorStatus::completed;
    case RunOutcome::partial: return model::CollectorStatus::partial;
    case RunOutcome::failed: return model::CollectorStatus::failed;
    case RunOutcome::timed_out: return model::CollectorStatus::timed_out;
    case RunOutcome::skipped: return model::CollectorStatus::skipped;
  }
  return model::CollectorStatus::failed;
}

}  // namespace

model::Batch build_batch(std::vector<CollectorRun> runs,
                         const std::vector<UnavailableCollector>& unavailable,
                         model::AgentInfo agent, const ScanDescription& description) {
  model::Batch batch;
  batch.batch_id = model::new_uuid();
  batch.agent = std::move(agent);
  model::Scan& scan = batch.scan;
  scan.id = model::new_uuid();
  scan.scan_type = description.scan_type;
  scan.options = description.options;
  scan.start_time = description.start_time;
  scan.end_time = description.end_time;
  scan.progress = 100;

  std::size_t completed = 0, useful = 0;
  for (CollectorRun& run : runs) {
    // The category lets the ingest resolve what a completed run no longer reports.
    scan.results[run.name] = {
        .status = collector_status(run.outcome),
        .category = run.category,
        .started_at = run.started,
        .duration_ms = run.duration.count(),
        .finding_count = static_cast<std::int64_t>(run.result.findings.size()),
        .dependency_count = static_cast<std::int64_t>(run.result.dependencies.size()),
        .errors = std::move(run.errors),
        .inventory = std::move(run.result.inventory)};
    if (run.outcome == RunOutcome::completed) ++completed;
    if (run.outcome == RunOutcome::completed || run.outcome == RunOutcome::partial) ++useful;
    for (model::Finding& f : run.result.findings) batch.findings.push_back(std::move(f));
    for (model::Dependency& d : run.result.dependencies)
      batch.dependencies.push_back(std::move(d));
    for (model::ConfigFile& c : run.result.config_files)
      batch.config_files.push_back(std::move(c));
  }
  for (const UnavailableCollector& u : unavailable)
    scan.results[u.name] = {.status = model::CollectorStatus::unavailable, .errors = {u.reason}};

  if (!runs.empty() && completed == runs.size() && unavailable.empty())
    scan.status = model::ScanStatus::completed;
  else if (useful == 0)
    scan.status = model::ScanStatus::failed;
  else
    scan.status = model::ScanStatus::partial;
  return batch;
}

}  // namespace zt::agent
