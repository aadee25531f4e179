#include "agent/config/sections.hpp"

#include <cctype>

namespace zt::agent {

namespace {

// Stores a parsed value, or passes its problem on.
template <typename Target, typename Parsed>
model::Status assign(Target& target, model::Result<Parsed> parsed) {
  if (!parsed) return parsed.error();
  target = static_cast<Target>(std::move(parsed).value());
  return model::Ok{};
}

constexpr std::string_view kLogLevels[] = {"trace", "debug", "info", "warn", "error"};

const Field<AgentSection> kAgentFields[] = {
    {"name", "The agent's name in the console; empty means the host name.", false,
     [](AgentSection& s, const Value& v) { return assign(s.name, to_text(v)); }},
    {"host_root",
     "Where the host's filesystem is seen: / on the host, /host in a container. Absolute path.",
     true, [](AgentSection& s, const Value& v) { return assign(s.host_root, to_absolute_path(v)); }},
    {"state_dir", "Where the agent keeps its state (identity, spool). Absolute path.", false,
     [](AgentSection& s, const Value& v) { return assign(s.state_dir, to_absolute_path(v)); }},
    {"log_level", "One of trace, debug, info, warn, error.", false,
     [](AgentSection& s, const Value& v) { return assign(s.log_level, to_choice(v, kLogLevels)); }},
};

const Field<SchedulerSection> kSchedulerFields[] = {
    {"max_concurrent", "How many collectors may run at the same time: 1..16.", false,
     [](SchedulerSection& s, const Value& v) {
       return assign(s.max_concurrent, to_integer(v, 1, 16));
     }},
    {"splay_percent",
     "Random delay before each run, in percent of its interval, so a fleet does not scan in "
     "step: 0..50.",
     false,
     [](SchedulerSection& s, const Value& v) {
       return assign(s.splay_percent, to_integer(v, 0, 50));
     }},
    {"nice", "CPU priority (nice value) of collector runs: 0..19.", false,
     [](SchedulerSection& s, const Value& v) { return assign(s.nice, to_integer(v, 0, 19)); }},
    {"idle_io", "Run collectors in the idle I/O class, so they yield the disk to other work.",
     false, [](SchedulerSection& s, const Value& v) { return assign(s.idle_io, to_bool(v)); }},
};

const Field<ServerSection> kServerFields[] = {
    {"url", "The ingest endpoint (https://…); empty means no server.", true,
     [](ServerSection& s, const Value& v) { return assign(s.url, to_url(v)); }},
    {"enrollment_token", "One-time token with which the agent enrolls. Secret.", true,
     [](ServerSection& s, const Value& v) { return assign(s.enrollment_token, to_secret(v)); }},
    {"api_key", "The key the agent uploads with. Secret.", true,
     [](ServerSection& s, const Value& v) { return assign(s.api_key, to_secret(v)); }},
    {"allow_insecure_http",
     "Allow an http:// url, which sends the api_key unencrypted (tests only).", false,
     [](ServerSection& s, const Value& v) { return assign(s.allow_insecure_http, to_bool(v)); }},
};

const Field<CollectorConfig> kCollectorFields[] = {
    {"enabled", "Whether this collector runs.", false,
     [](CollectorConfig& c, const Value& v) { return assign(c.enabled, to_bool(v)); }},
    {"interval", "How often it runs: 60s..7d.", false,
     [](CollectorConfig& c, const Value& v) {
       return assign(c.interval, to_duration(v, kIntervalRange));
     }},
    {"timeout",
     "How long a run may take before it is abandoned: 1s..1h and less than the interval.", false,
     [](CollectorConfig& c, const Value& v) {
       return assign(c.timeout, to_duration(v, kTimeoutRange));
     }},
};

template <typename Section>
void document(std::vector<KeyDoc>& docs, std::string_view section,
              std::span<const Field<Section>> fields) {
  for (const Field<Section>& field : fields) {
    docs.push_back({std::string(section) + "." + std::string(field.key), std::string(field.help),
                    field.from_environment ? environment_name(section, field.key) : ""});
  }
}

}  // namespace

std::span<const Field<AgentSection>> agent_fields() { return kAgentFields; }
std::span<const Field<SchedulerSection>> scheduler_fields() { return kSchedulerFields; }
std::span<const Field<ServerSection>> server_fields() { return kServerFields; }
std::span<const Field<CollectorConfig>> collector_fields() { return kCollectorFields; }

std::string environment_name(std::string_view section, std::string_view key) {
  std::string name = "ZEROTRACE_" + std::string(section) + "_" + std::string(key);
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

std::vector<KeyDoc> documented_keys(std::span<const collector::CollectorDescriptor> collectors) {
  std::vector<KeyDoc> docs;
  document(docs, "agent", agent_fields());
  document(docs, "scheduler", scheduler_fields());
  document(docs, "server", server_fields());
  for (const collector::CollectorDescriptor& descriptor : collectors) {
    const std::string section = "collectors." + std::string(descriptor.name);
    document(docs, section, collector_fields());
    for (const collector::OptionSpec& spec : descriptor.options) {
      docs.push_back({section + "." + std::string(spec.key), std::string(spec.help), ""});
    }
  }
  return docs;
}

}  // namespace zt::agent
