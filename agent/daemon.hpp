#pragma once
// The long-running agent: schedules its collectors (scheduler.hpp), turns each run into a
// finding batch and hands it to the batch sink, until it is stopped. The platform's controls
// (daemon_control.hpp) stop it (SIGTERM, SIGINT), reload the configuration through `reload`
// (SIGHUP; a configuration that does not load is refused with a log line and the running one
// kept) and run every scheduled collector now (SIGUSR1; one already running is skipped, and
// the schedule goes on from there). On stop, runs in progress are asked to stop and given a
// short grace period; the daemon returns within 5 s whatever they do. The service manager
// hears READY once the schedule is armed, a STATUS after each run, STOPPING, and watchdog
// pings from the event loop itself.
#include <functional>
#include <string>
#include <span>

#include "agent/agent_info.hpp"
#include "agent/config/config.hpp"
#include "agent/service_manager.hpp"
#include "collectors/core/collector.hpp"
#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"

namespace zt::agent {

struct DaemonHooks {
  std::function<model::Result<AgentConfig>()> reload;
  std::function<void(const model::Batch&)> on_batch;
  // After the configuration is applied, at start and after each reload (the daemon's thread).
  std::function<void(const AgentConfig&)> on_configured = [](const AgentConfig&) {};
  // Called on the event loop's thread once the schedule is armed, and after each reload.
  std::function<void(std::size_t armed_collectors)> on_armed = [](std::size_t) {};
  // Called on the event loop's thread when a stop begins, before runs in progress are given
  // their grace period: what must not hold up the exit (an upload) is told to end now.
  std::function<void()> on_stopping = [] {};
  // A few words on the uploads for the service manager's STATUS ("" when they go through):
  // stopped and why (a revoked agent), or how many batches wait. The event loop's thread.
  std::function<std::string()> upload_status = [] { return std::string(); };
};

class Daemon {
 public:
  // `info` is kept up to date for others to read (the heartbeat's body).
  Daemon(AgentConfig config, std::span<const collector::CollectorDescriptor> descriptors,
         DaemonHooks hooks,
         std::shared_ptr<AgentInfoSource> info = std::make_shared<AgentInfoSource>(),
         std::unique_ptr<ServiceManager> service = make_service_manager());
  ~Daemon();
  // Runs until stopped (daemon_control.hpp: SIGTERM or SIGINT on Linux). Returns the exit
  // code.
  int run();
  // Stops as SIGTERM does, from any thread (the Windows service's control handler).
  void request_stop(std::string reason);
  // True if a collector run was abandoned and its thread may still be going.
  bool has_abandoned_runs() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace zt::agent
