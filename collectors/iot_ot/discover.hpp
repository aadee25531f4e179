#pragma once
// Which of the host's listeners the iot_ot collector looks at: the sockets of mosquitto
// processes (one broker per process), those that speak an industrial protocol beyond
// loopback (industrial_protocols.hpp), and the sockets of Node-RED runtimes (one per
// process). Brokers and runtimes come without their configuration (the collector reads it).
// Pure; never throws.
#include <string>
#include <vector>

#include "collectors/core/host_sockets.hpp"
#include "collectors/iot_ot/snapshot.hpp"

namespace zt::iot_ot {

struct Discovered {
  std::vector<MqttBroker> brokers;
  std::vector<IndustrialListener> industrial;
  std::vector<NodeRed> node_red;
};

Discovered discover(const std::vector<collector::ListeningSocket>& listeners);

// The configuration file a running mosquitto was started with (`-c FILE`,
// `--config-file FILE`), or "" for its built-in defaults.
std::string mosquitto_config_argument(const collector::ProcessInfo& process);

}  // namespace zt::iot_ot
