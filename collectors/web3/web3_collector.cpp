#include "collectors/web3/web3_collector.hpp"

#include <algorithm>
#include <memory>

#include "collectors/core/content_collector.hpp"
#include "collectors/core/host_salt.hpp"
#include "collectors/core/host_sockets.hpp"
#include "collectors/core/proc_paths.hpp"
#include "collectors/web3/host_paths.hpp"
#include "collectors/web3/node_live_check.hpp"
#include "collectors/web3/node_reader.hpp"
#include "collectors/web3/report.hpp"
#include "collectors/web3/wallet_detectors.hpp"
#include "collectors/web3/web3_options.hpp"

namespace zt::web3 {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;

constexpr std::string_view kNotContacted = "its nodes' RPC is not called";

bool serves_http(const NodeSource& node) {
  return node.pid != 0 && std::any_of(node.view.endpoints.begin(), node.view.endpoints.end(),
                                      [](const RpcEndpoint& e) { return e.transport == "http"; });
}

class Web3Collector final : public collector::ContentCollector {
 public:
  Web3Collector(Web3Options options, std::unique_ptr<collector::LiveChecker> checker)
      : options_(std::move(options)),
        walk_(options_.walk_options(options_.scan_files)),
        checker_(std::move(checker)) {}

  Availability capabilities(const HostFs& fs) const override {
    std::string what;
    if (options_.scan_files)
      what = "wallet files under " + std::to_string(options_.roots.size()) + " roots";
    if (options_.check_nodes)
      what += std::string(what.empty() ? "" : ", ") + "execution clients; " +
              collector::live_capability(fs, *checker_, options_.live_checks, kNotContacted);
    return {true, what.empty() ? "nothing enabled" : what};
  }

  const collector::WalkOptions& walk_options() const override { return walk_; }

  // The nodes are read here, before the walk: this is the one call of a run with its Context.
  std::vector<collector::FileDetector*> start_content_run(const Context& context) override {
    snapshot_ = Snapshot{};
    problems_.clear();
    detectors_.clear();
    if (options_.check_nodes) {
      read_nodes(context, options_.node_config_files, snapshot_, problems_);
      check_running_nodes(context);
    }
    if (!options_.scan_files) return {};
    const HostFs& fs = context.fs();
    const std::string salt = collector::host_salt(fs, "").value;
    detectors_.push_back(std::make_unique<KeystoreDetector>(snapshot_, fs, salt));
    detectors_.push_back(std::make_unique<BitcoinWalletDetector>(
        snapshot_, fs, static_cast<std::size_t>(options_.max_wallet_bytes)));
    detectors_.push_back(std::make_unique<TextSecretDetector>(snapshot_, salt));
    return collector::detector_pointers(detectors_);
  }

  CollectResult finish_content_run(const collector::WalkProgress& progress) override {
    CollectResult result;
    snapshot_.walk = progress;
    const KdfLimits limits{static_cast<std::uint64_t>(options_.min_scrypt_n),
                           static_cast<std::uint64_t>(options_.min_pbkdf2_iterations)};
    result.findings = wallet_findings(snapshot_, limits);
    for (model::Finding& f : node_findings(snapshot_)) result.findings.push_back(std::move(f));
    result.inventory = make_inventory(snapshot_);
    if (options_.scan_files) result.problems = collector::walk_problems(progress);
    for (std::string& p : problems_) result.problems.push_back(std::move(p));
    detectors_.clear();  // they hold the run's HostFs
    snapshot_ = Snapshot{};
    return result;
  }

 private:
  // rpc_modules on loopback for the running nodes that serve HTTP; the sockets are read only
  // when there is one.
  void check_running_nodes(const Context& context) {
    const HostFs& fs = context.fs();
    snapshot_.live = collector::plan_live_checks(fs, *checker_, options_.live_checks,
                                                 options_.live_timeout, kNotContacted);
    if (!snapshot_.live.enabled || fs.is_missing(collector::kTcpTablePath) ||
        std::none_of(snapshot_.nodes.begin(), snapshot_.nodes.end(), serves_http))
      return;
    collector::HostSockets host = collector::read_host_sockets(context);
    for (std::string& p : host.problems) problems_.push_back(std::move(p));
    for (NodeSource& node : snapshot_.nodes) {
      if (context.should_stop()) break;
      check_node(node, host.listeners, *checker_,
                 collector::time_for_check(context, options_.live_timeout));
    }
  }

  Web3Options options_;
  collector::WalkOptions walk_;
  std::unique_ptr<collector::LiveChecker> checker_;
  Snapshot snapshot_;  // the run's, between its start and its finish
  std::vector<std::string> problems_;
  std::vector<std::unique_ptr<collector::FileDetector>> detectors_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return make_collector(values, collector::make_system_checker());
}

}  // namespace

std::unique_ptr<collector::Collector> make_collector(
    const collector::OptionValues& values, std::unique_ptr<collector::LiveChecker> checker) {
  return std::make_unique<Web3Collector>(Web3Options::from(values), std::move(checker));
}

collector::CollectorDescriptor descriptor() {
  return {
      .name = "web3",
      .category = model::Category::web3,
      .default_interval = std::chrono::seconds{86400},
      .summary =
          "wallet keys, keystores and seed phrases in files; Ethereum nodes with RPC beyond "
          "loopback, dangerous namespaces or unlocked accounts",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::web3
