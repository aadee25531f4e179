#include "test_support.hpp"

namespace zt::agent {
namespace {

using test::env_of;
using test::errors_of;
using test::loaded;

TEST_CASE("config: secrets from the file", "[unit]") {
  const AgentConfig config = loaded("server:\n  api_key: k-123\n  enrollment_token: ''\n");
  CHECK(config.server.api_key.describe() == "(set)");
  CHECK(config.server.enrollment_token.describe() == "(not set)");
}

TEST_CASE("config: a bad secret in the file is not echoed", "[unit]") {
  const std::string message = errors_of("server:\n  api_key: my secret key\n");
  CHECK(message ==
        "conf/agent.yaml:2:3: server.api_key: expected one word without spaces or control "
        "characters (the value is not shown)");
  CHECK(message.find("my secret") == std::string::npos);
  CHECK(errors_of("server:\n  enrollment_token: [abc, def]\n") ==
        "conf/agent.yaml:2:3: server.enrollment_token: expected text, got a list");
}

TEST_CASE("config: a bad secret in the environment is not echoed", "[unit]") {
  const std::string message =
      errors_of("", env_of({{"ZEROTRACE_SERVER_API_KEY", "hunter2\n"},
                            {"ZEROTRACE_SERVER_ENROLLMENT_TOKEN", "tab\tbed"}}));
  CHECK(message ==
        "environment variable ZEROTRACE_SERVER_ENROLLMENT_TOKEN: server.enrollment_token: "
        "expected one word without spaces or control characters (the value is not shown)\n"
        "environment variable ZEROTRACE_SERVER_API_KEY: server.api_key: expected one word "
        "without spaces or control characters (the value is not shown)");
  CHECK(message.find("hunter2") == std::string::npos);
  CHECK(message.find("bed") == std::string::npos);
}

}  // namespace
}  // namespace zt::agent
