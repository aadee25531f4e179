#pragma once
// The configuration a run uses: the file given with --config, else the default file
// (platform_paths.hpp) when it exists, else the built-in defaults; the environment overrides (ZEROTRACE_…); then the
// command line's --host-root, --netconfig-path (collectors.netconfig.paths) and --collectors on top.
#include <span>

#include "agent/cli.hpp"
#include "agent/config/config_loader.hpp"

namespace zt::agent {

model::Result<AgentConfig> effective_config(
    const CliOptions& cli, std::span<const collector::CollectorDescriptor> descriptors,
    const config::EnvLookup& env);

}  // namespace zt::agent
