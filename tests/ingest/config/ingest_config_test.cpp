// The ingest's configuration: defaults, every key, the environment override and the secret.
#include <filesystem>

#include "test_support.hpp"
#include "tests/support/temp_tree.hpp"

namespace zt::ingest {
namespace {

using namespace std::chrono_literals;
using test::env_of;
using test::errors_of;
using test::kNoEnv;
using test::loaded;

void check_defaults(const IngestConfig& config) {
  CHECK(config.listen.address == "127.0.0.1");
  CHECK(config.listen.port == 8443);
  CHECK(config.tls.enabled);
  CHECK(config.tls.certificate_file == "/etc/zerotrace/ingest.crt");
  CHECK(config.tls.key_file == "/etc/zerotrace/ingest.key");
  CHECK(config.database_url.empty());
  CHECK(config.database_connections == 4);
  CHECK(config.limits.max_body_bytes == 8 * 1024 * 1024);
  CHECK(config.limits.max_decompressed_bytes == 64 * 1024 * 1024);
  CHECK(config.limits.header_timeout == 10s);
  CHECK(config.limits.body_timeout == 60s);
  CHECK(config.limits.idle_timeout == 60s);
  CHECK(config.limits.max_connections == 256);
  CHECK(config.limits.agent_requests_per_second == 2.0);
  CHECK(config.limits.agent_burst == 20.0);
  CHECK(config.limits.database_retry_after == 5s);
  CHECK(config.limits.heartbeat_interval == 60s);
  CHECK(config.limits.max_batch_findings == 1000);
  CHECK(config.io_threads == 1);
  CHECK(config.log_level == "info");
}

TEST_CASE("ingest config: built-in defaults", "[unit]") {
  const model::Result<IngestConfig> config = default_ingest_config(kNoEnv);
  REQUIRE(config.ok());
  check_defaults(*config);
  CHECK(config->source == "(built-in defaults)");
}

TEST_CASE("ingest config: an empty file, comments only or empty sections give the defaults",
          "[unit]") {
  for (const char* yaml : {"", "\n", "# nothing here\n", "listen:\ntls:\nlimits:\nlog:\n", "~\n"}) {
    INFO(yaml);
    const IngestConfig config = loaded(yaml);
    check_defaults(config);
    CHECK(config.source == "ingest.yaml");
  }
}

TEST_CASE("ingest config: every key is read", "[unit]") {
  const IngestConfig config = loaded(R"(listen:
  address: "::"
  port: 0
tls:
  enabled: false
  certificate_file: ""
  key_file:
database:
  url: postgresql://zt_ingest:pw@db.example.com:5432/zerotrace?sslmode=verify-full
  connections: 16
limits:
  max_body_bytes: 1048576
  max_decompressed_bytes: 1048576
  header_timeout: 5s
  body_timeout: 2m
  idle_timeout: 1h
  max_connections: 100000
  agent_requests_per_second: 0.5
  agent_burst: 1e3
  database_retry_after: 30
  heartbeat_interval: 15s
  max_batch_findings: 100000
server:
  io_threads: 4
log:
  level: debug
)");
  CHECK(config.listen.address == "::");
  CHECK(config.listen.port == 0);
  CHECK_FALSE(config.tls.enabled);
  CHECK(config.tls.certificate_file.empty());
  CHECK(config.tls.key_file.empty());
  CHECK(config.database_url.reveal() ==
        "postgresql://zt_ingest:pw@db.example.com:5432/zerotrace?sslmode=verify-full");
  CHECK(config.database_connections == 16);
  CHECK(config.limits.max_body_bytes == 1048576);
  CHECK(config.limits.max_decompressed_bytes == 1048576);
  CHECK(config.limits.header_timeout == 5s);
  CHECK(config.limits.body_timeout == 2min);
  CHECK(config.limits.idle_timeout == 1h);
  CHECK(config.limits.max_connections == 100000);
  CHECK(config.limits.agent_requests_per_second == 0.5);
  CHECK(config.limits.agent_burst == 1000.0);
  CHECK(config.limits.database_retry_after == 30s);
  CHECK(config.limits.heartbeat_interval == 15s);
  CHECK(config.limits.max_batch_findings == 100000);
  CHECK(config.io_threads == 4);
  CHECK(config.log_level == "debug");
}

TEST_CASE("ingest config: addresses, ports and database URLs that are accepted", "[unit]") {
  CHECK(loaded("listen:\n  address: 0.0.0.0\n").listen.address == "0.0.0.0");
  CHECK(loaded("listen:\n  address: fe80::1\n  port: 65535\n").listen.port == 65535);
  CHECK(loaded("database:\n  url: host=db dbname=zerotrace user=zt password='a b'\n")
            .database_url.reveal() == "host=db dbname=zerotrace user=zt password='a b'");
  CHECK(loaded("database:\n  url: postgres:///zerotrace\n").database_url.reveal() ==
        "postgres:///zerotrace");
  CHECK(loaded("database:\n  url: ''\n").database_url.empty());
  CHECK(loaded("tls:\n  certificate_file: /srv/tls/chain.pem\n").tls.certificate_file ==
        "/srv/tls/chain.pem");
}

TEST_CASE("ingest config: ZEROTRACE_DATABASE_URL overrides database.url", "[unit]") {
  const auto env = env_of({{"ZEROTRACE_DATABASE_URL", "postgresql://env@db/zerotrace"}});
  CHECK(loaded("database:\n  url: postgresql://file@db/zerotrace\n", env).database_url.reveal() ==
        "postgresql://env@db/zerotrace");
  const model::Result<IngestConfig> no_file = default_ingest_config(env);
  REQUIRE(no_file.ok());
  CHECK(no_file->database_url.reveal() == "postgresql://env@db/zerotrace");
  // Unset or empty: the file's value stands.
  CHECK(loaded("database:\n  url: host=db\n", env_of({{"ZEROTRACE_DATABASE_URL", ""}}))
            .database_url.reveal() == "host=db");
}

TEST_CASE("ingest config: only ZEROTRACE_DATABASE_URL is read", "[unit]") {
  std::vector<std::string> asked;
  const config::EnvLookup recorder = [&](std::string_view name) {
    asked.emplace_back(name);
    return std::optional<std::string>();
  };
  REQUIRE(default_ingest_config(recorder).ok());
  CHECK(asked == std::vector<std::string>{"ZEROTRACE_DATABASE_URL"});
}

TEST_CASE("ingest config: load_ingest_config reads the file and names it", "[unit]") {
  const zt::test::TempTree tree;
  const std::filesystem::path file = tree.write("ingest.yaml", "log:\n  level: warn\n");
  const model::Result<IngestConfig> good = load_ingest_config(file, kNoEnv);
  REQUIRE(good.ok());
  CHECK(good->log_level == "warn");
  CHECK(good->source == file.string());

  tree.write("ingest.yaml", "log:\n  levle: warn\n");
  const model::Result<IngestConfig> bad = load_ingest_config(file, kNoEnv);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == file.string() + ":2:3: log.levle: unknown key (known keys: level)");

  const model::Result<IngestConfig> missing = load_ingest_config(tree.root() / "no.yaml", kNoEnv);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == (tree.root() / "no.yaml").string() +
                                       ": cannot read the configuration file: No such file or "
                                       "directory");
}

TEST_CASE("ingest config: documented keys, with the one environment variable", "[unit]") {
  const std::vector<config::KeyDoc> docs = documented_ingest_keys();
  REQUIRE(docs.size() == 2 + 3 + 2 + 13 + 1 + 1 + 1);
  CHECK(docs.front().key == "listen.address");
  CHECK(docs.back().key == "log.level");
  std::vector<std::string> with_environment;
  for (const config::KeyDoc& doc : docs) {
    CHECK_FALSE(doc.help.empty());
    if (!doc.environment.empty()) with_environment.push_back(doc.key + "=" + doc.environment);
  }
  CHECK(with_environment == std::vector<std::string>{"database.url=ZEROTRACE_DATABASE_URL"});
}

}  // namespace
}  // namespace zt::ingest
