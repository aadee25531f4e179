// Every kind of problem, named by file:line:col and key, all listed at once; the database URL
// never appears in a message.
#include "test_support.hpp"

namespace zt::ingest {
namespace {

using test::env_of;
using test::errors_of;

TEST_CASE("ingest config: unknown keys list the known keys", "[unit]") {
  CHECK(errors_of("listen:\n  adress: 0.0.0.0\n") ==
        "ingest.yaml:2:3: listen.adress: unknown key (known keys: address, port)");
  CHECK(errors_of("limits:\n  max_body: 1\n") ==
        "ingest.yaml:2:3: limits.max_body: unknown key (known keys: max_body_bytes, "
        "max_decompressed_bytes, header_timeout, body_timeout, idle_timeout, max_connections, "
        "agent_requests_per_second, agent_burst, failed_auth_per_second, failed_auth_burst, "
        "database_retry_after, heartbeat_interval, max_batch_findings)");
  CHECK(errors_of("# top\nlisten:\nlisen:\n  port: 1\n") ==
        "ingest.yaml:3:1: lisen: unknown key (known keys: listen, tls, database, limits, "
        "retention, server, log)");
  CHECK(errors_of("log:\n  log_level: info\n") ==
        "ingest.yaml:2:3: log.log_level: unknown key (known keys: level)");
}

TEST_CASE("ingest config: wrong shapes", "[unit]") {
  CHECK(errors_of("- listen\n") ==
        "ingest.yaml:1:1: expected a map with the sections listen, tls, database, limits, "
        "retention, server, log, got a list");
  CHECK(errors_of("limits: [1, 2]\n") ==
        "ingest.yaml:1:1: limits: expected a map of keys, got a list");
  CHECK(errors_of("tls: off\n") == "ingest.yaml:1:1: tls: expected a map of keys, got \"off\"");
  CHECK(errors_of("server:\n  io_threads: {n: 2}\n") ==
        "ingest.yaml:2:3: server.io_threads: expected an integer between 1 and 64, got a map");
}

TEST_CASE("ingest config: bad values name the key and what is expected", "[unit]") {
  CHECK(errors_of("listen:\n  address: localhost\n") ==
        "ingest.yaml:2:3: listen.address: expected an IP address (e.g. 127.0.0.1, or 0.0.0.0 "
        "or :: for every interface), got \"localhost\"");
  CHECK(errors_of("listen:\n  port: 70000\n") ==
        "ingest.yaml:2:3: listen.port: expected an integer between 0 and 65535, got \"70000\"");
  CHECK(errors_of("tls:\n  enabled: yes\n") ==
        "ingest.yaml:2:3: tls.enabled: expected true or false, got \"yes\"");
  CHECK(errors_of("tls:\n  key_file: ingest.key\n") ==
        "ingest.yaml:2:3: tls.key_file: expected an absolute path, got \"ingest.key\"");
  CHECK(errors_of("database:\n  connections: 0\n") ==
        "ingest.yaml:2:3: database.connections: expected an integer between 1 and 64, got "
        "\"0\"");
  CHECK(errors_of("limits:\n  max_body_bytes: 8MiB\n") ==
        "ingest.yaml:2:3: limits.max_body_bytes: expected an integer between 1024 and "
        "1073741824, got \"8MiB\"");
  CHECK(errors_of("limits:\n  max_decompressed_bytes: 4294967297\n") ==
        "ingest.yaml:2:3: limits.max_decompressed_bytes: expected an integer between 1024 and "
        "4294967296, got \"4294967297\"");
  CHECK(errors_of("limits:\n  header_timeout: 0\n") ==
        "ingest.yaml:2:3: limits.header_timeout: expected a duration between 1s and 1h (e.g. "
        "30s, 5m, 1h), got \"0\"");
  CHECK(errors_of("limits:\n  database_retry_after: 2h\n") ==
        "ingest.yaml:2:3: limits.database_retry_after: expected a duration between 1s and 1h "
        "(e.g. 30s, 5m, 1h), got \"2h\"");
  CHECK(errors_of("limits:\n  max_batch_findings: 100001\n") ==
        "ingest.yaml:2:3: limits.max_batch_findings: expected an integer between 1 and "
        "100000, got \"100001\"");
  CHECK(errors_of("limits:\n  heartbeat_interval: 0s\n") ==
        "ingest.yaml:2:3: limits.heartbeat_interval: expected a duration between 1s and 1h "
        "(e.g. 30s, 5m, 1h), got \"0s\"");
  CHECK(errors_of("limits:\n  max_connections: -1\n") ==
        "ingest.yaml:2:3: limits.max_connections: expected an integer between 1 and 100000, "
        "got \"-1\"");
  for (const char* rate : {"0", "abc", "nan", "inf", "2/s", "+2"}) {
    INFO(rate);
    CHECK(errors_of("limits:\n  agent_requests_per_second: " + std::string(rate) + "\n") ==
          "ingest.yaml:2:3: limits.agent_requests_per_second: expected a number between 0.01 "
          "and 10000, got \"" + std::string(rate) + "\"");
  }
  CHECK(errors_of("limits:\n  agent_burst: 0.5\n") ==
        "ingest.yaml:2:3: limits.agent_burst: expected a number between 1 and 10000, got "
        "\"0.5\"");
  CHECK(errors_of("log:\n  level: verbose\n") ==
        "ingest.yaml:2:3: log.level: expected one of trace, debug, info, warn, error, got "
        "\"verbose\"");
}

TEST_CASE("ingest config: max_decompressed_bytes must be at least max_body_bytes", "[unit]") {
  CHECK(errors_of("limits:\n  max_body_bytes: 8388608\n  max_decompressed_bytes: 1048576\n") ==
        "ingest.yaml:3:3: limits.max_decompressed_bytes: must be at least "
        "limits.max_body_bytes (8388608), got 1048576");
  CHECK(errors_of("limits:\n  max_decompressed_bytes: 1048576\n") ==
        "ingest.yaml:2:3: limits.max_decompressed_bytes: must be at least "
        "limits.max_body_bytes (8388608), got 1048576");
  // Only the body limit was written: it is the one to point at.
  CHECK(errors_of("limits:\n  max_body_bytes: 1073741824\n") ==
        "ingest.yaml:2:3: limits.max_body_bytes: must be at most "
        "limits.max_decompressed_bytes (67108864), got 1073741824");
  // A refused value is not compared again.
  CHECK(errors_of("limits:\n  max_body_bytes: 1\n  max_decompressed_bytes: 1024\n") ==
        "ingest.yaml:2:3: limits.max_body_bytes: expected an integer between 1024 and "
        "1073741824, got \"1\"");
}

TEST_CASE("ingest config: TLS needs both files, unless it is off", "[unit]") {
  CHECK(errors_of("tls:\n  certificate_file: ''\n") ==
        "ingest.yaml:2:3: tls.certificate_file: required when tls.enabled is true "
        "(tls.enabled: false is the only way to plain HTTP)");
  CHECK(errors_of("tls:\n  enabled: true\n  certificate_file:\n  key_file: ''\n") ==
        "ingest.yaml:3:3: tls.certificate_file: required when tls.enabled is true "
        "(tls.enabled: false is the only way to plain HTTP)\n"
        "ingest.yaml:4:3: tls.key_file: required when tls.enabled is true (tls.enabled: false "
        "is the only way to plain HTTP)");
  CHECK_FALSE(test::loaded("tls:\n  enabled: false\n  key_file: ''\n").tls.enabled);
}

TEST_CASE("ingest config: YAML errors, duplicate keys and extra documents", "[unit]") {
  CHECK(errors_of("listen:\n  port: [8443\n") ==
        "ingest.yaml:3:1: invalid YAML: end of sequence flow not found");
  CHECK(errors_of("listen:\n  port: 1\n  port: 2\n") ==
        "ingest.yaml:3:3: listen.port: duplicate key (first at line 2)");
  CHECK(errors_of("log:\n  level: info\n---\nlog:\n  level: warn\n") ==
        "ingest.yaml:4:1: expected one YAML document, found 2");
}

TEST_CASE("ingest config: all problems are listed together, one per line", "[unit]") {
  CHECK(errors_of(R"(listen:
  port: http
tls:
  enabled: maybe
  key_file: ''
limits:
  max_decompressed_bytes: 2048
  idle_timeout: forever
log:
  level: loud
extra: 1
)",
                  env_of({{"ZEROTRACE_DATABASE_URL", "not a url"}})) ==
        "ingest.yaml:2:3: listen.port: expected an integer between 0 and 65535, got \"http\"\n"
        "ingest.yaml:4:3: tls.enabled: expected true or false, got \"maybe\"\n"
        "ingest.yaml:8:3: limits.idle_timeout: expected a duration between 1s and 1h (e.g. "
        "30s, 5m, 1h), got \"forever\"\n"
        "ingest.yaml:10:3: log.level: expected one of trace, debug, info, warn, error, got "
        "\"loud\"\n"
        "ingest.yaml:11:1: extra: unknown key (known keys: listen, tls, database, limits, "
        "retention, server, log)\n"
        "environment variable ZEROTRACE_DATABASE_URL: database.url: expected a PostgreSQL URL "
        "(postgresql://…) or key=value connection parameters (the value is not shown)\n"
        "ingest.yaml:7:3: limits.max_decompressed_bytes: must be at least "
        "limits.max_body_bytes (8388608), got 2048");
}

TEST_CASE("ingest config: the database URL never appears in a message", "[unit]") {
  constexpr std::string_view kPassword = "hunter2";
  const std::string url_with_tab = "\"postgresql://zt:hunter2@db/zerotrace\\tx\"";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"database:\n  url: " + url_with_tab + "\n",
       "ingest.yaml:2:3: database.url: expected one line without control characters (the "
       "value is not shown)"},
      {"database:\n  url: zt:hunter2@db\n",
       "ingest.yaml:2:3: database.url: expected a PostgreSQL URL (postgresql://…) or key=value "
       "connection parameters (the value is not shown)"},
      {"database:\n  url: [postgresql://zt:hunter2@db]\n",
       "ingest.yaml:2:3: database.url: expected text, got a list"},
      {"database:\n  url: {password: hunter2}\n",
       "ingest.yaml:2:3: database.url: expected text, got a map"},
      {"database:\n  url: postgresql://zt:hunter2@db\n  url: host=db password=hunter2\n",
       "ingest.yaml:3:3: database.url: duplicate key (first at line 2)"},
  };
  for (const auto& [yaml, message] : cases) {
    INFO(yaml);
    const std::string errors = errors_of(yaml);
    CHECK(errors == message);
    CHECK(errors.find(kPassword) == std::string::npos);
  }
  for (const char* bad : {"hunter2", "postgresql://zt:hunter2@db\n", "pass\x01hunter2=x"}) {
    INFO(bad);
    const std::string errors = errors_of("", env_of({{"ZEROTRACE_DATABASE_URL", bad}}));
    CHECK(errors.starts_with("environment variable ZEROTRACE_DATABASE_URL: database.url: "));
    CHECK(errors.find(kPassword) == std::string::npos);
  }
  // A good URL with other problems: the messages name only the other keys.
  const std::string errors =
      errors_of("database:\n  url: postgresql://zt:hunter2@db\nlog:\n  level: x\n");
  CHECK(errors.find(kPassword) == std::string::npos);
}

}  // namespace
}  // namespace zt::ingest

namespace zt::ingest {
namespace {

TEST_CASE("ingest config: retention.dependencies_older_than, 0 for off", "[unit]") {
  CHECK(test::loaded("").retention.dependencies_older_than == std::chrono::days(30));
  CHECK(test::loaded("retention:\n  dependencies_older_than: 0\n")
            .retention.dependencies_older_than == std::chrono::seconds(0));
  CHECK(test::loaded("retention:\n  dependencies_older_than: 7d\n")
            .retention.dependencies_older_than == std::chrono::days(7));
  CHECK(errors_of("retention:\n  dependencies_older_than: 4000d\n") ==
        "ingest.yaml:2:3: retention.dependencies_older_than: expected a duration between 0 "
        "(off) and 3650d (e.g. 30s, 5m, 1h, 1d), got \"4000d\"");
}

}  // namespace
}  // namespace zt::ingest
