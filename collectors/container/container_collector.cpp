#include "collectors/container/container_collector.hpp"

#include <algorithm>

#include "collectors/container/config_files.hpp"
#include "collectors/container/container_options.hpp"
#include "collectors/container/engine_reader.hpp"
#include "collectors/container/engine_socket.hpp"
#include "collectors/container/host_paths.hpp"
#include "collectors/container/report.hpp"
#include "collectors/container/snapshot.hpp"
#include "collectors/core/optional_file.hpp"

namespace zt::container {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

class ContainerCollector final : public collector::Collector {
 public:
  ContainerCollector(ContainerOptions options, ClientFactory clients)
      : options_(std::move(options)), clients_(std::move(clients)) {}

  Availability capabilities(const HostFs& fs) const override {
    const auto sockets = find_sockets(fs, options_.socket);
    const bool configs = any_config_file(fs);
    if (sockets.empty() && !configs) {
      std::string root =
          fs.root().lexically_normal() == "/" ? "" : " (under " + fs.root().string() + ")";
      return {false, "no container engine: no API socket at " +
                         joined(socket_paths_looked_at(options_.socket)) + " and none of " +
                         std::string(kDaemonJsonPath) + ", " + std::string(kRegistriesConfPath) +
                         ", " + std::string(kRegistriesConfDir) + "/*.conf" + root};
    }
    std::string reason = sockets.empty()
                             ? "no engine socket; configuration files only"
                             : "engine socket " + fs.describe(sockets.front().host_path);
    if (!sockets.empty() && configs) reason += " and configuration files";
    return {true, reason};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    const std::optional<Snapshot> snapshot = gather(context, result.problems);
    if (!snapshot) return result;  // no engine here: nothing to say
    result.findings = make_findings(*snapshot);
    result.inventory = make_inventory(*snapshot);
    return result;
  }

 private:
  // The configuration files, then the engines' sockets in turn until one answers, then the
  // group names the sockets' owners need. nullopt: no engine socket and no configuration file.
  std::optional<Snapshot> gather(const Context& context, std::vector<std::string>& problems) {
    const HostFs& fs = context.fs();
    const auto sockets = find_sockets(fs, options_.socket);
    if (sockets.empty() && !any_config_file(fs)) return std::nullopt;

    Snapshot snapshot;
    snapshot.config = read_config_files(fs, problems);
    for (const EngineSocket& socket : sockets) {
      if (context.stopped_before("engine API", problems)) break;
      // No call waits longer than the run had left when the engine was first asked (100 ms
      // at least); read_engine checks should_stop() between calls.
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          context.deadline() - std::chrono::steady_clock::now());
      const auto timeout = std::clamp(left, std::chrono::milliseconds{100}, options_.api_timeout);
      auto client =
          clients_({socket.local, socket.host_path, timeout, options_.max_response_bytes});
      snapshot.engine =
          read_engine(*client, socket.host_path, context, options_.max_containers, problems);
      if (snapshot.engine->version) break;  // the first engine that answers is the one reported
    }
    for (const EngineSocket& s : sockets) snapshot.sockets.push_back({s.host_path, s.info});
    const auto group_text = collector::read_optional(fs, kGroupPath, kConfigMaxBytes, problems);
    snapshot.groups = parse_group_names(group_text.value_or(""));
    return snapshot;
  }

  ContainerOptions options_;
  ClientFactory clients_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return make_collector(values, &make_socket_client);
}

}  // namespace

std::unique_ptr<collector::Collector> make_collector(const collector::OptionValues& values,
                                                     ClientFactory clients) {
  return std::make_unique<ContainerCollector>(ContainerOptions::from(values), std::move(clients));
}

collector::CollectorDescriptor descriptor() {
  return {
      .name = "container",
      .category = model::Category::container,
      .default_interval = std::chrono::seconds{900},
      .summary =
          "Docker and Podman containers (privileged, host namespaces, engine socket "
          "and host mounts, capabilities, root, limits, latest tags), engine socket "
          "permissions and daemon/registry settings, through the engine's unix-socket "
          "API and its configuration files",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::container
