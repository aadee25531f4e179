#pragma once
// `--list-collectors`: each built-in collector, whether it is enabled, whether it can run on
// this host and why not, and its own options; then, when the daemon found its agent revoked
// (<state_dir>/agent.revoked, transport/credentials.hpp), "UPLOADS STOPPED: " and why.
#include <ostream>
#include <span>

#include "agent/config/config.hpp"
#include "collectors/core/collector.hpp"

namespace zt::agent {

void list_collectors(std::ostream& out, const AgentConfig& config,
                     std::span<const collector::CollectorDescriptor> descriptors);

}  // namespace zt::agent
