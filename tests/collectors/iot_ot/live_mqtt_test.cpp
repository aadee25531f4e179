// The collector on this machine (host root "/") against real mosquitto brokers started by the
// test: one open to anonymous clients on every interface, one hardened (TLS, password file,
// ACL, no anonymous clients) on every interface, and one with per-listener settings on
// loopback. mosquitto_pub (mosquitto-clients) is the oracle of what an anonymous client gets.
// Other brokers may run on this host, so only the test's own listeners are looked at.
#include <catch2/catch.hpp>
#include <set>

#include "collectors/iot_ot/iot_ot_collector.hpp"
#include "tests/collectors/iot_ot/mosquitto_broker.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/process.hpp"
#include "tests/support/tls_files.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::collector::CollectResult;
using zt::test::MosquittoBroker;
using Set = std::set<std::string>;

namespace {

CollectResult collect_live() {
  auto collector = zt::iot_ot::descriptor().make(zt::test::options_of(zt::iot_ot::descriptor()));
  return zt::test::collect_at(*collector, "/", std::stop_token{}, 30s);
}

// "finding_type|severity" of every finding on `device_id`.
Set findings_on(const CollectResult& result, const std::string& device_id) {
  Set out;
  for (const auto& f : result.findings)
    if (f.fields.at("device_id") == device_id)
      out.insert(f.fields.at("finding_type").get<std::string>() + "|" +
                 std::string(zt::model::to_string(f.severity)));
  return out;
}

// The live checks the inventory lists for the broker whose config is `config`.
json live_checks_of(const CollectResult& result, const std::string& config) {
  for (const json& b : result.inventory.at("mqtt_brokers"))
    if (!b.at("config_files").empty() && b.at("config_files").front() == config)
      return b.at("live_checks");
  FAIL("no broker with " << config << " in " << result.inventory.dump(2));
  return nullptr;
}

// mosquitto_pub's exit code for one anonymous message to 127.0.0.1:`port`.
int anonymous_publish(unsigned short port, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> argv = {"/usr/bin/mosquitto_pub", "-h", "127.0.0.1", "-p",
                                   std::to_string(port),     "-t", "zt/check",  "-m",
                                   "x"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return zt::test::run_process(argv).exit_code;
}

std::string device(const std::string& address, unsigned short port) {
  return address + ":" + std::to_string(port);
}

}  // namespace

TEST_CASE("live MQTT: a broker open to anonymous clients on every interface gives its four "
          "findings, a hardened one none",
          "[integration]") {
  MosquittoBroker open({}, {{"0.0.0.0", {"allow_anonymous true"}}});
  zt::test::TlsFiles tls;
  zt::test::TempTree secrets;
  const auto passwd = secrets.write("passwd", "");
  REQUIRE(zt::test::run_process({"/usr/bin/mosquitto_passwd", "-b", passwd.string(), "sensor",
                                 "a-long-test-password"})
              .exit_code == 0);
  const auto acl = secrets.write("acl", "user sensor\ntopic readwrite plant/#\n");
  MosquittoBroker hardened(
      {}, {{"0.0.0.0",
            {"certfile " + tls.certificate().string(), "keyfile " + tls.key().string(),
             "allow_anonymous false", "password_file " + passwd.string(),
             "acl_file " + acl.string()}}});

  // The oracle: an anonymous client gets into the open broker only.
  CHECK(anonymous_publish(open.port(0)) == 0);
  CHECK(anonymous_publish(hardened.port(0), {"--cafile", tls.certificate().string()}) != 0);

  const CollectResult result = collect_live();
  CHECK(findings_on(result, device("0.0.0.0", open.port(0))) ==
        Set{"mqtt_anonymous_allowed|high", "mqtt_anonymous_access|critical",
            "mqtt_listener_without_tls|medium", "mqtt_acl_missing|medium"});
  CHECK(findings_on(result, device("0.0.0.0", hardened.port(0))).empty());

  const json checks = live_checks_of(result, open.config_path().string());
  REQUIRE(checks.size() == 1);
  CHECK(checks[0].at("target") == device("127.0.0.1", open.port(0)));
  CHECK(checks[0].at("outcome") == "CONNACK accepted");
  CHECK(live_checks_of(result, hardened.config_path().string()).empty());  // TLS: not asked
}

TEST_CASE("live MQTT: per-listener settings on loopback: the anonymous listener is reported "
          "low, the one with a password file only for its missing ACL",
          "[integration]") {
  zt::test::TempTree secrets;
  const auto passwd = secrets.write("passwd", "");
  REQUIRE(zt::test::run_process({"/usr/bin/mosquitto_passwd", "-b", passwd.string(), "sensor",
                                 "a-long-test-password"})
              .exit_code == 0);
  MosquittoBroker broker({"per_listener_settings true"},
                         {{"127.0.0.1", {"password_file " + passwd.string()}},
                          {"127.0.0.1", {"allow_anonymous true"}}});
  CHECK(anonymous_publish(broker.port(0)) != 0);
  CHECK(anonymous_publish(broker.port(1)) == 0);

  const CollectResult result = collect_live();
  CHECK(findings_on(result, device("127.0.0.1", broker.port(0))) == Set{"mqtt_acl_missing|low"});
  CHECK(findings_on(result, device("127.0.0.1", broker.port(1))) ==
        Set{"mqtt_anonymous_allowed|low", "mqtt_anonymous_access|medium",
            "mqtt_acl_missing|low"});
  Set outcomes;
  for (const json& c : live_checks_of(result, broker.config_path().string()))
    outcomes.insert(c.at("target").get<std::string>() + " " + c.at("outcome").get<std::string>());
  CHECK(outcomes == Set{device("127.0.0.1", broker.port(0)) + " CONNACK not authorized",
                        device("127.0.0.1", broker.port(1)) + " CONNACK accepted"});
}
