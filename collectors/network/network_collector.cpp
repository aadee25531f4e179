#include "collectors/network/network_collector.hpp"

#include <algorithm>

#include "collectors/core/host_sockets.hpp"
#include "collectors/core/probe_engine.hpp"
#include "collectors/core/proc_paths.hpp"
#include "collectors/network/network_options.hpp"
#include "collectors/network/port_probe.hpp"
#include "collectors/network/probe_plan.hpp"
#include "collectors/network/report.hpp"
#include "collectors/network/snapshot.hpp"

namespace zt::network {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;
using Clock = std::chrono::steady_clock;

// Ports probed at once, so sockets open at once (one per port at a time).
constexpr std::size_t kMaxOpenProbes = 64;

std::string refusal_for(const HostFs& fs, const LocalProber& prober) {
  return collector::live_check_refusal(fs, prober.live(), "its sockets are not probed live");
}

class NetworkCollector final : public collector::Collector {
 public:
  NetworkCollector(NetworkOptions options, std::unique_ptr<LocalProber> prober,
                   std::function<model::Timestamp()> clock)
      : options_(std::move(options)), prober_(std::move(prober)), clock_(std::move(clock)) {}

  Availability capabilities(const HostFs& fs) const override {
    auto text = fs.read_file(collector::kTcpTablePath, collector::kSocketTableMaxBytes);
    if (!text) return {false, "cannot read " + text.error().message};
    std::string reason = fs.describe(collector::kTcpTablePath) + " readable; ";
    const std::string refusal = refusal_for(fs, *prober_);
    reason += refusal.empty() ? "live probing (banners, TLS) of local TCP ports possible"
                              : "no live probing: " + refusal;
    return {true, reason};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    const Snapshot snapshot = gather(context, result.problems);
    result.findings = make_findings(snapshot, clock_());
    result.inventory = make_inventory(snapshot);
    return result;
  }

 private:
  // The listening sockets and their owners, then what probing them found.
  Snapshot gather(const Context& context, std::vector<std::string>& problems) {
    Snapshot snapshot;
    collector::HostSockets host = collector::read_host_sockets(context);
    problems = std::move(host.problems);
    snapshot.listeners.reserve(host.listeners.size());
    for (collector::ListeningSocket& socket : host.listeners)
      snapshot.listeners.push_back(
          Listener{std::move(socket), std::nullopt, std::nullopt, std::nullopt});

    const std::string refusal = refusal_for(context.fs(), *prober_);
    ProbeSettings settings{options_.probe_banners, options_.probe_tls,
                           options_.max_probed_ports, options_.probe_ports_allow,
                           options_.probe_ports_deny};
    snapshot.plan = plan_probes(snapshot.listeners, settings, refusal);
    run_probes(context, snapshot.listeners, snapshot.plan, problems);

    ProbingSummary& summary = snapshot.probing;
    summary.live = refusal.empty() && (options_.probe_banners || options_.probe_tls);
    summary.note = !refusal.empty() ? refusal
                   : summary.live
                       ? "TCP listeners probed through loopback or their own address, "
                         "concurrently (at most " + std::to_string(kMaxOpenProbes) +
                             " at once); limit " +
                             std::to_string(options_.probe_timeout.count()) +
                             " ms per port, at most " +
                             std::to_string(options_.max_probed_ports) + " ports per run"
                       : "probing disabled (probe_banners and probe_tls are false)";
    summary.pids_scanned = host.pids_scanned;
    summary.pids_unreadable = host.pids_unreadable;
    return snapshot;
  }

  // Every planned port at once (at most kMaxOpenProbes at a time), each by its own limit
  // from when it starts, all by one deadline for the phase: the run's, or sooner the limit
  // times the number of rounds the bound on open sockets makes.
  void run_probes(const Context& context, std::vector<Listener>& listeners,
                  std::vector<PlannedProbe>& plan, std::vector<std::string>& problems) {
    std::vector<std::size_t> probed;  // indexes into plan
    for (std::size_t i = 0; i < plan.size(); ++i)
      if (plan[i].target) probed.push_back(i);
    const auto rounds = static_cast<long>((probed.size() + kMaxOpenProbes - 1) / kMaxOpenProbes);
    const auto limit = options_.probe_timeout;
    const auto phase_deadline =
        std::min(context.deadline(), Clock::now() + limit * std::max(rounds, 1L));
    const PortProbeSettings settings{options_.probe_banners, options_.probe_tls};
    std::vector<collector::ProbeCheck> checks;
    checks.reserve(probed.size());
    for (std::size_t i : probed)
      checks.push_back([this, &listener = listeners[plan[i].listener], target = *plan[i].target,
                        settings, limit, phase_deadline] {
        return probe_port(*prober_, listener, target, settings,
                          std::min(Clock::now() + limit, phase_deadline));
      });

    const auto outcomes = collector::run_probe_checks(
        checks, {phase_deadline, kMaxOpenProbes}, [&context] { return context.should_stop(); });
    std::size_t left_out = 0;
    std::size_t cut_short = 0;
    for (std::size_t k = 0; k < probed.size(); ++k) {
      PlannedProbe& p = plan[probed[k]];
      switch (outcomes[k].state) {
        case collector::CheckState::not_started:
          p.skipped = "the run stopped before probing it";
          p.target.reset();
          ++left_out;
          break;
        case collector::CheckState::abandoned: ++cut_short; break;
        case collector::CheckState::failed:
          problems.push_back("probing " + endpoint_text(p.target->address, p.target->port) +
                             " failed: " + outcomes[k].error);
          break;
        case collector::CheckState::finished: break;
      }
    }
    if (left_out > 0)
      problems.push_back("stopped before probing " + std::to_string(left_out) +
                         " port(s): deadline passed or shutdown requested");
    if (cut_short > 0)
      problems.push_back("stopped while probing " + std::to_string(cut_short) +
                         " port(s): deadline passed or shutdown requested; what they said "
                         "before is kept");
  }

  NetworkOptions options_;
  std::unique_ptr<LocalProber> prober_;
  std::function<model::Timestamp()> clock_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return make_collector(values, make_system_prober());
}

}  // namespace

std::unique_ptr<collector::Collector> make_collector(const collector::OptionValues& values,
                                                     std::unique_ptr<LocalProber> prober,
                                                     std::function<model::Timestamp()> clock) {
  return std::make_unique<NetworkCollector>(NetworkOptions::from(values), std::move(prober),
                                            std::move(clock));
}

collector::CollectorDescriptor descriptor() {
  return {
      .name = "network",
      .category = model::Category::network,
      .default_interval = std::chrono::seconds{900},
      .summary = "listening TCP/UDP sockets with their processes, exposed local-only and "
                 "cleartext services, service banners and TLS of local ports",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::network
