#pragma once
// The iot_ot collector's finding types: the one table of what it reports and how severe it
// is. Every finding is an iot_ot_findings row whose identity is (device_id, protocol,
// finding_type); device_id is "address:port" (an MQTT listener's bind address as configured,
// "0.0.0.0" for every interface). "Exposed" means reachable beyond loopback; "live" types
// need a live check (host root "/").
//
// | finding_type                 | severity                    | fires when                  |
// |------------------------------|-----------------------------|-----------------------------|
// | mqtt_anonymous_allowed       | high exposed, low loopback  | a listener's effective      |
// |                              |                             | allow_anonymous is true     |
// |                              |                             | (also local only mode)      |
// | mqtt_anonymous_access        | critical exposed, medium    | live: an anonymous CONNECT  |
// |                              | loopback                    | was accepted (CONNACK 0)    |
// | mqtt_listener_without_tls    | medium                      | an exposed listener without |
// |                              |                             | certfile or psk_hint        |
// | mqtt_acl_missing             | medium exposed, low loopback| clients get in (anonymous or|
// |                              |                             | a password file) with no    |
// |                              |                             | acl_file and no auth plugin:|
// |                              |                             | every topic, read and write |
// | industrial_protocol_exposed  | critical on every interface,| Modbus/TCP, S7, DNP3,       |
// |                              | high on another address     | EtherNet/IP, BACnet, CoAP   |
// |                              |                             | listening beyond loopback   |
// | opc_ua_exposed               | medium                      | OPC UA (4840) beyond        |
// |                              |                             | loopback, its endpoints not |
// |                              |                             | asked (no live check)       |
// | opc_ua_security_none         | critical with anonymous     | live: GetEndpoints offers   |
// |                              | users, else high            | the security mode None      |
// | node_red_no_admin_auth       | critical exposed, medium    | the editor asks for no login|
// |                              | loopback                    | (live), or settings.js sets |
// |                              |                             | no adminAuth                |
#include <string_view>

namespace zt::iot_ot::finding_type {

inline constexpr std::string_view kMqttAnonymousAllowed = "mqtt_anonymous_allowed";
inline constexpr std::string_view kMqttAnonymousAccess = "mqtt_anonymous_access";
inline constexpr std::string_view kMqttListenerWithoutTls = "mqtt_listener_without_tls";
inline constexpr std::string_view kMqttAclMissing = "mqtt_acl_missing";
inline constexpr std::string_view kIndustrialProtocolExposed = "industrial_protocol_exposed";
inline constexpr std::string_view kOpcUaExposed = "opc_ua_exposed";
inline constexpr std::string_view kOpcUaSecurityNone = "opc_ua_security_none";
inline constexpr std::string_view kNodeRedNoAdminAuth = "node_red_no_admin_auth";

}  // namespace zt::iot_ot::finding_type
