// The container collector's inventory: the engine, its containers and images, the sockets
// and configuration files seen.
#include "collectors/container/report.hpp"

namespace zt::container {

nlohmann::json make_inventory(const std::optional<EngineSnapshot>& engine,
                              const std::vector<SocketSeen>& sockets,
                              const ConfigSnapshot& config) {
  using nlohmann::json;
  json inventory = {{"engine", nullptr},
                    {"sockets", json::array()},
                    {"containers", json::array()},
                    {"images", json::array()},
                    {"containers_not_inspected", 0},
                    {"config_files", config.files_read}};
  for (const SocketSeen& s : sockets) inventory["sockets"].push_back(s.host_path);
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
