#include "collectors/iot_ot/mqtt_wire.hpp"

namespace zt::iot_ot {

std::string mqtt_anonymous_connect() {
  const std::string client = "zerotrace-check";
  std::string body;
  body += std::string("\x00\x04MQTT", 6);
  body += '\x04';                        // protocol level 4: MQTT 3.1.1
  body += '\x02';                        // clean session; no user name, password or will
  body += std::string("\x00\x0a", 2);    // keep-alive 10 s
  body += static_cast<char>(client.size() >> 8);
  body += static_cast<char>(client.size() & 0xFF);
  body += client;
  return std::string(1, '\x10') + static_cast<char>(body.size()) + body;  // < 128 bytes
}

std::string mqtt_disconnect() { return std::string("\xe0\x00", 2); }

std::optional<int> mqtt_connack_code(std::string_view received) {
  if (received.size() < 4 || static_cast<unsigned char>(received[0]) != 0x20 ||
      received[1] != 0x02)
    return std::nullopt;
  return static_cast<unsigned char>(received[3]);
}

std::string mqtt_connack_meaning(int code) {
  switch (code) {
    case 0: return "accepted";
    case 1: return "unacceptable protocol version";
    case 2: return "client identifier rejected";
    case 3: return "server unavailable";
    case 4: return "bad user name or password";
    case 5: return "not authorized";
    default: return "return code " + std::to_string(code);
  }
}

}  // namespace zt::iot_ot
