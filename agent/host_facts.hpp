#pragma once
// Facts about the host (read through HostFs, so they describe the host under host_root)
// and about the agent's own process, for the `agents` row: name, os, cores, memory, metrics.
#include <cstdint>
#include <string>

#include "collectors/core/host_fs.hpp"

namespace zt::agent {

struct HostFacts {
  std::string hostname;
  std::string os;          // os-release NAME, e.g. "Debian GNU/Linux"
  std::string os_version;  // os-release VERSION_ID, e.g. "12"
  std::string kernel;
  std::string arch;
  // Stable identity of the machine for fingerprints: its machine id, read by the same rule as
  // the identity sent when enrolling (transport/machine_identity.hpp: read_machine_id), else
  // "hostname:<hostname>".
  std::string identity;
  int cpu_cores = 0;
  double memory_gb = 0.0;
};

HostFacts read_host_facts(const collector::HostFs& fs);

struct ProcessFacts {
  std::uint64_t rss_bytes = 0;
  std::uint64_t peak_rss_bytes = 0;
  double cpu_user_seconds = 0;
  double cpu_system_seconds = 0;
  std::uint32_t uid = 0;
  std::uint32_t euid = 0;
  std::string effective_capabilities;  // hex mask from /proc/self/status
};

ProcessFacts read_process_facts();

}  // namespace zt::agent
