#include "collectors/network/network_collector.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>

#include "collectors/core/host_sockets.hpp"
#include "collectors/core/proc_paths.hpp"
#include "collectors/network/network_options.hpp"
#include "collectors/network/probe_plan.hpp"
#include "collectors/network/report.hpp"

namespace zt::network {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;
using Clock = std::chrono::steady_clock;

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
    try {
      collector::HostSockets host = collector::read_host_sockets(context);
      result.problems = std::move(host.problems);
      std::vector<Listener> listeners;
      listeners.reserve(host.listeners.size());
      for (collector::ListeningSocket& socket : host.listeners)
        listeners.push_back(
            Listener{std::move(socket), std::nullopt, std::nullopt, std::nullopt});

      const std::string refusal = refusal_for(context.fs(), *prober_);
      ProbeSettings settings{options_.probe_banners, options_.probe_tls,
                             options_.max_probed_ports, options_.probe_ports_allow,
                             options_.probe_ports_deny};
      std::vector<PlannedProbe> plan = plan_probes(listeners, settings, refusal);
      run_probes(context, listeners, plan, result.problems);

      ProbingSummary summary;
      summary.live = refusal.empty() && (options_.probe_banners || options_.probe_tls);
      summary.note = !refusal.empty() ? refusal
                     : summary.live
                         ? "TCP listeners probed through loopback or their own address; "
                           "limit " + std::to_string(options_.probe_timeout.count()) +
                               " ms per port, at most " +
                               std::to_string(options_.max_probed_ports) + " ports per run"
                         : "probing disabled (probe_banners and probe_tls are false)";
      summary.pids_scanned = host.pids_scanned;
      summary.pids_unreadable = host.pids_unreadable;

      result.findings = make_findings(listeners, clock_());
      result.inventory = make_inventory(listeners, plan, summary);
    } catch (const std::exception& e) {
      // Only allocation failures and the like get here; parsers and the prober do not throw.
      result.problems.push_back(std::string("network collector failed: ") + e.what());
    }
    return result;
  }

 private:
  void run_probes(const Context& context, std::vector<Listener>& listeners,
                  std::vector<PlannedProbe>& plan, std::vector<std::string>& problems) {
    std::size_t left_out = 0;
    for (PlannedProbe& p : plan) {
      if (!p.target) continue;
      if (left_out > 0 || context.should_stop()) {
        p.target.reset();
        p.skipped = "the run stopped before probing it";
        ++left_out;
        continue;
      }
      probe(context, listeners[p.listener], *p.target);
    }
    if (left_out > 0)
      problems.push_back("stopped before probing " + std::to_string(left_out) +
                         " port(s): deadline passed or shutdown requested");
  }

  void probe(const Context& context, Listener& listener, const Endpoint& target) {
    const auto port_deadline = std::min(Clock::now() + options_.probe_timeout, context.deadline());
    const auto left = [&] {
      return std::max(std::chrono::milliseconds{0},
                      std::chrono::duration_cast<std::chrono::milliseconds>(port_deadline -
                                                                            Clock::now()));
    };
    if (options_.probe_banners) {
      // Half of the port's time when a TLS probe follows: a TLS server never speaks first,
      // so waiting longer for it would only delay the handshake.
      const auto limit = options_.probe_tls ? left() / 2 : left();
      BannerResult banner = prober_->banner(target, limit);
      if (banner.connected && !banner.bytes.empty()) {
        listener.banner = parse_banner(banner.bytes);
        listener.banner_bytes = std::move(banner.bytes);
        return;  // it spoke first, in cleartext: not a TLS port
      }
      if (!banner.connected) return;  // refused or unreachable: nothing more to learn
    }
    if (!options_.probe_tls || context.should_stop() || left().count() == 0) return;
    TlsObservation tls;
    tls.main = prober_->tls(target, TlsAttempt{}, left());
    if (!tls.main.handshake_ok) return;  // not TLS (or too slow): nothing recorded
    for (TlsCap cap : {TlsCap::tls1_0, TlsCap::tls1_1}) {
      if (context.should_stop() || left().count() == 0) break;
      TlsResult capped = prober_->tls(target, TlsAttempt{cap, false}, left());
      if (capped.handshake_ok && !capped.protocol.empty() &&
          std::find(tls.legacy.begin(), tls.legacy.end(), capped.protocol) == tls.legacy.end())
        tls.legacy.push_back(capped.protocol);
    }
    if (!context.should_stop() && left().count() > 0) {
      TlsResult weak = prober_->tls(target, TlsAttempt{TlsCap::none, true}, left());
      tls.weak_check_done = !weak.timed_out;
      if (weak.handshake_ok) tls.weak_cipher = weak.cipher;
    }
    listener.tls = std::move(tls);
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
