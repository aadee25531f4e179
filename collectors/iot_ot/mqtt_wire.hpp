#pragma once
// The two MQTT 3.1.1 packets of the anonymous-access check: a CONNECT with no user name
// (clean session, client id "zerotrace-check", keep-alive 10 s) and the CONNACK it gets.
// Nothing is ever subscribed or published. Pure.
#include <optional>
#include <string>
#include <string_view>

namespace zt::iot_ot {

std::string mqtt_anonymous_connect();
std::string mqtt_disconnect();

// The CONNACK return code (0 accepted, 5 not authorized, …) when `received` starts with a
// whole CONNACK; nothing otherwise.
std::optional<int> mqtt_connack_code(std::string_view received);

// "accepted", "not authorized", … for a CONNACK return code.
std::string mqtt_connack_meaning(int code);

}  // namespace zt::iot_ot
