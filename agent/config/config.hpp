#pragma once
// The agent's configuration: one struct per section, holding the values the agent runs with
// when a key is absent. Built once by the loader (config_loader.hpp), then read-only; a reload
// builds a whole new AgentConfig. The loader enforces the ranges noted here.
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "agent/config/platform_paths.hpp"
#include "collectors/core/options.hpp"
#include "schema-client/config/secret.hpp"

namespace zt::agent {

struct AgentSection {
  std::string name;  // as the console shows it; "" = the host name
  std::filesystem::path host_root = "/";  // absolute
  std::filesystem::path state_dir = default_state_dir();  // absolute
  std::string log_level = "info";  // trace, debug, info, warn or error

  friend bool operator==(const AgentSection&, const AgentSection&) = default;
};

struct SchedulerSection {
  int max_concurrent = 2;  // 1..16
  int splay_percent = 10;  // 0..50
  int nice = 10;           // 0..19
  bool idle_io = true;

  friend bool operator==(const SchedulerSection&, const SchedulerSection&) = default;
};

struct ServerSection {
  std::string url;  // "" = no server; otherwise http(s)://host[:port][/path]
  config::Secret enrollment_token;
  config::Secret api_key;
  bool allow_insecure_http = false;  // an http:// url is an error unless this is true
  std::filesystem::path ca_file;  // "" = the system's CAs; else absolute
  // Mutual TLS: both or neither (the loader checks); absolute.
  std::filesystem::path client_certificate, client_key;
  std::string proxy;  // "" = the environment's (https_proxy, …)
  std::chrono::seconds connect_timeout{10};   // 1s..5m
  std::chrono::seconds request_timeout{60};   // 1s..1h, the whole request
  std::chrono::seconds heartbeat_interval{60};  // 10s..1h; the server may advise another

  friend bool operator==(const ServerSection&, const ServerSection&) = default;
};

// How finished scans wait on disk and travel to the server (transport/).
struct UploadSection {
  int spool_max_mib = 256;          // 1..65536
  int batch_max_findings = 1000;    // 1..100000, findings and dependencies per batch
  int batch_max_mib = 4;            // 1..64, JSON per batch before gzip
  int pacing_ms = 100;              // 0..60000, between uploads, ±50 % jitter
  std::chrono::seconds backoff_initial{1};  // 1s..1h
  std::chrono::seconds backoff_cap{300};    // 1s..1d, and at least backoff_initial
  // A batch answered 500 more than server_error_limit times over at least server_error_span
  // is given up (transport/upload_outcome.hpp).
  int server_error_limit = 10;                 // 1..1000
  std::chrono::seconds server_error_span{3600};  // 0s..30d
  // Every so many uploads of a collector's scan, one is whole; the others may be deltas
  // (transport/part_planner.hpp). 1: always whole.
  int full_upload_every = 24;  // 1..1000

  friend bool operator==(const UploadSection&, const UploadSection&) = default;
};

struct CollectorConfig {
  bool enabled = true;
  std::chrono::seconds interval{3600};  // 60s..7d; the loader starts from the descriptor's
  // 1s..1h and less than the interval; when the file does not set it, the loader uses 300s
  // or half the interval, whichever is less.
  std::chrono::seconds timeout{300};
  collector::OptionValues options;  // every key of the collector's OptionSpec table

  friend bool operator==(const CollectorConfig& a, const CollectorConfig& b) {
    return a.enabled == b.enabled && a.interval == b.interval && a.timeout == b.timeout &&
           a.options.as_json() == b.options.as_json();
  }
};

struct AgentConfig {
  AgentSection agent;
  SchedulerSection scheduler;
  ServerSection server;
  UploadSection upload;
  // One entry per known collector (the descriptors given to the loader), defaults filled.
  std::map<std::string, CollectorConfig, std::less<>> collectors;
  std::string source;  // the file it came from, or "(built-in defaults)"

  friend bool operator==(const AgentConfig&, const AgentConfig&) = default;
};

}  // namespace zt::agent
