#include "ingest/config/ingest_fields.hpp"

#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <system_error>

#include "schema-client/config/value.hpp"

namespace zt::ingest {

namespace {

using config::assign;
using config::expected;
using config::to_optional_path;
using config::Value;
using Field = config::Field<IngestConfig>;

constexpr long long kKiB = 1024;
constexpr long long kGiB = 1024 * 1024 * 1024;

struct NumberRange {
  double min;
  double max;
  std::string_view text;  // "between 1 and 10000"
};

// A decimal number ("2", "0.5", "1e3") within `range`.
model::Result<double> to_number(const Value& value, const NumberRange& range) {
  if (value.shape == Value::Shape::scalar) {
    const char* const end = value.text.data() + value.text.size();
    double number = 0;
    const auto [rest, error] = std::from_chars(value.text.data(), end, number);
    if (error == std::errc() && rest == end && number >= range.min && number <= range.max) {
      return number;
    }
  }
  return expected("a number " + std::string(range.text), value);
}

// An IPv4 or IPv6 address to listen on; a host name would need a lookup at start.
model::Result<std::string> to_ip_address(const Value& value) {
  if (value.shape == Value::Shape::scalar) {
    boost::system::error_code error;
    boost::asio::ip::make_address(std::string(value.text), error);
    if (!error) return std::string(value.text);
  }
  return expected("an IP address (e.g. 127.0.0.1, or 0.0.0.0 or :: for every interface)",
                  value);
}

// A libpq URL or key=value connection string, told apart by their look only: libpq checks it
// when it connects, and its messages could echo a password.
model::Result<config::Secret> to_database_url(const Value& value) {
  model::Result<config::Secret> secret = config::to_secret(value, config::SecretForm::line);
  if (!secret || secret->empty()) return secret;
  const std::string& text = secret->reveal();
  if (text.starts_with("postgresql://") || text.starts_with("postgres://") ||
      text.find('=') != std::string::npos) {
    return secret;
  }
  return model::Error{
      "expected a PostgreSQL URL (postgresql://…) or key=value connection parameters (the "
      "value is not shown)"};
}

const Field kListenFields[] = {
    {"address", "The IP address to listen on: 0.0.0.0 or :: for every interface.", false,
     [](IngestConfig& c, const Value& v) { return assign(c.listen.address, to_ip_address(v)); }},
    {"port", "The TCP port: 1..65535, or 0 for any free port.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.listen.port, config::to_integer(v, 0, 65535));
     }},
};

const Field kTlsFields[] = {
    {"enabled", "Serve HTTPS; false serves plain HTTP, which exposes the agents' api_keys.",
     false,
     [](IngestConfig& c, const Value& v) { return assign(c.tls.enabled, config::to_bool(v)); }},
    {"certificate_file", "The server's certificate chain (PEM). Absolute path.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.tls.certificate_file, to_optional_path(v));
     }},
    {"key_file", "The certificate's private key (PEM). Absolute path.", false,
     [](IngestConfig& c, const Value& v) { return assign(c.tls.key_file, to_optional_path(v)); }},
};

const Field kDatabaseFields[] = {
    {"url", "PostgreSQL connection URL or key=value string; empty: not set. Secret.", true,
     [](IngestConfig& c, const Value& v) { return assign(c.database_url, to_database_url(v)); }},
    {"connections", "Database connections, one per worker thread: 1..64.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.database_connections, config::to_integer(v, 1, 64));
     }},
};

const Field kLimitsFields[] = {
    {"max_body_bytes", "Largest request body as sent, in bytes: 1024..1073741824 (1 GiB).",
     false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.max_body_bytes, config::to_integer(v, kKiB, kGiB));
     }},
    {"max_decompressed_bytes",
     "Largest request body after gzip, in bytes: 1024..4294967296 (4 GiB), and at least "
     "max_body_bytes.",
     false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.max_decompressed_bytes, config::to_integer(v, kKiB, 4 * kGiB));
     }},
    {"header_timeout", "Time to receive a request's headers: 1s..1h.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.header_timeout, config::to_duration(v, config::kTimeoutRange));
     }},
    {"body_timeout", "Time to receive a request's body: 1s..1h.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.body_timeout, config::to_duration(v, config::kTimeoutRange));
     }},
    {"idle_timeout", "How long a kept-alive connection may wait for its next request: 1s..1h.",
     false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.idle_timeout, config::to_duration(v, config::kTimeoutRange));
     }},
    {"max_connections", "Connections open at once: 1..100000.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.max_connections, config::to_integer(v, 1, 100000));
     }},
    {"agent_requests_per_second", "Sustained requests per agent and second: 0.01..10000.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.agent_requests_per_second,
                     to_number(v, {0.01, 10000, "between 0.01 and 10000"}));
     }},
    {"agent_burst", "Requests an agent may send at once above that rate: 1..10000.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.agent_burst, to_number(v, {1, 10000, "between 1 and 10000"}));
     }},
    {"failed_auth_per_second",
     "Failed authentications (unknown or revoked keys) per client address and second, "
     "sustained: 0.01..10000. Past the budget, requests from that address are answered 429 "
     "before any key is looked up.",
     false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.failed_auth_per_second,
                     to_number(v, {0.01, 10000, "between 0.01 and 10000"}));
     }},
    {"failed_auth_burst",
     "Failed authentications a client address may have at once above that rate: 1..10000.",
     false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.failed_auth_burst, to_number(v, {1, 10000, "between 1 and 10000"}));
     }},
    {"database_retry_after",
     "The Retry-After of the answer when the database is unavailable: 1s..1h.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.database_retry_after,
                     config::to_duration(v, config::kTimeoutRange));
     }},
    {"heartbeat_interval",
     "The heartbeat interval advised to agents: 1s..1h. An agent silent for three reads as "
     "offline.",
     false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.heartbeat_interval, config::to_duration(v, config::kTimeoutRange));
     }},
    {"max_batch_findings",
     "The most items (findings, dependencies and config files) per batch: advised to agents, a larger batch is "
     "refused with 413: 1..100000.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.limits.max_batch_findings, config::to_integer(v, 1, 100000));
     }},
};

// Up to ten years; 0 turns automatic retention off.
constexpr config::DurationRange kRetentionRange{std::chrono::seconds(0), std::chrono::days(3650),
                                                "between 0 (off) and 3650d"};

const Field kRetentionFields[] = {
    {"dependencies_older_than",
     "The inventory (dependencies) of scans older than this is deleted, hourly, keeping each "
     "agent's latest: 0..3650d, 0 for never (zerotrace-ingest prune does it by hand).",
     false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.retention.dependencies_older_than,
                     config::to_duration(v, kRetentionRange));
     }},
};

const Field kServerFields[] = {
    {"io_threads", "Threads that run the network I/O: 1..64.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.io_threads, config::to_integer(v, 1, 64));
     }},
};

const Field kLogFields[] = {
    {"level", "One of trace, debug, info, warn, error.", false,
     [](IngestConfig& c, const Value& v) {
       return assign(c.log_level, config::to_choice(v, config::kLogLevels));
     }},
};

}  // namespace

std::span<const Field> section_fields(std::string_view section) {
  if (section == "listen") return kListenFields;
  if (section == "tls") return kTlsFields;
  if (section == "database") return kDatabaseFields;
  if (section == "limits") return kLimitsFields;
  if (section == "retention") return kRetentionFields;
  if (section == "server") return kServerFields;
  if (section == "log") return kLogFields;
  return {};
}

}  // namespace zt::ingest
