// The collector on host trees (host root not "/": no live check ever runs): the fixture
// iot-weak (its README says what it holds: an installed broker's configuration with its
// include_dir, and a /proc with Node-RED runtimes, a mosquitto started with its own file and
// a Modbus gateway), and Debian's default broker configuration written by the test.
#include <catch2/catch.hpp>
#include <set>

#include "collectors/iot_ot/iot_ot_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/temp_tree.hpp"

using zt::collector::CollectResult;
using zt::test::TempTree;
using Set = std::set<std::string>;

namespace {

CollectResult collect_tree(const std::filesystem::path& root) {
  auto collector = zt::iot_ot::descriptor().make(zt::test::options_of(zt::iot_ot::descriptor()));
  return zt::test::collect_at(*collector, root);
}

// "device_id|finding_type|severity" of every finding.
Set findings(const CollectResult& result) {
  Set out;
  for (const auto& f : result.findings)
    out.insert(f.fields.at("device_id").get<std::string>() + "|" +
               f.fields.at("finding_type").get<std::string>() + "|" +
               std::string(zt::model::to_string(f.severity)));
  return out;
}

}  // namespace

TEST_CASE("host tree iot-weak: the installed broker's include_dir in name order, Node-RED "
          "without adminAuth, a broker's -c file, mbusd as Modbus, no live check",
          "[unit]") {
  const CollectResult result = collect_tree(zt::test::fixture_host("iot-weak"));
  CHECK(result.problems.empty());
  // allow_anonymous is global in the installed broker (no per_listener_settings): both its
  // listeners take it. Node-RED on 1881 sets adminAuth; 1880's only mentions it in comments.
  CHECK(findings(result) == Set{"0.0.0.0:1883|mqtt_anonymous_allowed|high",
                                "0.0.0.0:1883|mqtt_listener_without_tls|medium",
                                "0.0.0.0:1883|mqtt_acl_missing|medium",
                                "10.0.0.5:8883|mqtt_anonymous_allowed|high",
                                "10.0.0.5:8883|mqtt_acl_missing|medium",
                                "0.0.0.0:1880|node_red_no_admin_auth|critical",
                                "0.0.0.0:1884|mqtt_listener_without_tls|medium",
                                "0.0.0.0:1502|industrial_protocol_exposed|critical"});
  const auto& brokers = result.inventory.at("mqtt_brokers");
  REQUIRE(brokers.size() == 2);
  CHECK(brokers[0].at("config_source") == "command line");
  CHECK(brokers[1].at("config_source") == "default path");
  CHECK(brokers[1].at("config_files") ==
        nlohmann::json{"/etc/mosquitto/mosquitto.conf", "/etc/mosquitto/conf.d/10-plain.conf",
                       "/etc/mosquitto/conf.d/20-tls.conf"});
  const auto& runtimes = result.inventory.at("node_red");
  REQUIRE(runtimes.size() == 2);
  CHECK(runtimes[0].at("settings_file") == "/home/nodered/.node-red/settings.js");
  CHECK(runtimes[1].at("settings_file") == "/srv/flows/settings.js");
  CHECK(runtimes[1].at("admin_auth") == true);
  CHECK(result.inventory.at("live_checks").at("enabled") == false);
}

TEST_CASE("host tree: Debian's default broker configuration is local only mode: anonymous "
          "clients on loopback, reported low",
          "[unit]") {
  TempTree tree;
  tree.write("etc/mosquitto/mosquitto.conf",
             "pid_file /run/mosquitto/mosquitto.pid\npersistence true\n"
             "include_dir /etc/mosquitto/conf.d\n");
  tree.mkdir("etc/mosquitto/conf.d");
  const CollectResult result = collect_tree(tree.root());
  CHECK(findings(result) == Set{"127.0.0.1:1883|mqtt_anonymous_allowed|low",
                                "127.0.0.1:1883|mqtt_acl_missing|low"});
}
