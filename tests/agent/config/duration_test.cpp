#include "test_support.hpp"

namespace zt::agent {
namespace {

using namespace std::chrono_literals;
using test::errors_of;
using test::loaded;

TEST_CASE("config: durations in the file, as seconds or with a unit", "[unit]") {
  const AgentConfig config = loaded(R"(collectors:
  system:
    interval: 90
    timeout: "30s"
  network:
    interval: 1d
    timeout: 1h
)");
  CHECK(config.collectors.at("system").interval == 90s);
  CHECK(config.collectors.at("system").timeout == 30s);
  CHECK(config.collectors.at("network").interval == 24h);
  CHECK(config.collectors.at("network").timeout == 1h);
}

TEST_CASE("config: interval and timeout at the ends of their ranges", "[unit]") {
  const AgentConfig config = loaded(R"(collectors:
  system:
    interval: 60s
    timeout: 1s
  network:
    interval: 7d
    timeout: 1h
)");
  CHECK(config.collectors.at("system").interval == 60s);
  CHECK(config.collectors.at("system").timeout == 1s);
  CHECK(config.collectors.at("network").interval == 7 * 24h);
}

TEST_CASE("config: a bad or out-of-range duration names the key and the range", "[unit]") {
  CHECK(errors_of(R"(collectors:
  system:
    interval: abc
)") == "conf/agent.yaml:3:5: collectors.system.interval: expected a duration between 60s and "
       "7d (e.g. 5m, 1h, 1d), got \"abc\"");
  CHECK(errors_of(R"(collectors:
  system:
    interval: 59s
)") == "conf/agent.yaml:3:5: collectors.system.interval: expected a duration between 60s and "
       "7d (e.g. 5m, 1h, 1d), got \"59s\"");
  CHECK(errors_of(R"(collectors:
  system:
    interval: 8d
)") == "conf/agent.yaml:3:5: collectors.system.interval: expected a duration between 60s and "
       "7d (e.g. 5m, 1h, 1d), got \"8d\"");
  CHECK(errors_of(R"(collectors:
  network:
    timeout: 0
)") == "conf/agent.yaml:3:5: collectors.network.timeout: expected a duration between 1s and 1h "
       "(e.g. 30s, 5m, 1h), got \"0\"");
  CHECK(errors_of(R"(collectors:
  network:
    timeout: [5m]
)") == "conf/agent.yaml:3:5: collectors.network.timeout: expected a duration between 1s and 1h "
       "(e.g. 30s, 5m, 1h), got a list");
}

TEST_CASE("config: the timeout must be less than the interval", "[unit]") {
  CHECK(errors_of(R"(collectors:
  system:
    interval: 10m
    timeout: 10m
)") == "conf/agent.yaml:4:5: collectors.system.timeout: must be less than the interval (10m), "
       "got 10m");
  // Against the collector's default interval (15m).
  CHECK(errors_of(R"(collectors:
  network:
    timeout: 20m
)") == "conf/agent.yaml:3:5: collectors.network.timeout: must be less than the interval (15m), "
       "got 20m");
}

TEST_CASE("config: an unset timeout is 5m, or half the interval if that is less", "[unit]") {
  const AgentConfig config = loaded(R"(collectors:
  system:
    interval: 2m
  network:
    interval: 1d
)");
  CHECK(config.collectors.at("system").timeout == 60s);
  CHECK(config.collectors.at("network").timeout == 5min);
}

}  // namespace
}  // namespace zt::agent
