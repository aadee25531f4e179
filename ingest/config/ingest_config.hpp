#pragma once
// The ingest's configuration (conf/ingest.yaml): where it listens, its TLS files, the database
// and the limits that protect it. Built once by one of the three functions below, then
// read-only; a reload builds a whole new IngestConfig.
//
// The environment variable ZEROTRACE_DATABASE_URL, when set and not empty, overrides
// database.url, so the password need not sit in the file.
//
// Errors: every problem found (not just the first), one per line of Error::message, each
// naming where and which key: `ingest.yaml:12:5: limits.max_body_bytes: expected …` or
// `environment variable ZEROTRACE_DATABASE_URL: database.url: expected …`. Unknown keys, wrong
// types, out-of-range values, max_decompressed_bytes below max_body_bytes and TLS enabled
// without both files are errors. The database URL never appears in a message. Whether the TLS
// files exist is checked when the server starts, not here; an empty database URL is allowed
// here, for commands that do not use the database. Nothing here logs or throws; the three
// functions may run on any thread at once.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/config/field.hpp"
#include "schema-client/config/secret.hpp"
#include "schema-client/config/sources.hpp"
#include "schema-client/model/result.hpp"

namespace zt::ingest {

inline constexpr std::size_t kMiB = 1024 * 1024;

struct IngestConfig {
  std::string source;  // the file it came from, or "(built-in defaults)"

  struct Listen {
    std::string address = "127.0.0.1";  // an IP address; 0.0.0.0 or :: for every interface
    unsigned short port = 8443;         // 0: any free port (tests)
    friend bool operator==(const Listen&, const Listen&) = default;
  } listen;

  struct Tls {
    bool enabled = true;  // false is the only way to plain HTTP
    std::filesystem::path certificate_file = "/etc/zerotrace/ingest.crt";  // PEM, with chain
    std::filesystem::path key_file = "/etc/zerotrace/ingest.key";          // PEM
    friend bool operator==(const Tls&, const Tls&) = default;
  } tls;

  // A libpq URL (postgresql://…) or key=value connection string; "" = not set. May hold a
  // password: never in a message or a log line.
  config::Secret database_url;

  struct Limits {
    std::size_t max_body_bytes = 8 * kMiB;           // a request body as sent (compressed)
    std::size_t max_decompressed_bytes = 64 * kMiB;  // after gzip; >= max_body_bytes
    std::chrono::seconds header_timeout{10};         // to read a request's headers
    std::chrono::seconds body_timeout{60};           // to read a request's body
    std::chrono::seconds idle_timeout{60};           // a kept-alive connection without request
    std::size_t max_connections = 256;               // connections open at once
    double agent_requests_per_second = 2.0;          // per agent, sustained
    double agent_burst = 20;                         // per agent, at once
    double failed_auth_per_second = 1.0;             // per client address, sustained
    double failed_auth_burst = 20;                   // per client address, at once
    std::chrono::seconds database_retry_after{5};    // Retry-After when the database is down
    std::chrono::seconds heartbeat_interval{60};     // advised to agents; 3 missed: offline
    std::size_t max_batch_findings = 1000;           // findings + dependencies; more: 413
    friend bool operator==(const Limits&, const Limits&) = default;
  } limits;

  struct Retention {
    // Hourly, serve deletes the inventory of scans older than this (pg/retention.hpp); 0: off.
    std::chrono::seconds dependencies_older_than{std::chrono::days(30)};
    friend bool operator==(const Retention&, const Retention&) = default;
  } retention;

  std::size_t database_connections = 4;  // the pool's size = the worker threads
  std::size_t io_threads = 1;            // threads that run the network I/O
  std::string log_level = "info";        // trace, debug, info, warn or error

  friend bool operator==(const IngestConfig&, const IngestConfig&) = default;
};

// No file: the defaults, then the environment. `source` is "(built-in defaults)".
model::Result<IngestConfig> default_ingest_config(const config::EnvLookup& env);

// `file_name` is only used in messages and as `source`.
model::Result<IngestConfig> parse_ingest_config(std::string_view yaml_text,
                                                std::string_view file_name,
                                                const config::EnvLookup& env);

// Reads `file` (an error if it is missing, unreadable or over 1 MiB) and parses it.
model::Result<IngestConfig> load_ingest_config(const std::filesystem::path& file,
                                               const config::EnvLookup& env);

// Every key, dotted ("limits.max_body_bytes"), with its help text and its environment
// variable: for documentation and for checking conf/ingest.yaml against.
std::vector<config::KeyDoc> documented_ingest_keys();

}  // namespace zt::ingest
