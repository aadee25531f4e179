#pragma once
// What `--check-config` checks beyond the file: each enabled collector's own validation of its
// options (CollectorDescriptor::validate: the compliance collector loads its rule packs).
#include <span>
#include <string>
#include <vector>

#include "agent/config/config.hpp"
#include "collectors/core/collector.hpp"

namespace zt::agent {

// Every problem, as "collectors.<name>: <problem>".
std::vector<std::string> collector_problems(
    const AgentConfig& config, std::span<const collector::CollectorDescriptor> descriptors);

}  // namespace zt::agent
