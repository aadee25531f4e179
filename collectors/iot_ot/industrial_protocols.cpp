#include "collectors/iot_ot/industrial_protocols.hpp"

#include <array>

namespace zt::iot_ot {
namespace {

using collector::Protocol;

constexpr std::array<IndustrialProtocol, 7> kProtocols = {{
    {"modbus", "Modbus/TCP", "PLC gateway", Protocol::tcp, 502, true},
    {"s7comm", "Siemens S7 (ISO-TSAP)", "PLC", Protocol::tcp, 102, true},
    {"dnp3", "DNP3", "outstation", Protocol::tcp, 20000, true},
    {"ethernet_ip", "EtherNet/IP (CIP)", "PLC", Protocol::tcp, 44818, true},
    {"bacnet", "BACnet/IP", "building controller", Protocol::udp, 47808, true},
    {"opc_ua", "OPC UA", "OPC UA server", Protocol::tcp, 4840, false},
    {"coap", "CoAP", "IoT device", Protocol::udp, 5683, true},
}};

}  // namespace

std::optional<IndustrialProtocol> industrial_protocol_of(const collector::ListeningSocket& socket) {
  if (socket.process && socket.process->name == "mbusd" && socket.protocol == Protocol::tcp)
    return kProtocols[0];
  for (const IndustrialProtocol& p : kProtocols)
    if (p.port == socket.port && p.transport == socket.protocol) return p;
  return std::nullopt;
}

}  // namespace zt::iot_ot
