#include "collectors/iot_ot/iot_ot_collector.hpp"

#include "collectors/core/host_sockets.hpp"
#include "collectors/core/proc_paths.hpp"
#include "collectors/iot_ot/discover.hpp"
#include "collectors/iot_ot/host_paths.hpp"
#include "collectors/iot_ot/iot_ot_options.hpp"
#include "collectors/iot_ot/live_checks.hpp"
#include "collectors/iot_ot/mosquitto_reader.hpp"
#include "collectors/iot_ot/node_red.hpp"
#include "collectors/iot_ot/report.hpp"
#include "collectors/readers/home_folder.hpp"

namespace zt::iot_ot {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;

constexpr std::string_view kNotContacted = "its services are not contacted";

class IotOtCollector final : public collector::Collector {
 public:
  IotOtCollector(IotOtOptions options, std::unique_ptr<collector::LiveChecker> checker)
      : options_(options), checker_(std::move(checker)) {}

  Availability capabilities(const HostFs& fs) const override {
    const bool sockets = !fs.is_missing(collector::kTcpTablePath);
    if (!sockets && fs.is_missing(kMosquittoDefaultConfig))
      return {false, "no " + fs.describe(collector::kTcpTablePath) + " and no " +
                         fs.describe(kMosquittoDefaultConfig)};
    const std::string reason = sockets ? "listening sockets of /proc and broker configuration; "
                                       : "broker configuration only (no /proc/net/tcp); ";
    return {true, reason + collector::live_capability(fs, *checker_, options_.live_checks,
                                                      kNotContacted)};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    const Snapshot snapshot = gather(context, result.problems);
    result.findings = make_findings(snapshot);
    result.inventory = make_inventory(snapshot);
    return result;
  }

 private:
  Snapshot gather(const Context& context, std::vector<std::string>& problems) {
    const HostFs& fs = context.fs();
    collector::HostSockets host;
    if (!fs.is_missing(collector::kTcpTablePath)) {
      host = collector::read_host_sockets(context);
      problems = std::move(host.problems);
    }
    Discovered found = discover(host.listeners);
    Snapshot snapshot;
    snapshot.industrial = std::move(found.industrial);

    snapshot.live = collector::plan_live_checks(fs, *checker_, options_.live_checks,
                                                options_.live_timeout, kNotContacted);
    for (IndustrialListener& listener : snapshot.industrial)
      if (snapshot.live.enabled && listener.protocol.protocol == "opc_ua" && !context.should_stop())
        check_opc_ua(listener, *checker_, collector::time_for_check(context, options_.live_timeout));

    bool default_config_running = false;
    for (MqttBroker& broker : found.brokers) {
      const std::string path = mosquitto_config_argument(*broker.process);
      if (path.empty()) {
        broker.config = broker_config({});
        broker.config_source = "built-in defaults";
      } else {
        broker.config = read_broker_config(fs, path, problems);
        broker.config_source = "command line";
        default_config_running = default_config_running || path == kMosquittoDefaultConfig;
      }
      if (snapshot.live.enabled && !context.should_stop())
        check_broker(broker, *checker_, collector::time_for_check(context, options_.live_timeout));
      snapshot.brokers.push_back(std::move(broker));
    }
    if (!default_config_running && !fs.is_missing(kMosquittoDefaultConfig)) {
      MqttBroker& installed = snapshot.brokers.emplace_back();
      installed.config = read_broker_config(fs, kMosquittoDefaultConfig, problems);
      installed.config_source = "default path";
    }

    for (NodeRed& runtime : found.node_red) {
      runtime.settings_file = node_red_settings_path(runtime.process,
                                                     readers::home_of(fs, runtime.process.user));
      if (auto text = fs.read_file(runtime.settings_file, kMaxConfigBytes)) {
        runtime.settings_read = true;
        runtime.admin_auth_line = node_red_admin_auth_line(*text);
      } else if (!fs.is_missing(runtime.settings_file)) {
        problems.push_back("Node-RED settings: " + text.error().message);
      }
      if (snapshot.live.enabled && !context.should_stop())
        check_node_red(runtime, *checker_, collector::time_for_check(context, options_.live_timeout));
      snapshot.node_red.push_back(std::move(runtime));
    }
    return snapshot;
  }

  IotOtOptions options_;
  std::unique_ptr<collector::LiveChecker> checker_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return make_collector(values, collector::make_system_checker());
}

}  // namespace

std::unique_ptr<collector::Collector> make_collector(
    const collector::OptionValues& values, std::unique_ptr<collector::LiveChecker> checker) {
  return std::make_unique<IotOtCollector>(IotOtOptions::from(values), std::move(checker));
}

collector::CollectorDescriptor descriptor() {
  return {
      .name = "iot_ot",
      .category = model::Category::iot_ot,
      .default_interval = std::chrono::seconds{3600},
      .summary = "MQTT brokers open to anonymous clients or without TLS, industrial protocols "
                 "(Modbus/TCP, S7, DNP3, EtherNet/IP, BACnet, OPC UA, CoAP) listening beyond "
                 "loopback, and Node-RED editors without a login",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::iot_ot
