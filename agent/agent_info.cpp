#include "agent/agent_info.hpp"

#include <cmath>

#include "agent/version.hpp"

namespace zt::agent {

void RunStats::record(const CollectorRun& run) {
  std::lock_guard lock(mutex_);
  Last& last = last_[run.name];
  last.status = std::string(to_string(run.outcome));
  last.duration_ms = run.duration.count();
  last.finding_count = run.result.findings.size();
  last.finished_at = model::format_timestamp(model::now());
  ++last.runs;
  if (run.outcome != RunOutcome::completed) ++last.failures;
}

nlohmann::json RunStats::to_json() const {
  std::lock_guard lock(mutex_);
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, last] : last_)
    out[name] = {{"last_status", last.status},         {"last_duration_ms", last.duration_ms},
                 {"last_finding_count", last.finding_count}, {"last_finished_at", last.finished_at},
                 {"runs", last.runs},                   {"runs_not_completed", last.failures}};
  return out;
}

namespace {

// Everything but the metrics.
model::AgentInfo describe_agent(const AgentConfig& config, const HostFacts& host,
                                const std::vector<CollectorEntry>& collectors) {
  const ProcessFacts process = read_process_facts();
  model::AgentInfo info;
  info.name = config.agent.name.empty() ? host.hostname : config.agent.name;
  info.hostname = host.hostname;
  info.version = kVersion;
  info.os = host.os;
  info.os_version = host.os_version;
  info.cpu_cores = host.cpu_cores;
  info.memory_gb = host.memory_gb;
  info.capabilities = {
      {"collectors", collectors_json(collectors)},
      {"privileges",
       {{"uid", process.uid},
        {"euid", process.euid},
        {"root", process.euid == 0},
        {"effective_capabilities", process.effective_capabilities}}},
      {"host_root", config.agent.host_root.string()},
      {"platform", "linux"},
      {"arch", host.arch},
      {"kernel", host.kernel}};
  return info;
}

nlohmann::json agent_metrics(const RunStats& stats,
                             std::chrono::steady_clock::time_point agent_started) {
  const ProcessFacts process = read_process_facts();
  const auto uptime = std::chrono::steady_clock::now() - agent_started;
  return {
      {"rss_bytes", process.rss_bytes},
      {"peak_rss_bytes", process.peak_rss_bytes},
      {"cpu_user_seconds", std::round(process.cpu_user_seconds * 1000) / 1000},
      {"cpu_system_seconds", std::round(process.cpu_system_seconds * 1000) / 1000},
      {"uptime_seconds", std::chrono::duration_cast<std::chrono::seconds>(uptime).count()},
      {"collectors", stats.to_json()}};
}

}  // namespace

model::AgentInfo make_agent_info(const AgentConfig& config, const HostFacts& host,
                                 const std::vector<CollectorEntry>& collectors,
                                 const RunStats& stats,
                                 std::chrono::steady_clock::time_point agent_started) {
  model::AgentInfo info = describe_agent(config, host, collectors);
  info.metrics = agent_metrics(stats, agent_started);
  return info;
}

void AgentInfoSource::describe(const AgentConfig& config, const HostFacts& host,
                               const std::vector<CollectorEntry>& collectors) {
  model::AgentInfo described = describe_agent(config, host, collectors);
  std::lock_guard lock(mutex_);
  described_ = std::move(described);
}

model::AgentInfo AgentInfoSource::current() const {
  model::AgentInfo info;
  {
    std::lock_guard lock(mutex_);
    info = described_;
  }
  info.metrics = agent_metrics(runs_, started_);
  return info;
}

}  // namespace zt::agent
