#include <filesystem>
#include <fstream>

#include "agent/config/sections.hpp"
#include "test_support.hpp"

namespace zt::agent {
namespace {

using namespace std::chrono_literals;
using test::errors_of;
using test::kCollectors;
using test::kNoEnv;
using test::loaded;

void check_defaults(const AgentConfig& config) {
  CHECK(config.agent.name.empty());
  CHECK(config.agent.host_root == "/");
  CHECK(config.agent.state_dir == "/var/lib/zerotrace-agent");
  CHECK(config.agent.log_level == "info");
  CHECK(config.scheduler.max_concurrent == 2);
  CHECK(config.scheduler.splay_percent == 10);
  CHECK(config.scheduler.nice == 10);
  CHECK(config.scheduler.idle_io);
  CHECK(config.server.url.empty());
  CHECK(config.server.enrollment_token.empty());
  CHECK(config.server.api_key.empty());
  CHECK_FALSE(config.server.allow_insecure_http);

  REQUIRE(config.collectors.size() == 2);
  const CollectorConfig& system = config.collectors.at("system");
  CHECK(system.enabled);
  CHECK(system.interval == 1h);
  CHECK(system.timeout == 5min);
  CHECK(system.options.as_json() == nlohmann::json{{"packages", true},
                                                   {"max_packages", 5000},
                                                   {"dpkg_status", "/var/lib/dpkg/status"},
                                                   {"exclude", nlohmann::json::array()},
                                                   {"sources", {"dpkg", "apk"}},
                                                   {"pairs", nlohmann::json::array()},
                                                   {"pair", ""}});
  const CollectorConfig& network = config.collectors.at("network");
  CHECK(network.enabled);
  CHECK(network.interval == 15min);
  CHECK(network.timeout == 5min);
  CHECK(network.options.as_json() == nlohmann::json::object());
}

TEST_CASE("config: built-in defaults", "[unit]") {
  const model::Result<AgentConfig> config = default_config(kCollectors, kNoEnv);
  REQUIRE(config.ok());
  check_defaults(*config);
  CHECK(config->source == "(built-in defaults)");
}

TEST_CASE("config: an empty file, comments only or empty sections give the defaults",
          "[unit]") {
  for (const char* yaml : {"", "\n", "# nothing here\n", "agent:\nscheduler:\ncollectors:\n",
                           "collectors:\n  system:\n"}) {
    INFO(yaml);
    const AgentConfig config = loaded(yaml);
    check_defaults(config);
    CHECK(config.source == "conf/agent.yaml");
  }
}

TEST_CASE("config: every key is read", "[unit]") {
  const AgentConfig config = loaded(R"(agent:
  name: web-01
  host_root: /host
  state_dir: /srv/zt
  log_level: debug
scheduler:
  max_concurrent: 16
  splay_percent: 0
  nice: 19
  idle_io: false
server:
  url: HTTPS://ingest.example.com:8443/v1
  enrollment_token: tok-123
  api_key: key-456
  allow_insecure_http: true
collectors:
  system:
    enabled: false
    interval: 2h
    timeout: 10m
    packages: False
    max_packages: 100000
    dpkg_status: /host/var/lib/dpkg/status
    exclude: [linux-image-*, "firmware"]
    sources:
  network:
    enabled: TRUE
)");
  CHECK(config.agent.name == "web-01");
  CHECK(config.agent.host_root == "/host");
  CHECK(config.agent.state_dir == "/srv/zt");
  CHECK(config.agent.log_level == "debug");
  CHECK(config.scheduler.max_concurrent == 16);
  CHECK(config.scheduler.splay_percent == 0);
  CHECK(config.scheduler.nice == 19);
  CHECK_FALSE(config.scheduler.idle_io);
  CHECK(config.server.url == "https://ingest.example.com:8443/v1");  // scheme lower-cased
  CHECK(config.server.enrollment_token.reveal() == "tok-123");
  CHECK(config.server.api_key.reveal() == "key-456");
  CHECK(config.server.allow_insecure_http);
  const CollectorConfig& system = config.collectors.at("system");
  CHECK_FALSE(system.enabled);
  CHECK(system.interval == 2h);
  CHECK(system.timeout == 10min);
  CHECK_FALSE(system.options.boolean("packages"));
  CHECK(system.options.integer("max_packages") == 100000);
  CHECK(system.options.text("dpkg_status") == "/host/var/lib/dpkg/status");
  CHECK(system.options.text_list("exclude") ==
        std::vector<std::string>{"linux-image-*", "firmware"});
  CHECK(system.options.text_list("sources").empty());  // `sources:` alone: an empty list
  CHECK(config.collectors.at("network").enabled);
}

TEST_CASE("config: server urls", "[unit]") {
  CHECK(loaded("server:\n  url: https://10.0.0.5\n").server.url == "https://10.0.0.5");
  CHECK(loaded("server:\n  url: https://[::1]:8443/\n").server.url == "https://[::1]:8443/");
  CHECK(loaded("server:\n  url: ''\n").server.url.empty());
  CHECK(loaded("server:\n  url:\n").server.url.empty());
  CHECK(loaded("server:\n  url: http://localhost:8080\n  allow_insecure_http: true\n")
            .server.url == "http://localhost:8080");

  const std::string expected =
      "expected an http(s) URL with a host (e.g. https://zerotrace.example.com) or an empty "
      "value, got ";
  CHECK(errors_of("server:\n  url: ftp://example.com\n") ==
        "conf/agent.yaml:2:3: server.url: " + expected + "\"ftp://example.com\"");
  CHECK(errors_of("server:\n  url: example.com\n") ==
        "conf/agent.yaml:2:3: server.url: " + expected + "\"example.com\"");
  CHECK(errors_of("server:\n  url: https:///path\n") ==
        "conf/agent.yaml:2:3: server.url: " + expected + "\"https:///path\"");
  CHECK(errors_of("server:\n  url: https://host:99999\n") ==
        "conf/agent.yaml:2:3: server.url: " + expected + "\"https://host:99999\"");
  CHECK(errors_of("server:\n  url: 'https://host:'\n") ==
        "conf/agent.yaml:2:3: server.url: " + expected + "\"https://host:\"");
  CHECK(errors_of("server:\n  url: {a: b}\n") ==
        "conf/agent.yaml:2:3: server.url: " + expected + "a map");
}

TEST_CASE("config: plain http needs allow_insecure_http", "[unit]") {
  CHECK(errors_of("server:\n  allow_insecure_http: false\n  url: http://ingest.local\n") ==
        "conf/agent.yaml:3:3: server.url: http:// sends the api_key unencrypted; use https:// "
        "or set server.allow_insecure_http: true");
}

TEST_CASE("config: a url with credentials is refused without echoing it", "[unit]") {
  const std::string message = errors_of("server:\n  url: https://bob:hunter2@ingest.local\n");
  CHECK(message ==
        "conf/agent.yaml:2:3: server.url: must not contain a user name or password (the agent "
        "authenticates with server.api_key)");
  CHECK(message.find("hunter2") == std::string::npos);
}

TEST_CASE("config: unknown keys list the known keys of their section", "[unit]") {
  CHECK(errors_of("agent:\n  hots_root: /\n") ==
        "conf/agent.yaml:2:3: agent.hots_root: unknown key (known keys: name, host_root, "
        "state_dir, log_level)");
  CHECK(errors_of("scheduler:\n  max_concurent: 2\n") ==
        "conf/agent.yaml:2:3: scheduler.max_concurent: unknown key (known keys: max_concurrent, "
        "splay_percent, nice, idle_io)");
  CHECK(errors_of("server:\n  token: x\n") ==
        "conf/agent.yaml:2:3: server.token: unknown key (known keys: url, enrollment_token, "
        "api_key, allow_insecure_http, ca_file, client_certificate, client_key, proxy, "
        "connect_timeout, request_timeout, heartbeat_interval)");
  CHECK(errors_of("# top\nagnet:\n  name: x\n") ==
        "conf/agent.yaml:2:1: agnet: unknown key (known keys: agent, scheduler, server, "
        "upload, collectors)");
  CHECK(errors_of("collectors:\n  system:\n    package: true\n") ==
        "conf/agent.yaml:3:5: collectors.system.package: unknown key (known keys: enabled, "
        "interval, timeout, packages, max_packages, dpkg_status, exclude, sources, pairs, "
        "pair)");
  CHECK(errors_of("collectors:\n  network:\n    ports: [22]\n") ==
        "conf/agent.yaml:3:5: collectors.network.ports: unknown key (known keys: enabled, "
        "interval, timeout)");
}

TEST_CASE("config: an unknown collector lists the known collectors", "[unit]") {
  CHECK(errors_of("collectors:\n  sytem:\n    enabled: false\n") ==
        "conf/agent.yaml:2:3: collectors.sytem: unknown collector (known collectors: system, "
        "network)");
  CHECK(parse_config("collectors:\n  system: {}\n", "a.yaml", {}, kNoEnv).error().message ==
        "a.yaml:2:3: collectors.system: unknown collector (known collectors: none)");
}

TEST_CASE("config: wrong types", "[unit]") {
  CHECK(errors_of("agent: [name, host_root]\n") ==
        "conf/agent.yaml:1:1: agent: expected a map of keys, got a list");
  CHECK(errors_of("collectors:\n  - system\n") ==
        "conf/agent.yaml:1:1: collectors: expected a map of keys, got a list");
  CHECK(errors_of("collectors:\n  system: off\n") ==
        "conf/agent.yaml:2:3: collectors.system: expected a map of keys, got \"off\"");
  CHECK(errors_of("- agent\n- server\n") ==
        "conf/agent.yaml:1:1: expected a map with the sections agent, scheduler, server, "
        "upload, collectors, got a list");
  CHECK(errors_of("just text\n") ==
        "conf/agent.yaml:1:1: expected a map with the sections agent, scheduler, server, "
        "upload, collectors, got \"just text\"");
  CHECK(errors_of("scheduler:\n  idle_io: yes please\n") ==
        "conf/agent.yaml:2:3: scheduler.idle_io: expected true or false, got \"yes please\"");
  CHECK(errors_of("scheduler:\n  idle_io: yes\n") ==
        "conf/agent.yaml:2:3: scheduler.idle_io: expected true or false, got \"yes\"");
  CHECK(errors_of("scheduler:\n  idle_io:\n") ==
        "conf/agent.yaml:2:3: scheduler.idle_io: expected true or false, got nothing");
  CHECK(errors_of("scheduler:\n  max_concurrent: {n: 2}\n") ==
        "conf/agent.yaml:2:3: scheduler.max_concurrent: expected an integer between 1 and 16, "
        "got a map");
  CHECK(errors_of("agent:\n  name: [a]\n") ==
        "conf/agent.yaml:2:3: agent.name: expected text, got a list");
  CHECK(errors_of("collectors:\n  system:\n    packages: 1\n") ==
        "conf/agent.yaml:3:5: collectors.system.packages: expected true or false, got \"1\"");
  CHECK(errors_of("collectors:\n  system:\n    dpkg_status: [a]\n") ==
        "conf/agent.yaml:3:5: collectors.system.dpkg_status: expected text, got a list");
  CHECK(errors_of("collectors:\n  system:\n    exclude: foo\n") ==
        "conf/agent.yaml:3:5: collectors.system.exclude: expected a list of text, got \"foo\"");
  CHECK(errors_of("collectors:\n  system:\n    exclude:\n      - ok\n      - {a: b}\n") ==
        "conf/agent.yaml:5:9: collectors.system.exclude[1]: expected text, got a map");
}

TEST_CASE("config: values out of range or not allowed", "[unit]") {
  CHECK(errors_of("scheduler:\n  max_concurrent: 40\n") ==
        "conf/agent.yaml:2:3: scheduler.max_concurrent: expected an integer between 1 and 16, "
        "got \"40\"");
  CHECK(errors_of("scheduler:\n  splay_percent: -1\n") ==
        "conf/agent.yaml:2:3: scheduler.splay_percent: expected an integer between 0 and 50, "
        "got \"-1\"");
  CHECK(errors_of("scheduler:\n  nice: 2.5\n") ==
        "conf/agent.yaml:2:3: scheduler.nice: expected an integer between 0 and 19, got \"2.5\"");
  CHECK(errors_of("agent:\n  log_level: verbose\n") ==
        "conf/agent.yaml:2:3: agent.log_level: expected one of trace, debug, info, warn, error, "
        "got \"verbose\"");
  CHECK(errors_of("agent:\n  host_root: host\n") ==
        "conf/agent.yaml:2:3: agent.host_root: expected an absolute path, got \"host\"");
  CHECK(errors_of("agent:\n  state_dir: ''\n") ==
        "conf/agent.yaml:2:3: agent.state_dir: expected an absolute path, got \"\"");
  CHECK(errors_of("collectors:\n  system:\n    max_packages: 0\n") ==
        "conf/agent.yaml:3:5: collectors.system.max_packages: expected an integer between 1 and "
        "100000, got \"0\"");
}

TEST_CASE("config: an option's own check rejects a value where it is written", "[unit]") {
  CHECK(errors_of("collectors:\n  system:\n    pairs: [ab, abc, cd, \"1\"]\n") ==
        "conf/agent.yaml:3:17: collectors.system.pairs[1]: \"abc\" is not an even number of "
        "letters\n"
        "conf/agent.yaml:3:26: collectors.system.pairs[3]: \"1\" is not an even number of "
        "letters");
  CHECK(errors_of("collectors:\n  system:\n    pair: abc\n") ==
        "conf/agent.yaml:3:5: collectors.system.pair: \"abc\" is not an even number of "
        "letters");
  const AgentConfig config =
      loaded("collectors:\n  system:\n    pairs: [ab, cdef]\n    pair: xy\n");
  CHECK(config.collectors.at("system").options.text_list("pairs") ==
        std::vector<std::string>{"ab", "cdef"});
  CHECK(config.collectors.at("system").options.text("pair") == "xy");
}

TEST_CASE("config: a YAML syntax error names its line and column", "[unit]") {
  CHECK(errors_of("agent:\n  name: [web\n") ==
        "conf/agent.yaml:3:1: invalid YAML: end of sequence flow not found");
  CHECK(errors_of("agent:\n  name: a\n bad: b\n") ==
        "conf/agent.yaml:3:2: invalid YAML: end of map not found");
}

TEST_CASE("config: duplicate keys and extra documents are errors", "[unit]") {
  CHECK(errors_of("agent:\n  name: a\n  name: b\n") ==
        "conf/agent.yaml:3:3: agent.name: duplicate key (first at line 2)");
  CHECK(errors_of("agent:\n  name: a\n---\nagent:\n  name: b\n") ==
        "conf/agent.yaml:4:1: expected one YAML document, found 2");
}

TEST_CASE("config: all errors are reported together, one per line", "[unit]") {
  CHECK(errors_of(R"(agent:
  hots_root: /
  log_level: loud
scheduler:
  nice: 40
collectors:
  system:
    interval: abc
    packages: yes please
  nope: {}
)") == "conf/agent.yaml:2:3: agent.hots_root: unknown key (known keys: name, host_root, "
       "state_dir, log_level)\n"
       "conf/agent.yaml:3:3: agent.log_level: expected one of trace, debug, info, warn, error, "
       "got \"loud\"\n"
       "conf/agent.yaml:5:3: scheduler.nice: expected an integer between 0 and 19, got \"40\"\n"
       "conf/agent.yaml:8:5: collectors.system.interval: expected a duration between 60s and 7d "
       "(e.g. 5m, 1h, 1d), got \"abc\"\n"
       "conf/agent.yaml:9:5: collectors.system.packages: expected true or false, got \"yes "
       "please\"\n"
       "conf/agent.yaml:10:3: collectors.nope: unknown collector (known collectors: system, "
       "network)");
}

TEST_CASE("config: a long value is shortened in the message", "[unit]") {
  const std::string name(100, 'x');
  CHECK(errors_of("agent:\n  log_level: " + name + "\n") ==
        "conf/agent.yaml:2:3: agent.log_level: expected one of trace, debug, info, warn, error, "
        "got \"" + std::string(60, 'x') + "...\"");
}

TEST_CASE("config: load_config reads the file and names it in errors", "[unit]") {
  const std::filesystem::path dir = std::filesystem::path(ZT_BINARY_DIR) / "config_loader_test";
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "agent.yaml";
  std::ofstream(file) << "agent:\n  name: from-file\n  nice: 1\n";

  const model::Result<AgentConfig> bad = load_config(file, kCollectors, kNoEnv);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message ==
        file.string() + ":3:3: agent.nice: unknown key (known keys: name, host_root, state_dir, "
                        "log_level)");

  std::ofstream(file) << "agent:\n  name: from-file\n";
  const model::Result<AgentConfig> good = load_config(file, kCollectors, kNoEnv);
  REQUIRE(good.ok());
  CHECK(good->agent.name == "from-file");
  CHECK(good->source == file.string());

  const model::Result<AgentConfig> missing = load_config(dir / "nope.yaml", kCollectors, kNoEnv);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == (dir / "nope.yaml").string() +
                                       ": cannot read the configuration file: No such file or "
                                       "directory");

  const model::Result<AgentConfig> directory = load_config(dir, kCollectors, kNoEnv);
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.error().message ==
        dir.string() + ": cannot read the configuration file: it is a directory");
  std::filesystem::remove_all(dir);
}

TEST_CASE("config: documented_keys lists every key once, with its environment variable",
          "[unit]") {
  const std::vector<config::KeyDoc> docs = documented_keys(kCollectors);
  REQUIRE(docs.size() == 4 + 4 + 11 + 9 + (3 + 7) + 3);
  CHECK(docs.front().key == "agent.name");
  CHECK(docs.back().key == "collectors.network.timeout");
  std::vector<std::string> with_environment;
  for (const config::KeyDoc& doc : docs) {
    CHECK_FALSE(doc.help.empty());
    if (!doc.environment.empty()) with_environment.push_back(doc.key + "=" + doc.environment);
  }
  CHECK(with_environment == std::vector<std::string>{
                                "agent.host_root=ZEROTRACE_AGENT_HOST_ROOT",
                                "server.url=ZEROTRACE_SERVER_URL",
                                "server.enrollment_token=ZEROTRACE_SERVER_ENROLLMENT_TOKEN",
                                "server.api_key=ZEROTRACE_SERVER_API_KEY",
                                "server.ca_file=ZEROTRACE_SERVER_CA_FILE",
                                "server.proxy=ZEROTRACE_SERVER_PROXY"});
}

TEST_CASE("config: the server's TLS files and the upload settings", "[unit]") {
  const auto config = parse_config(
      "server:\n  url: https://ingest.example.com\n  ca_file: /etc/zt/ca.pem\n"
      "  client_certificate: /etc/zt/agent.pem\n  client_key: /etc/zt/agent.key\n"
      "  request_timeout: 30s\n  heartbeat_interval: 5m\n"
      "upload:\n  spool_max_mib: 64\n  batch_max_findings: 500\n  backoff_cap: 1m\n"
      "  server_error_limit: 3\n  server_error_span: 0s\n",
      "conf/agent.yaml", kCollectors, kNoEnv);
  REQUIRE(config.ok());
  CHECK(config->server.ca_file == "/etc/zt/ca.pem");
  CHECK(config->server.client_key == "/etc/zt/agent.key");
  CHECK(config->server.request_timeout == std::chrono::seconds(30));
  CHECK(config->server.heartbeat_interval == std::chrono::minutes(5));
  CHECK(config->upload.spool_max_mib == 64);
  CHECK(config->upload.batch_max_findings == 500);
  CHECK(config->upload.backoff_cap == std::chrono::minutes(1));
  CHECK(config->upload.server_error_limit == 3);
  CHECK(config->upload.server_error_span == std::chrono::seconds(0));
  const auto defaults = parse_config("", "conf/agent.yaml", kCollectors, kNoEnv);
  REQUIRE(defaults.ok());
  CHECK(defaults->upload.server_error_limit == 10);
  CHECK(defaults->upload.server_error_span == std::chrono::hours(1));

  CHECK(errors_of("server:\n  client_certificate: /etc/zt/agent.pem\n") ==
        "conf/agent.yaml:2:3: server.client_certificate: client_certificate and client_key go "
        "together; set both or neither");
  CHECK(errors_of("server:\n  ca_file: ca.pem\n") ==
        "conf/agent.yaml:2:3: server.ca_file: expected an absolute path, got \"ca.pem\"");
  CHECK(errors_of("upload:\n  backoff_initial: 10m\n  backoff_cap: 2m\n") ==
        "conf/agent.yaml:3:3: upload.backoff_cap: must be at least backoff_initial (10m), got 2m");
  CHECK(errors_of("upload:\n  batch_max_findings: 0\n") ==
        "conf/agent.yaml:2:3: upload.batch_max_findings: expected an integer between 1 and "
        "100000, got \"0\"");
  CHECK(errors_of("upload:\n  server_error_limit: 0\n") ==
        "conf/agent.yaml:2:3: upload.server_error_limit: expected an integer between 1 and "
        "1000, got \"0\"");
  CHECK_THAT(errors_of("upload:\n  server_error_span: 31d\n"),
             Catch::StartsWith("conf/agent.yaml:2:3: upload.server_error_span: expected a "
                               "duration between 0s and 30d"));
}

}  // namespace
}  // namespace zt::agent
