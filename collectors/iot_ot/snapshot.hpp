#pragma once
// What one run of the iot_ot collector saw, before it becomes findings and the inventory
// (report.hpp): the MQTT brokers (running, or installed with their default configuration),
// the listeners that speak an industrial protocol, and the Node-RED runtimes. Plain data.
#include <optional>
#include <string>
#include <vector>

#include "collectors/core/host_sockets.hpp"
#include "collectors/core/live_checker.hpp"
#include "collectors/iot_ot/industrial_protocols.hpp"
#include "collectors/iot_ot/mosquitto_config.hpp"
#include "collectors/iot_ot/opc_ua.hpp"

namespace zt::iot_ot {

// One live exchange through loopback: "mqtt_anonymous_connect", "node_red_auth_login",
// "opc_ua_get_endpoints".
using collector::LiveCheck;

struct MqttBroker {
  std::optional<collector::ProcessInfo> process;    // none: installed, not running
  std::vector<collector::ListeningSocket> sockets;  // the process's listeners
  BrokerConfig config;
  std::string config_source;  // "command line", "default path", "built-in defaults"
  std::vector<LiveCheck> live;
  std::vector<std::uint16_t> anonymous_accepted;  // ports where an anonymous CONNECT got in
};

struct IndustrialListener {
  IndustrialProtocol protocol;
  collector::ListeningSocket socket;
  // OPC UA: the endpoints the server offered to a live GetEndpoints, when it was asked.
  std::optional<std::vector<OpcUaEndpoint>> endpoints;
  std::optional<LiveCheck> live;
};

struct NodeRed {
  collector::ProcessInfo process;
  std::vector<collector::ListeningSocket> sockets;
  std::string settings_file;
  bool settings_read = false;
  std::size_t admin_auth_line = 0;  // 0: settings.js does not set adminAuth
  std::optional<LiveCheck> live;
  std::optional<bool> login_open;  // what the editor answered, when it was asked
};

struct Snapshot {
  std::vector<MqttBroker> brokers;
  std::vector<IndustrialListener> industrial;
  std::vector<NodeRed> node_red;
  collector::LivePlan live;
};

}  // namespace zt::iot_ot
