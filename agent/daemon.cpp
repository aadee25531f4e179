#include "agent/daemon.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <random>

#include "agent/agent_info.hpp"
#include "agent/batch_builder.hpp"
#include "agent/daemon_control.hpp"
#include "agent/logging.hpp"
#include "agent/scheduler.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::agent {

namespace asio = boost::asio;

namespace {
// Runs in progress get this long to stop after SIGTERM; the rest of the 5 s is margin.
constexpr auto kStopGrace = std::chrono::seconds(3);
}  // namespace

struct Daemon::State {
  AgentConfig config;
  std::span<const collector::CollectorDescriptor> descriptors;
  DaemonHooks hooks;
  std::shared_ptr<asio::io_context> io = std::make_shared<asio::io_context>();
  std::unique_ptr<ControlListener> controls;
  asio::steady_timer stop_timer{*io};
  asio::steady_timer watchdog_timer{*io};
  std::unique_ptr<ServiceManager> service;
  std::shared_ptr<collector::HostFs> fs;
  HostFacts host;
  std::vector<CollectorEntry> collectors;
  std::shared_ptr<CollectorRunner> runner;
  std::unique_ptr<Scheduler> scheduler;
  std::shared_ptr<AgentInfoSource> info;
  bool stopping = false;
  std::shared_ptr<spdlog::logger> log = logger("agent");

  void configure(const AgentConfig& next) {
    if (!fs || next.agent.host_root != fs->root()) {
      fs = std::make_shared<collector::HostFs>(next.agent.host_root);
      host = read_host_facts(*fs);
    }
    collectors = make_collectors(descriptors, next, *fs, collectors);
    ThreadPriority priority{next.scheduler.nice, next.scheduler.idle_io};
    if (!runner) {
      runner = std::make_shared<CollectorRunner>(io, fs, host.identity,
                                                 next.scheduler.max_concurrent, priority);
      scheduler = std::make_unique<Scheduler>(
          io, runner, [this](CollectorRun run) { on_run(std::move(run)); },
          std::random_device{}());
    }
    runner->set_host(fs, host.identity);
    runner->keep_walk_cursor_in(next.agent.state_dir);
    runner->set_max_concurrent(next.scheduler.max_concurrent);
    scheduler->apply(collectors, next.scheduler.splay_percent);
    info->describe(next, host, collectors);
    for (const CollectorEntry& c : collectors)
      if (c.enabled && !c.availability.usable)
        log->warn("collector {} is enabled but cannot run here: {}", c.name(),
                  c.availability.reason);
    log->info("{} collector(s) scheduled (host root {}, at most {} at a time)",
              scheduler->armed(), next.agent.host_root.string(), next.scheduler.max_concurrent);
    hooks.on_configured(next);
    hooks.on_armed(scheduler->armed());
    service->ready(scheduled_status());
  }

  std::string scheduled_status() const {
    return std::to_string(scheduler->armed()) + " collector(s) scheduled";
  }

  // The pings come from the loop that runs the schedule: if it hangs, they stop.
  void ping_watchdog() {
    service->watchdog();
    watchdog_timer.expires_after(service->watchdog_period());
    watchdog_timer.async_wait([this](const boost::system::error_code& ec) {
      if (!ec) ping_watchdog();
    });
  }

  void on_run(CollectorRun run) {
    info->record(run);
    const std::string name = run.name;
    if (run.outcome == RunOutcome::skipped) {
      log->warn("collector {} skipped: {}", name, run.errors.empty() ? "" : run.errors.front());
    } else {
      for (const std::string& error : run.errors) log->warn("collector {}: {}", name, error);
      const model::Timestamp start = run.started;
      const model::Timestamp end = run.started + run.duration;
      model::Batch batch = build_batch(
          {std::move(run)}, {}, info->current(),
          {"scheduled", {{"collectors", {name}}, {"trigger", "schedule"}}, start, end});
      const model::CollectorOutcome& result = batch.scan.results.at(name);
      const std::string outcome =
          fmt::format("{}: {} in {} ms, {} findings", name, model::to_string(result.status),
                      result.duration_ms.value_or(0), batch.findings.size());
      log->info("collector {}, {} packages", outcome, batch.dependencies.size());
      hooks.on_batch(batch);
      const std::string uploads = hooks.upload_status();
      service->status(scheduled_status() + "; last run " + model::format_timestamp(end) +
                      ": " + outcome + (uploads.empty() ? "" : "; " + uploads));
    }
    if (stopping && runner->in_flight() == 0) io->stop();
  }

  void listen() {
    controls = listen_for_controls(
        *io, {[this](const std::string& reason) { stop(reason); }, [this] { reload(); },
              [this] { scan_now(); }});
  }

  void reload() {
    log->info("SIGHUP: reloading the configuration");
    auto next = hooks.reload();
    if (!next) {
      log->error("configuration refused, keeping the running one:\n{}", next.error().message);
      return;
    }
    config = std::move(next.value());
    configure(config);
  }

  void scan_now() {
    log->info("SIGUSR1: running {} collector(s) now", scheduler->armed());
    scheduler->run_now();
  }

  void stop(const std::string& reason) {
    if (stopping) return;
    log->info("{}: stopping", reason);
    stopping = true;
    service->stopping();
    hooks.on_stopping();
    watchdog_timer.cancel();
    scheduler->stop();
    runner->stop_all();
    if (runner->in_flight() == 0) {
      io->stop();
      return;
    }
    stop_timer.expires_after(kStopGrace);
    stop_timer.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;
      log->warn("{} collector run(s) did not stop in time; abandoned", runner->in_flight());
      io->stop();
    });
  }
};

Daemon::Daemon(AgentConfig config, std::span<const collector::CollectorDescriptor> descriptors,
               DaemonHooks hooks, std::shared_ptr<AgentInfoSource> info,
               std::unique_ptr<ServiceManager> service)
    : state_(std::make_unique<State>()) {
  state_->info = std::move(info);
  state_->service = std::move(service);
  state_->service->on_stop_request([this] { request_stop("service stop"); });
  state_->config = std::move(config);
  state_->descriptors = descriptors;
  state_->hooks = std::move(hooks);
}

// The service manager may outlive the daemon (its control handler runs on its own thread).
Daemon::~Daemon() { state_->service->on_stop_request({}); }

int Daemon::run() {
  State& s = *state_;
  s.configure(s.config);
  if (s.service->watchdog_period().count() > 0) s.ping_watchdog();
  s.listen();
  s.io->run();
  s.controls.reset();
  s.log->info("stopped");
  return 0;
}

void Daemon::request_stop(std::string reason) {
  asio::post(*state_->io, [state = state_.get(), reason = std::move(reason)] {
    state->stop(reason);
  });
}

bool Daemon::has_abandoned_runs() const {
  for (const CollectorEntry& c : state_->collectors)
    if (c.slot->busy->load()) return true;
  return false;
}

}  // namespace zt::agent
