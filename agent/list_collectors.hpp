#pragma once
// `--list-collectors`: each built-in collector, whether it is enabled, whether it can run on
// this host and why not, and its own options.
#include <ostream>
#include <span>

#include "agent/config/config.hpp"
#include "collectors/core/collector.hpp"

namespace zt::agent {

void list_collectors(std::ostream& out, const AgentConfig& config,
                     std::span<const collector::CollectorDescriptor> descriptors);

}  // namespace zt::agent
