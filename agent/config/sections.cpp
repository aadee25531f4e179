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
using config::to_optional_path;
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
    {"ca_file", "PEM bundle the server's certificate is checked against; empty: the system's.",
     true,
     [](ServerSection& s, const Value& v) { return assign(s.ca_file, to_optional_path(v)); }},
    {"client_certificate", "PEM client certificate for mutual TLS; goes with client_key.", false,
     [](ServerSection& s, const Value& v) {
       return assign(s.client_certificate, to_optional_path(v));
     }},
    {"client_key", "PEM key of client_certificate.", false,
     [](ServerSection& s, const Value& v) { return assign(s.client_key, to_optional_path(v)); }},
    {"proxy", "Proxy for the server, e.g. http://proxy:3128; empty: the environment's.", true,
     [](ServerSection& s, const Value& v) { return assign(s.proxy, to_text(v)); }},
    {"connect_timeout", "Time limit for connecting to the server: 1s..5m.", false,
     [](ServerSection& s, const Value& v) {
       return assign(s.connect_timeout, to_duration(v, kConnectTimeoutRange));
     }},
    {"request_timeout", "Time limit for a whole request, upload included: 1s..1h.", false,
     [](ServerSection& s, const Value& v) {
       return assign(s.request_timeout, to_duration(v, config::kTimeoutRange));
     }},
    {"heartbeat_interval", "How often the agent reports to the server: 10s..1h.", false,
     [](ServerSection& s, const Value& v) {
       return assign(s.heartbeat_interval, to_duration(v, kHeartbeatRange));
     }},
};

const Field<UploadSection> kUploadFields[] = {
    {"spool_max_mib",
     "Disk space for batches not yet uploaded, in MiB; when full, the oldest are dropped (and "
     "reported): 1..65536.",
     false,
     [](UploadSection& s, const Value& v) {
       return assign(s.spool_max_mib, to_integer(v, 1, 65536));
     }},
    {"batch_max_findings", "Most findings and packages per batch: 1..100000.", false,
     [](UploadSection& s, const Value& v) {
       return assign(s.batch_max_findings, to_integer(v, 1, 100000));
     }},
    {"batch_max_mib", "Most JSON per batch, in MiB before compression: 1..64.", false,
     [](UploadSection& s, const Value& v) {
       return assign(s.batch_max_mib, to_integer(v, 1, 64));
     }},
    {"pacing_ms", "Pause between two uploads, in milliseconds (±50 % jitter): 0..60000.", false,
     [](UploadSection& s, const Value& v) {
       return assign(s.pacing_ms, to_integer(v, 0, 60000));
     }},
    {"backoff_initial", "First wait after a failed upload: 1s..1h.", false,
     [](UploadSection& s, const Value& v) {
       return assign(s.backoff_initial, to_duration(v, config::kTimeoutRange));
     }},
    {"backoff_cap", "Longest wait between retries: 1s..1d, at least backoff_initial.", false,
     [](UploadSection& s, const Value& v) {
       return assign(s.backoff_cap, to_duration(v, kBackoffCapRange));
     }},
    {"server_error_limit",
     "A batch the server fails on (HTTP 500) more than this many times, over at least "
     "server_error_span, is given up (dead-letter/, reported): 1..1000.",
     false,
     [](UploadSection& s, const Value& v) {
       return assign(s.server_error_limit, to_integer(v, 1, 1000));
     }},
    {"server_error_span",
     "The least time between the first and the last of those failures: 0s..30d.", false,
     [](UploadSection& s, const Value& v) {
       return assign(s.server_error_span, to_duration(v, kServerErrorSpanRange));
     }},
    {"full_upload_every",
     "Every so many uploads of a collector's scan, one is whole; in between, a scan whose "
     "inventory did not change goes as its changes (a delta): 1..1000, 1 = always whole.",
     false,
     [](UploadSection& s, const Value& v) {
       return assign(s.full_upload_every, to_integer(v, 1, 1000));
     }},
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
std::span<const Field<UploadSection>> upload_fields() { return kUploadFields; }
std::span<const Field<CollectorConfig>> collector_fields() { return kCollectorFields; }

std::vector<config::KeyDoc> documented_keys(
    std::span<const collector::CollectorDescriptor> collectors) {
  std::vector<config::KeyDoc> docs;
  config::document_fields(docs, "agent", agent_fields());
  config::document_fields(docs, "scheduler", scheduler_fields());
  config::document_fields(docs, "server", server_fields());
  config::document_fields(docs, "upload", upload_fields());
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
