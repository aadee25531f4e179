#include "collectors/database/database_collector.hpp"

#include "collectors/core/host_sockets.hpp"
#include "collectors/core/proc_paths.hpp"
#include "collectors/database/checks.hpp"
#include "collectors/database/database_options.hpp"
#include "collectors/database/discover.hpp"
#include "collectors/database/live_checks.hpp"
#include "collectors/database/locate.hpp"
#include "collectors/database/report.hpp"
#include "collectors/database/snapshot.hpp"

namespace zt::database {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;

constexpr std::string_view kNotContacted = "its servers are not contacted";

class DatabaseCollector final : public collector::Collector {
 public:
  DatabaseCollector(DatabaseOptions options, std::unique_ptr<collector::LiveChecker> checker)
      : options_(options), checker_(std::move(checker)) {}

  Availability capabilities(const HostFs& fs) const override {
    const bool sockets = !fs.is_missing(collector::kTcpTablePath);
    if (!sockets && !has_default_config(fs))
      return {false, "no " + fs.describe(collector::kTcpTablePath) +
                         " and no database configuration file at its default path"};
    const std::string reason = sockets ? "database configuration files and the listening sockets "
                                         "of /proc; "
                                       : "database configuration files only (no /proc/net/tcp); ";
    return {true, reason + collector::live_capability(fs, *checker_, options_.live_checks,
                                                      kNotContacted)};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    Snapshot snapshot = gather(context, result.problems);
    for (Server& s : snapshot.servers) s.issues = check_server(s);
    result.findings = make_findings(snapshot);
    result.inventory = make_inventory(snapshot);
    return result;
  }

 private:
  // The running servers (from the sockets), each checked live when allowed and its
  // configuration read; then the servers installed but not running.
  Snapshot gather(const Context& context, std::vector<std::string>& problems) {
    const HostFs& fs = context.fs();
    Snapshot snapshot;
    // A host root without /proc (a copied tree) has configuration files only: not a problem.
    collector::HostSockets host;
    if (!fs.is_missing(collector::kTcpTablePath)) {
      host = collector::read_host_sockets(context);
      problems = std::move(host.problems);
    }
    std::vector<Server>& servers = snapshot.servers;
    servers = servers_from_sockets(host.listeners);

    snapshot.live = collector::plan_live_checks(fs, *checker_, options_.live_checks,
                                                options_.live_timeout, kNotContacted);

    std::size_t left_out = 0;
    for (Server& server : servers) {
      if (context.should_stop()) {
        ++left_out;
        continue;
      }
      std::string reported_config;
      if (snapshot.live.enabled)
        reported_config = run_live_checks(
            server, *checker_, collector::time_for_check(context, options_.live_timeout));
      load_running_config(fs, server, reported_config, problems);
    }
    if (left_out > 0)
      problems.push_back("stopped before checking " + std::to_string(left_out) +
                         " database server(s): deadline passed or shutdown requested");

    if (!context.stopped_before("database configuration files", problems)) {
      std::vector<Server> installed = configured_servers(fs, servers, problems);
      for (Server& s : installed) servers.push_back(std::move(s));
    }
    return snapshot;
  }

  DatabaseOptions options_;
  std::unique_ptr<LiveChecker> checker_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return make_collector(values, collector::make_system_checker());
}

}  // namespace

std::unique_ptr<collector::Collector> make_collector(const collector::OptionValues& values,
                                                     std::unique_ptr<collector::LiveChecker> checker) {
  return std::make_unique<DatabaseCollector>(DatabaseOptions::from(values), std::move(checker));
}

collector::CollectorDescriptor descriptor() {
  return {
      .name = "database",
      .category = model::Category::database,
      .default_interval = std::chrono::seconds{3600},
      .summary =
          "database servers (PostgreSQL, MySQL/MariaDB, Redis, MongoDB, Memcached, "
          "Elasticsearch/OpenSearch): weak configuration, exposure, and live checks "
          "for password-less access",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::database
