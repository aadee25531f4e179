// The iot_ot collector end to end: the agent daemon runs it on the fixture host iot-weak and
// uploads; its findings are iot_ot_findings rows (device type, device id, protocol, finding
// type, severity) equal to what the one-shot report of the same tree says. The host root is
// not "/", so no live check runs in either.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tests/e2e/e2e_world.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::testing;
using namespace std::chrono_literals;
using Set = std::set<std::string>;

TEST_CASE("e2e: iot_ot findings in iot_ot_findings equal the one-shot report of the same tree",
          "[integration]") {
  const std::filesystem::path host = zt::test::fixture_host("iot-weak");
  const zt::test::Completed done =
      zt::test::run_process({agent_binary(), "--once", "--format", "json", "--collectors",
                             "iot_ot", "--host-root", host.string()});
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  Set reported;
  for (const nlohmann::json& f : nlohmann::json::parse(done.out).at("findings")) {
    const nlohmann::json& fields = f.at("fields");
    reported.insert(fields.at("device_type").get<std::string>() + " | " +
                    fields.at("device_id").get<std::string>() + " | " +
                    fields.at("protocol").get<std::string>() + " | " +
                    fields.at("finding_type").get<std::string>() + " | " +
                    f.at("severity").get<std::string>());
  }
  CHECK(reported == Set{"MQTT broker | 0.0.0.0:1883 | mqtt | mqtt_anonymous_allowed | high",
                        "MQTT broker | 0.0.0.0:1883 | mqtt | mqtt_listener_without_tls | medium",
                        "MQTT broker | 0.0.0.0:1883 | mqtt | mqtt_acl_missing | medium",
                        "MQTT broker | 10.0.0.5:8883 | mqtt | mqtt_anonymous_allowed | high",
                        "MQTT broker | 10.0.0.5:8883 | mqtt | mqtt_acl_missing | medium",
                        "MQTT broker | 0.0.0.0:1884 | mqtt | mqtt_listener_without_tls | medium",
                        "Node-RED editor | 0.0.0.0:1880 | http | node_red_no_admin_auth | critical",
                        "PLC gateway | 0.0.0.0:1502 | modbus | industrial_protocol_exposed | "
                        "critical"});

  E2eWorld world;
  AgentSetup setup = world.agent_setup();
  setup.host_root = host;
  setup.only_collector = "iot_ot";
  AgentProcess agent(setup);
  agent.start();
  REQUIRE(agent.eventually(
      [&] {
        return world.count("SELECT count(*) FROM ingested_batches") == 1 &&
               agent.spooled_batches() == 0;
      },
      60s));
  agent.stop();
  const auto rows = world.lines(
      "SELECT device_type, device_id, protocol, finding_type, severity FROM iot_ot_findings");
  CHECK(Set(rows.begin(), rows.end()) == reported);
}
