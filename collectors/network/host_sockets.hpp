#pragma once
// Reads this host's listening sockets and their owning processes through HostFs: the socket
// tables of /proc/net, then every /proc/<pid>/fd link ("socket:[inode]"), /proc/<pid>/comm,
// /proc/<pid>/status and /etc/passwd. Never throws. A socket table that cannot be read is a
// problem naming it; processes that cannot be read (permissions, exited meanwhile) are
// skipped quietly and counted.
#include <cstddef>
#include <string>
#include <vector>

#include "collectors/core/collector.hpp"
#include "collectors/network/listener.hpp"

namespace zt::network {

struct HostSockets {
  // One per (protocol, address, port), sorted by protocol, port, family, address.
  std::vector<Listener> listeners;
  std::vector<std::string> problems;
  std::size_t pids_scanned = 0;
  std::size_t pids_unreadable = 0;
  bool stopped = false;  // should_stop() ended the process scan early
};

HostSockets read_host_sockets(const collector::Context& context);

}  // namespace zt::network
