#pragma once
// The agent's configuration keys, one table per section (config::Field: each key with its
// help text, whether an environment variable overrides it, and its setter, which parses and
// validates). The loader's walk, the "known keys" of its errors, the environment overrides and
// documented_keys() all come from these tables. A collector's section is the
// collector_fields() table followed by that collector's own OptionSpec table.
#include <span>
#include <string_view>
#include <vector>

#include "agent/config/config.hpp"
#include "collectors/core/collector.hpp"
#include "schema-client/config/field.hpp"

namespace zt::agent {

// The top-level sections, in the order the file documents them.
inline constexpr std::string_view kSectionNames[] = {"agent", "scheduler", "server", "upload",
                                                      "collectors"};

std::span<const config::Field<AgentSection>> agent_fields();
std::span<const config::Field<SchedulerSection>> scheduler_fields();
std::span<const config::Field<ServerSection>> server_fields();
std::span<const config::Field<UploadSection>> upload_fields();
std::span<const config::Field<CollectorConfig>> collector_fields();  // enabled, interval, timeout

// Every key, dotted ("collectors.system.interval"), with its help text and its environment
// variable: for documentation and for checking conf/agent.yaml against.
std::vector<config::KeyDoc> documented_keys(
    std::span<const collector::CollectorDescriptor> collectors);

}  // namespace zt::agent
