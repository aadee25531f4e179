#pragma once
// `zerotrace-agent --once`: one scan of this host with every enabled collector that can run
// here, no server needed. Progress goes to stderr when it is a terminal; the report (table or
// JSON batch) to stdout or --output. Returns the process exit code (cli.hpp).
#include <span>

#include "agent/cli.hpp"
#include "agent/config/config.hpp"
#include "collectors/core/collector.hpp"

namespace zt::agent {

ExitCode run_once(const AgentConfig& config, const CliOptions& cli,
                  std::span<const collector::CollectorDescriptor> descriptors);

}  // namespace zt::agent
