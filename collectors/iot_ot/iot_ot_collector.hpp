#pragma once
// The `iot_ot` collector: MQTT brokers (mosquitto: its configuration, and an anonymous
// CONNECT through loopback), industrial and building protocols listening beyond loopback
// (Modbus/TCP, S7, DNP3, EtherNet/IP, BACnet, OPC UA, CoAP) and Node-RED editors without a
// login, found from the listening sockets and their processes (collectors/core/host_sockets)
// and the brokers' and runtimes' configuration files read through HostFs. finding_types.hpp
// lists what it reports. Live checks run only on the host the agent runs on (host root "/").
// Findings go to iot_ot_findings; what was found is the inventory (scan.results.iot_ot).
//
// Nothing it reads makes collect() throw. Not for concurrent collect() calls.
#include <memory>

#include "collectors/core/collector.hpp"
#include "collectors/core/live_checker.hpp"

namespace zt::iot_ot {

// name "iot_ot", category iot_ot, default interval 3600 s; uses the system checker.
collector::CollectorDescriptor descriptor();

// The collector with another checker (tests replay recorded answers with one whose live()
// is false, which is then used whatever the host root).
std::unique_ptr<collector::Collector> make_collector(
    const collector::OptionValues& values, std::unique_ptr<collector::LiveChecker> checker);

}  // namespace zt::iot_ot
