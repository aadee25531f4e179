#pragma once
// Builds an AgentConfig from a YAML file (or from no file), then applies the environment
// overrides ZEROTRACE_SERVER_URL, ZEROTRACE_SERVER_ENROLLMENT_TOKEN, ZEROTRACE_SERVER_API_KEY
// and ZEROTRACE_AGENT_HOST_ROOT (unset or empty: no change).
//
// The known collectors are the descriptors passed in: the result has one `collectors` entry
// for each, defaults filled from the descriptor and its OptionSpec table.
//
// Errors: every problem found (not just the first), one per line of Error::message, each
// naming where and which key: `conf/agent.yaml:12:5: collectors.system.interval: expected …`
// or `environment variable ZEROTRACE_SERVER_URL: server.url: expected …`. Unknown keys,
// wrong types and out-of-range values are errors; secrets never appear in a message. An empty
// file gives the defaults. Nothing here logs or throws. parse_config and default_config touch
// no file; load_config reads the one file; all three may run on any thread at once.
#include <filesystem>
#include <span>
#include <string_view>

#include "agent/config/config.hpp"
#include "collectors/core/collector.hpp"
#include "schema-client/config/sources.hpp"
#include "schema-client/model/result.hpp"

namespace zt::agent {

// No file: the defaults, then the environment. `source` is "(built-in defaults)".
model::Result<AgentConfig> default_config(
    std::span<const collector::CollectorDescriptor> collectors, const config::EnvLookup& env);

// `file_name` is only used in messages and as `source`.
model::Result<AgentConfig> parse_config(
    std::string_view yaml_text, std::string_view file_name,
    std::span<const collector::CollectorDescriptor> collectors, const config::EnvLookup& env);

// Reads `file` (an error if it is missing, unreadable or over 1 MiB) and parses it.
model::Result<AgentConfig> load_config(
    const std::filesystem::path& file, std::span<const collector::CollectorDescriptor> collectors,
    const config::EnvLookup& env);

}  // namespace zt::agent
