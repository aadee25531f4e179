#pragma once
// The engines' configuration files, read through HostFs: Docker's daemon.json and
// containers-common's registries.conf (with its drop-in folder). A file that is absent is
// simply absent; one that cannot be read or parsed is a problem naming it (and the line).
#include <optional>
#include <string>
#include <vector>

#include "collectors/container/daemon_json.hpp"
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

ConfigSnapshot read_config_files(const collector::HostFs& fs, std::vector<std::string>& problems);

// True when one of the files read_config_files looks for is there.
bool any_config_file(const collector::HostFs& fs);

}  // namespace zt::container
