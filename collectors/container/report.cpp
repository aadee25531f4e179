// The container collector's output as a whole: every finding (report_containers.cpp and
// report_host.cpp make them), and the inventory: the engine, its containers and images, the
// sockets and configuration files seen.
#include "collectors/container/report.hpp"

namespace zt::container {

Findings make_findings(const Snapshot& snapshot) {
  Findings out;
  const std::optional<EngineSnapshot>& engine = snapshot.engine;
  const ConfigSnapshot& config = snapshot.config;
  const bool docker_engine =
      engine && engine->version && engine->version->kind == EngineKind::docker;
  EngineContext engine_context;
  if (engine) engine_context.socket = engine->socket;
  engine_context.daemon_userns_remap =
      docker_engine && config.daemon && !config.daemon->userns_remap.empty();
  if (engine)
    for (const ContainerInfo& c : engine->inspected)
      for (model::Finding& f : container_findings(c, engine_context)) out.push_back(std::move(f));
  for (model::Finding& f : socket_findings(snapshot.sockets, snapshot.groups))
    out.push_back(std::move(f));
  for (model::Finding& f : config_findings(config, config.daemon_json_present || docker_engine))
    out.push_back(std::move(f));
  return out;
}

nlohmann::json make_inventory(const Snapshot& snapshot) {
  using nlohmann::json;
  const std::optional<EngineSnapshot>& engine = snapshot.engine;
  const ConfigSnapshot& config = snapshot.config;
  json inventory = {{"engine", nullptr},
                    {"sockets", json::array()},
                    {"containers", json::array()},
                    {"images", json::array()},
                    {"containers_not_inspected", 0},
                    {"config_files", config.files_read}};
  for (const SocketSeen& s : snapshot.sockets) inventory["sockets"].push_back(s.host_path);
  if (!engine) return inventory;
  if (engine->version)
    inventory["engine"] = {{"kind", std::string(to_string(engine->version->kind))},
                           {"version", engine->version->version},
                           {"api_version", engine->version->api_version},
                           {"socket", engine->socket}};
  for (const ContainerSummary& c : engine->containers)
    inventory["containers"].push_back({{"id", c.id},
                                       {"name", c.name},
                                       {"image", c.image},
                                       {"state", c.state},
                                       {"status", c.status}});
  for (const ImageSummary& i : engine->images)
    inventory["images"].push_back({{"id", i.id}, {"tags", i.tags}, {"size", i.size}});
  inventory["containers_not_inspected"] = engine->not_inspected;
  return inventory;
}

}  // namespace zt::container
