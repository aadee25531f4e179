#include "agent/one_shot.hpp"

#include <boost/asio/io_context.hpp>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>

#include "agent/agent_info.hpp"
#include "agent/batch_builder.hpp"
#include "agent/logging.hpp"
#include "agent/report_output.hpp"
#include "agent/report_table.hpp"
#include "agent/vuln_db.hpp"
#include "schema-client/model/wire_format.hpp"

namespace zt::agent {

namespace {

void show_progress(const CollectorRun& run, std::size_t done, std::size_t total) {
  std::fprintf(stderr, "\r\033[K[%zu/%zu] %s: %s in %.2f s, %zu findings\n", done, total,
               run.name.c_str(), std::string(to_string(run.outcome)).c_str(),
               static_cast<double>(run.duration.count()) / 1000.0, run.result.findings.size());
}

}  // namespace

ExitCode run_once(const AgentConfig& config, const CliOptions& cli,
                  std::span<const collector::CollectorDescriptor> descriptors) {
  const auto started = std::chrono::steady_clock::now();
  const model::Timestamp start_time = model::now();
  // Opened before the scan: a bad path is a usage error, found before any work is done.
  std::optional<VulnDb> vuln_db;
  if (!cli.vuln_db.empty()) {
    auto opened = open_vuln_db(cli.vuln_db);
    if (!opened) {
      logger("agent")->error("{}", opened.error().message);
      return ExitCode::usage;
    }
    vuln_db = std::move(*opened);
  }
  auto fs = std::make_shared<collector::HostFs>(config.agent.host_root);
  const HostFacts host = read_host_facts(*fs);
  const std::vector<CollectorEntry> collectors = make_collectors(descriptors, config, *fs);

  auto io = std::make_shared<boost::asio::io_context>();
  auto runner = std::make_shared<CollectorRunner>(
      io, fs, host.identity, config.scheduler.max_concurrent,
      ThreadPriority{config.scheduler.nice, config.scheduler.idle_io});
  std::vector<CollectorRun> runs;
  std::vector<UnavailableCollector> unavailable;
  std::vector<std::string> names;
  std::size_t submitted = 0;
  const bool progress = is_terminal(Stream::err);
  for (const CollectorEntry& entry : collectors) {
    if (!entry.enabled) continue;
    names.emplace_back(entry.name());
    if (!entry.availability.usable) {
      // Named on the command line: the user asked for it, so its absence is reported.
      if (cli.collectors)
        unavailable.push_back({std::string(entry.name()), entry.availability.reason});
      continue;
    }
    ++submitted;
    runner->submit(entry.slot, [&runs, &submitted, progress](CollectorRun run) {
      if (progress) show_progress(run, runs.size() + 1, submitted);
      runs.push_back(std::move(run));
    });
  }
  if (progress)
    std::fprintf(stderr, "scanning %s (host root %s) with %zu collector(s)\n",
                 host.hostname.c_str(), config.agent.host_root.string().c_str(), submitted);
  io->run();

  RunStats stats;
  for (const CollectorRun& run : runs) stats.record(run);
  ScanDescription description{"once",
                              {{"collectors", names},
                               {"host_root", config.agent.host_root.string()},
                               {"trigger", "once"}},
                              start_time, model::now()};
  model::Batch batch =
      build_batch(std::move(runs), unavailable,
                  make_agent_info(config, host, collectors, stats, started), description);
  if (vuln_db) {
    index_vuln_db(*vuln_db, vuln::lookups_of(batch.dependencies));
    for (const std::string& problem : vuln_db->problems)
      logger("agent")->warn("--vuln-db: {} (record skipped)", problem);
    add_vulnerability_findings(batch, *vuln_db, host.identity);
  }

  const bool colour = !cli.output && is_terminal(Stream::out) && !std::getenv("NO_COLOR");
  std::string report;
  if (cli.format == OutputFormat::json) {
    report = model::serialize(batch, 2);
    report += '\n';
  } else {
    std::ostringstream table;
    write_table(table, batch, colour);
    report = std::move(table).str();
  }
  if (auto written = write_report(report, cli.output); !written) {
    logger("agent")->error("{}", written.error().message);
    return ExitCode::failure;
  }
  if (batch.scan.status == model::ScanStatus::failed) return ExitCode::failure;
  if (cli.fail_on)
    for (const model::Finding& f : batch.findings)
      if (is_issue(f) && model::at_least(f.severity, *cli.fail_on))
        return ExitCode::findings_at_or_above_threshold;
  return ExitCode::ok;
}

}  // namespace zt::agent
