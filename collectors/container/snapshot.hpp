#pragma once
// What one run of the container collector saw, before it becomes findings and the inventory
// (report.hpp): the engine API sockets found, the engines' configuration files
// (config_files.hpp reads them) and what the live engine said through its API
// (engine_reader.hpp). Plain data, no I/O.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "collectors/container/daemon_json.hpp"
#include "collectors/container/engine_api.hpp"
#include "collectors/core/host_fs.hpp"

namespace zt::container {

struct RegistrySource {
  std::string file;
  std::size_t line = 0;
};

struct InsecureRegistrySeen {
  std::string name;
  std::vector<RegistrySource> sources;  // every file (and line) that declares it
};

struct ConfigSnapshot {
  bool daemon_json_present = false;                       // there, even if it did not parse
  std::optional<DaemonConfig> daemon;                     // parsed
  std::vector<InsecureRegistrySeen> insecure_registries;  // by name, first seen first
  std::vector<std::string> files_read;
};

struct EngineSnapshot {
  std::string socket;                    // host path
  std::optional<EngineVersion> version;  // set when the engine answered
  std::vector<ContainerSummary> containers;
  std::vector<ContainerInfo> inspected;
  std::vector<ImageSummary> images;
  std::size_t not_inspected = 0;  // past max_containers, or left when the run stopped
};

struct SocketSeen {
  std::string host_path;
  collector::FileInfo info;
};

struct Snapshot {
  std::vector<SocketSeen> sockets;  // the engine API sockets found, in the order tried
  ConfigSnapshot config;
  // The first engine that answered, else the last one asked; nullopt when none was asked.
  std::optional<EngineSnapshot> engine;
  std::map<std::uint32_t, std::string> groups;  // /etc/group: gid → name
};

}  // namespace zt::container
