#pragma once
// The industrial and building protocols the iot_ot collector looks for among the host's
// listeners, by their registered port (and, for gateways that serve another port, by their
// process). Modbus/TCP, S7, DNP3, EtherNet/IP and BACnet carry no authentication at all:
// whoever reaches the port can read and write the process. Pure table.
#include <cstdint>
#include <optional>
#include <string_view>

#include "collectors/core/host_sockets.hpp"

namespace zt::iot_ot {

struct IndustrialProtocol {
  std::string_view protocol;     // "modbus": the finding's protocol field
  std::string_view display;      // "Modbus/TCP"
  std::string_view device_type;  // "PLC gateway"
  collector::Protocol transport = collector::Protocol::tcp;
  std::uint16_t port = 0;
  bool unauthenticated = true;  // the protocol has no authentication of its own
};

// The protocol `socket` speaks, by its process (mbusd: Modbus) or else its port.
std::optional<IndustrialProtocol> industrial_protocol_of(const collector::ListeningSocket& socket);

}  // namespace zt::iot_ot
