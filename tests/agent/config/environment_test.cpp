#include <set>

#include "test_support.hpp"

namespace zt::agent {
namespace {

using test::env_of;
using test::errors_of;
using test::kCollectors;
using test::loaded;

TEST_CASE("config: environment variables override the file", "[unit]") {
  const AgentConfig config = loaded(R"(agent:
  host_root: /
server:
  url: https://from-file.example.com
  api_key: file-key
)",
                                    env_of({{"ZEROTRACE_SERVER_URL", "https://from-env.example.com"},
                                            {"ZEROTRACE_SERVER_API_KEY", "env-key"},
                                            {"ZEROTRACE_SERVER_ENROLLMENT_TOKEN", "env-token"},
                                            {"ZEROTRACE_AGENT_HOST_ROOT", "/host"}}));
  CHECK(config.server.url == "https://from-env.example.com");
  CHECK(config.server.api_key.reveal() == "env-key");
  CHECK(config.server.enrollment_token.reveal() == "env-token");
  CHECK(config.agent.host_root == "/host");
}

TEST_CASE("config: environment variables apply without a file", "[unit]") {
  const model::Result<AgentConfig> config =
      default_config(kCollectors, env_of({{"ZEROTRACE_SERVER_URL", "https://ingest.example.com"}}));
  REQUIRE(config.ok());
  CHECK(config->server.url == "https://ingest.example.com");
  CHECK(config->source == "(built-in defaults)");
}

TEST_CASE("config: unset or empty variables change nothing", "[unit]") {
  const AgentConfig config = loaded("server:\n  url: https://from-file.example.com\n",
                                    env_of({{"ZEROTRACE_SERVER_URL", ""},
                                            {"ZEROTRACE_AGENT_HOST_ROOT", ""}}));
  CHECK(config.server.url == "https://from-file.example.com");
  CHECK(config.agent.host_root == "/");
}

TEST_CASE("config: only the documented variables are read", "[unit]") {
  std::set<std::string, std::less<>> asked;
  const config::EnvLookup recorder = [&](std::string_view name) {
    asked.emplace(name);
    return std::optional<std::string>();
  };
  REQUIRE(default_config(kCollectors, recorder).ok());
  CHECK(asked == std::set<std::string, std::less<>>{
                     "ZEROTRACE_AGENT_HOST_ROOT", "ZEROTRACE_SERVER_API_KEY",
                     "ZEROTRACE_SERVER_CA_FILE", "ZEROTRACE_SERVER_ENROLLMENT_TOKEN",
                     "ZEROTRACE_SERVER_PROXY", "ZEROTRACE_SERVER_URL"});
}

TEST_CASE("config: a bad environment value names the variable", "[unit]") {
  CHECK(errors_of("", env_of({{"ZEROTRACE_AGENT_HOST_ROOT", "relative/path"}})) ==
        "environment variable ZEROTRACE_AGENT_HOST_ROOT: agent.host_root: expected an absolute "
        "path, got \"relative/path\"");
  CHECK(errors_of("", env_of({{"ZEROTRACE_SERVER_URL", "ingest.example.com"}})) ==
        "environment variable ZEROTRACE_SERVER_URL: server.url: expected an http(s) URL with a "
        "host (e.g. https://zerotrace.example.com) or an empty value, got "
        "\"ingest.example.com\"");
}

TEST_CASE("config: plain http from the environment is checked against the file", "[unit]") {
  const auto env = env_of({{"ZEROTRACE_SERVER_URL", "http://ingest.local"}});
  CHECK(errors_of("server:\n  url: https://ingest.example.com\n", env) ==
        "environment variable ZEROTRACE_SERVER_URL: server.url: http:// sends the api_key "
        "unencrypted; use https:// or set server.allow_insecure_http: true");
  CHECK(loaded("server:\n  allow_insecure_http: true\n", env).server.url == "http://ingest.local");
}

TEST_CASE("config: a good environment value does not hide an error in the file", "[unit]") {
  CHECK(errors_of("agent:\n  host_root: relative\n",
                  env_of({{"ZEROTRACE_AGENT_HOST_ROOT", "/host"}})) ==
        "conf/agent.yaml:2:3: agent.host_root: expected an absolute path, got \"relative\"");
}

TEST_CASE("config: file and environment errors are reported together", "[unit]") {
  CHECK(errors_of("scheduler:\n  nice: 20\n",
                  env_of({{"ZEROTRACE_AGENT_HOST_ROOT", "host"}})) ==
        "conf/agent.yaml:2:3: scheduler.nice: expected an integer between 0 and 19, got \"20\"\n"
        "environment variable ZEROTRACE_AGENT_HOST_ROOT: agent.host_root: expected an absolute "
        "path, got \"host\"");
}

}  // namespace
}  // namespace zt::agent
