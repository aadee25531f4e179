#pragma once
// What one run of the network collector saw, before it becomes findings and the inventory
// (report.hpp): the listening sockets with their owners and what probing them found, which
// ports were probed (and where) or why not, and how the probing went. Plain data, no I/O.
#include <cstddef>
#include <string>
#include <vector>

#include "collectors/network/listener.hpp"
#include "collectors/network/probe_plan.hpp"

namespace zt::network {

struct ProbingSummary {
  bool live = false;      // probes may run (host root "/" or a recorded prober)
  std::string note;       // why not, or what limits applied
  std::size_t pids_scanned = 0;
  std::size_t pids_unreadable = 0;
};

struct Snapshot {
  std::vector<Listener> listeners;  // as host_sockets.hpp sorts them, with what probing found
  std::vector<PlannedProbe> plan;   // one entry per TCP listener: probed where, or why not
  ProbingSummary probing;
};

}  // namespace zt::network
