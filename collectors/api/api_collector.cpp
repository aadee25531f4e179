#include "collectors/api/api_collector.hpp"

#include "collectors/api/api_options.hpp"
#include "collectors/api/config_reader.hpp"
#include "collectors/api/discover.hpp"
#include "collectors/api/live_checks.hpp"
#include "collectors/api/report.hpp"
#include "collectors/core/host_sockets.hpp"
#include "collectors/core/proc_paths.hpp"

namespace zt::api {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;

constexpr std::string_view kNotContacted = "its services are not contacted";

class ApiCollector final : public collector::Collector {
 public:
  ApiCollector(ApiOptions options, std::unique_ptr<collector::LiveChecker> checker)
      : options_(options), checker_(std::move(checker)) {}

  Availability capabilities(const HostFs& fs) const override {
    if (fs.is_missing(collector::kTcpTablePath))
      return {false, "no " + fs.describe(collector::kTcpTablePath)};
    return {true, "the listening sockets of /proc and their processes; " +
                      collector::live_capability(fs, *checker_, options_.live_checks,
                                                 kNotContacted)};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    collector::HostSockets host = collector::read_host_sockets(context);
    result.problems = std::move(host.problems);
    Snapshot snapshot;
    snapshot.services = discover(host.listeners);
    read_service_configs(context.fs(), snapshot.services, result.problems);
    snapshot.live = collector::plan_live_checks(context.fs(), *checker_, options_.live_checks,
                                                options_.live_timeout, kNotContacted);
    if (snapshot.live.enabled) {
      std::vector<ApiService> web = web_api_candidates(
          host.listeners, snapshot.services, static_cast<std::size_t>(options_.http_api_probes));
      std::move(web.begin(), web.end(), std::back_inserter(snapshot.services));
    }
    if (snapshot.live.enabled)
      for (ApiService& s : snapshot.services) {
        if (context.should_stop()) break;
        check_service(s, *checker_, collector::time_for_check(context, options_.live_timeout));
      }
    result.findings = make_findings(snapshot);
    result.inventory = make_inventory(snapshot);
    return result;
  }

 private:
  ApiOptions options_;
  std::unique_ptr<collector::LiveChecker> checker_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return make_collector(values, collector::make_system_checker());
}

}  // namespace

std::unique_ptr<collector::Collector> make_collector(
    const collector::OptionValues& values, std::unique_ptr<collector::LiveChecker> checker) {
  return std::make_unique<ApiCollector>(ApiOptions::from(values), std::move(checker));
}

collector::CollectorDescriptor descriptor() {
  return {
      .name = "api",
      .category = model::Category::api,
      .default_interval = std::chrono::seconds{3600},
      .summary = "management and metrics APIs without authentication: etcd without client "
                 "certificates, Prometheus and exporters beyond loopback without a web "
                 "configuration, Prometheus's admin and lifecycle APIs, kubelets with "
                 "anonymous access or the read-only port, Consul without ACLs",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::api
