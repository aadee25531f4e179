#pragma once
// The live checks of the iot_ot collector, through a LiveChecker on loopback only
// (collector::loopback_target):
//   MQTT     each MQTT (not WebSocket) listener of a running broker: a CONNECT without a user
//            name; CONNACK 0 means anonymous clients get in, then DISCONNECT. Nothing is
//            subscribed or published.
//   Node-RED GET /auth/login: `{}` means the editor asks for no login.
//   OPC UA   Hello, OpenSecureChannel (policy None) and GetEndpoints (opc_ua.hpp): the
//            endpoints the server offers, with their security modes; no session is made.
// Each check gets at most `limit`. Fill the broker's or runtime's live results. Never throw.
#include <chrono>

#include "collectors/core/live_checker.hpp"
#include "collectors/iot_ot/snapshot.hpp"

namespace zt::iot_ot {

void check_broker(MqttBroker& broker, collector::LiveChecker& checker,
                  std::chrono::milliseconds limit);

void check_node_red(NodeRed& runtime, collector::LiveChecker& checker,
                    std::chrono::milliseconds limit);

void check_opc_ua(IndustrialListener& listener, collector::LiveChecker& checker,
                  std::chrono::milliseconds limit);

}  // namespace zt::iot_ot
