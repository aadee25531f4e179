#pragma once
// Reads the engines' configuration files through HostFs into the Snapshot's ConfigSnapshot
// (snapshot.hpp): Docker's daemon.json and containers-common's registries.conf (with its
// drop-in folder). A file that is absent is simply absent; one that cannot be read or parsed
// is a problem naming it (and the line). Never throws.
#include <string>
#include <vector>

#include "collectors/container/snapshot.hpp"
#include "collectors/core/host_fs.hpp"

namespace zt::container {

ConfigSnapshot read_config_files(const collector::HostFs& fs, std::vector<std::string>& problems);

// True when one of the files read_config_files looks for is there.
bool any_config_file(const collector::HostFs& fs);

}  // namespace zt::container
