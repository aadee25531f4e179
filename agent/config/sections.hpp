#pragma once
// The configuration keys, one table per section: each key with its help text, whether an
// environment variable overrides it, and its setter (which parses and validates). The loader's
// walk, the "known keys" of its errors, the environment overrides and documented_keys() all
// come from these tables. A collector's section is the collector_fields() table followed by
// that collector's own OptionSpec table.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "agent/config/config.hpp"
#include "agent/config/value.hpp"
#include "collectors/core/collector.hpp"

namespace zt::agent {

template <typename Section>
struct Field {
  std::string_view key;
  std::string_view help;
  bool from_environment;  // ZEROTRACE_<SECTION>_<KEY> overrides the file
  model::Status (*set)(Section& section, const Value& value);
};

// The top-level sections, in the order the file documents them.
inline constexpr std::string_view kSectionNames[] = {"agent", "scheduler", "server", "collectors"};

std::span<const Field<AgentSection>> agent_fields();
std::span<const Field<SchedulerSection>> scheduler_fields();
std::span<const Field<ServerSection>> server_fields();
std::span<const Field<CollectorConfig>> collector_fields();  // enabled, interval, timeout

// ("server", "api_key") → "ZEROTRACE_SERVER_API_KEY".
std::string environment_name(std::string_view section, std::string_view key);

// Every key, dotted ("collectors.system.interval"), with its help text and its environment
// variable ("" when none): for documentation and for checking conf/agent.yaml against.
struct KeyDoc {
  std::string key;
  std::string help;
  std::string environment;
};
std::vector<KeyDoc> documented_keys(std::span<const collector::CollectorDescriptor> collectors);

}  // namespace zt::agent
