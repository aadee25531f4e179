#pragma once
// Finds the execution clients of this host and reads their settings, through HostFs: the
// command line of every process (/proc/<pid>/cmdline), the ExecStart= of every systemd
// service unit (a node that is not running now; a unit whose command is a running
// process's is left out), the configuration file a command line names (relative to the
// process's working folder), and the configuration files of the options. What cannot be
// read is a problem naming it; processes that exit meanwhile are skipped quietly.
#include <string>
#include <vector>

#include "collectors/core/collector.hpp"
#include "collectors/web3/snapshot.hpp"

namespace zt::web3 {

void read_nodes(const collector::Context& context, const std::vector<std::string>& config_files,
                Snapshot& snapshot, std::vector<std::string>& problems);

}  // namespace zt::web3
