#include "agent/config/sections.hpp"

#include "agent/config/value.hpp"

namespace zt::agent {

namespace {

using config::assign;
using config::Field;
using config::Value;
using config::to_absolute_path;
using config::to_bool;
using config::to_choice;
using config::to_duration;
using config::to_integer;
using config::to_secret;
using config::to_text;

const Field<AgentSection> kAgentFields[] = {
    {"name", "The agent's name in the console; empty means the host name.", false,
     [](AgentSection& s, const Value& v) { return assign(s.name, to_text(v)); }},
    {"host_root",
     "Where the host's filesystem is seen: / on the host, /host in a container. Absolute path.",
     true, [](AgentSection& s, const Value& v) { return assign(s.host_root, to_absolute_path(v)); }},
    {"state_dir", "Where the agent keeps its state (identity, spool). Absolute path.", false,
     [](AgentSection& s, const Value& v) { return assign(s.state_dir, to_absolute_path(v)); }},
    {"log_level", "One of trace, debug, info, warn, error.", false,
     [](AgentSection& s, const Value& v) {
       return assign(s.log_level, to_choice(v, config::kLogLevels));
     }},
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
       return assign(c.timeout, to_duration(v, config::kTimeoutRange));
     }},
};

}  // namespace

std::span<const Field<AgentSection>> agent_fields() { return kAgentFields; }
std::span<const Field<SchedulerSection>> scheduler_fields() { return kSchedulerFields; }
std::span<const Field<ServerSection>> server_fields() { return kServerFields; }
std::span<const Field<CollectorConfig>> collector_fields() { return kCollectorFields; }

std::vector<config::KeyDoc> documented_keys(
    std::span<const collector::CollectorDescriptor> collectors) {
  std::vector<config::KeyDoc> docs;
  config::document_fields(docs, "agent", agent_fields());
  config::document_fields(docs, "scheduler", scheduler_fields());
  config::document_fields(docs, "server", server_fields());
  for (const collector::CollectorDescriptor& descriptor : collectors) {
    const std::string section = "collectors." + std::string(descriptor.name);
    config::document_fields(docs, section, collector_fields());
    for (const collector::OptionSpec& spec : descriptor.options) {
      docs.push_back({section + "." + std::string(spec.key), std::string(spec.help), ""});
    }
  }
  return docs;
}

}  // namespace zt::agent
