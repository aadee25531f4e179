// The iot_ot collector's pure parts on inline text: mosquitto.conf's effective settings as its
// manual gives them, the MQTT packets of the anonymous check, settings.js's adminAuth and
// the editor's answers to GET /auth/login, and OPC UA's messages (recorded from real servers).
#include <catch2/catch.hpp>

#include "collectors/iot_ot/mosquitto_config.hpp"
#include "collectors/iot_ot/mqtt_wire.hpp"
#include "collectors/iot_ot/node_red.hpp"
#include "collectors/iot_ot/opc_ua.hpp"
#include "tests/support/fuzz.hpp"
#include "tests/support/temp_tree.hpp"

using namespace std::string_literals;
using zt::iot_ot::BrokerConfig;

namespace {

BrokerConfig config_of(std::string_view text) {
  return zt::iot_ot::broker_config(zt::iot_ot::parse_mosquitto_conf(text, "/etc/m.conf"));
}

}  // namespace

TEST_CASE("mosquitto.conf: listeners, their TLS and the global or per-listener authentication",
          "[unit]") {
  SECTION("no listener: local only mode, anonymous allowed on loopback") {
    const BrokerConfig c = config_of("# nothing\npersistence true\n");
    REQUIRE(c.listeners.size() == 1);
    CHECK(c.local_only);
    CHECK(c.listeners[0].bind == "127.0.0.1");
    CHECK(c.listeners[0].port == 1883);
    CHECK(zt::iot_ot::anonymous_allowed(c, c.listeners[0]));
  }
  SECTION("a listener: anonymous clients refused unless allowed, wherever the line stands") {
    const BrokerConfig refused = config_of("listener 1883\n");
    CHECK_FALSE(zt::iot_ot::anonymous_allowed(refused, refused.listeners[0]));
    const BrokerConfig allowed = config_of("allow_anonymous true\nlistener 1883 0.0.0.0\n"
                                           "listener 8883\ncertfile /c.pem\n");
    REQUIRE(allowed.listeners.size() == 2);
    CHECK(zt::iot_ot::anonymous_allowed(allowed, allowed.listeners[0]));
    CHECK(zt::iot_ot::anonymous_allowed(allowed, allowed.listeners[1]));
    CHECK_FALSE(allowed.listeners[0].tls);
    REQUIRE(allowed.listeners[1].tls);
    CHECK(allowed.listeners[1].tls->line == 4);
    CHECK(allowed.listeners[0].bind == "0.0.0.0");
  }
  SECTION("per_listener_settings: each listener's own lines, whatever comes before") {
    const BrokerConfig c = config_of("allow_anonymous true\nper_listener_settings true\n"
                                     "listener 1883 127.0.0.1\npassword_file /p\n"
                                     "listener 1884\nallow_anonymous true\nacl_file /a\n");
    REQUIRE(c.listeners.size() == 2);
    CHECK_FALSE(zt::iot_ot::anonymous_allowed(c, c.listeners[0]));
    CHECK(zt::iot_ot::auth_of(c, c.listeners[0]).password_file->value == "/p");
    CHECK(zt::iot_ot::anonymous_allowed(c, c.listeners[1]));
    CHECK(zt::iot_ot::auth_of(c, c.listeners[1]).acl_file->value == "/a");
  }
  SECTION("the deprecated port and bind_address are the default listener's") {
    const BrokerConfig c = config_of("port 1999\nbind_address 192.168.1.2\nprotocol websockets\n");
    REQUIRE(c.listeners.size() == 1);
    CHECK(c.listeners[0].port == 1999);
    CHECK(c.listeners[0].bind == "192.168.1.2");
    CHECK(c.listeners[0].websockets);
    CHECK_FALSE(c.local_only);
  }
}

TEST_CASE("MQTT: the anonymous CONNECT is MQTT 3.1.1 with no user name, and CONNACK codes are "
          "read",
          "[unit]") {
  // MQTT 3.1.1 section 3.1: fixed header 0x10, remaining length 27; "MQTT", level 4, flags
  // 0x02 (clean session only), keep-alive 10; client id of 15 bytes.
  CHECK(zt::iot_ot::mqtt_anonymous_connect() ==
        "\x10\x1b\x00\x04MQTT\x04\x02\x00\x0a\x00\x0fzerotrace-check"s);
  CHECK(zt::iot_ot::mqtt_disconnect() == "\xe0\x00"s);
  CHECK(zt::iot_ot::mqtt_connack_code("\x20\x02\x00\x00"s) == 0);
  CHECK(zt::iot_ot::mqtt_connack_code("\x20\x02\x00\x05"s) == 5);
  CHECK_FALSE(zt::iot_ot::mqtt_connack_code("\x20\x02\x00"s));  // not whole yet
  CHECK_FALSE(zt::iot_ot::mqtt_connack_code("HTTP/1.1 400"s));
  CHECK(zt::iot_ot::mqtt_connack_meaning(5) == "not authorized");
}

TEST_CASE("Node-RED: adminAuth set in settings.js, outside comments and strings", "[unit]") {
  CHECK(zt::iot_ot::node_red_admin_auth_line("module.exports = {\n  adminAuth: {\n") == 2);
  CHECK(zt::iot_ot::node_red_admin_auth_line("module.exports = {\n\"adminAuth\" : {}\n}") == 2);
  CHECK(zt::iot_ot::node_red_admin_auth_line("// adminAuth: {}\n/* adminAuth: {} */\n") == 0);
  CHECK(zt::iot_ot::node_red_admin_auth_line("x: 'adminAuth: no',\nmyadminAuth: 1\n") == 0);
  CHECK(zt::iot_ot::node_red_admin_auth_line("url: \"http://x/*\",\nadminAuth: require('a')") ==
        2);
}

TEST_CASE("Node-RED: GET /auth/login says whether the editor asks for a login", "[unit]") {
  // Node-RED 4.1.15's answers, recorded, without and with adminAuth.
  CHECK(zt::iot_ot::node_red_login_open(
            "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Type: "
            "application/json; charset=utf-8\r\nContent-Length: 2\r\nETag: "
            "W/\"2-vyGp6PvFo4RvsFtPoIWeCReyIC8\"\r\nDate: Sun, 06 Dec 2026 19:42:09 GMT\r\n"
            "Connection: close\r\n\r\n{}") == true);
  CHECK(zt::iot_ot::node_red_login_open(
            "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Type: "
            "application/json; charset=utf-8\r\nContent-Length: 150\r\nETag: "
            "W/\"96-6cqJLzQ4qjbugeUZhFJKgSD5rhc\"\r\nDate: Sun, 06 Dec 2026 19:42:09 GMT\r\n"
            "Connection: close\r\n\r\n"
            R"({"type":"credentials","prompts":[{"id":"username","type":"text",)"
            R"("label":"user.username"},{"id":"password","type":"password",)"
            R"("label":"user.password"}]})") == false);
  const std::string head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
  CHECK_FALSE(zt::iot_ot::node_red_login_open("HTTP/1.1 404 Not Found\r\n\r\nCannot GET"));
  CHECK_FALSE(zt::iot_ot::node_red_login_open(head + "<html>"));
}

namespace {

std::string recorded(const char* name) {
  return zt::test::read_text(std::string(ZT_SOURCE_DIR "/tests/collectors/iot_ot/recorded/") + name);
}

}  // namespace

TEST_CASE("OPC UA: the answers of real servers (node-opcua 2.186.4, recorded) to Hello, "
          "OpenSecureChannel and GetEndpoints",
          "[unit]") {
  using namespace zt::iot_ot;
  // recorded/opcua-none.bin: a server offering None to anonymous users; -secure.bin:
  // SignAndEncrypt with Basic256Sha256 only, no anonymous users.
  for (const auto& [file, expected] :
       {std::pair{"opcua-none.bin",
                  OpcUaEndpoint{"opc.tcp://vm:4847", OpcUaSecurityMode::none,
                                "http://opcfoundation.org/UA/SecurityPolicy#None", true}},
        std::pair{"opcua-secure.bin",
                  OpcUaEndpoint{"opc.tcp://vm:4848", OpcUaSecurityMode::sign_and_encrypt,
                                "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256",
                                false}}}) {
    INFO(file);
    const std::string stream = recorded(file);
    const auto messages = opcua_messages(stream);
    REQUIRE(messages.size() == 3);
    CHECK(messages[0].type == "ACK");
    CHECK(messages[1].type == "OPN");
    CHECK(messages[2].type == "MSG");
    const auto channel = read_open_channel(messages[1].body);
    REQUIRE(channel);
    CHECK(channel->token_id == 1);
    CHECK_FALSE(read_endpoints(messages[1].body));  // not a GetEndpoints answer
    CHECK(read_endpoints(messages[2].body) == std::vector<OpcUaEndpoint>{expected});
    // A stream cut inside the last message holds two complete ones.
    CHECK(opcua_messages(std::string_view(stream).substr(0, stream.size() - 1)).size() == 2);
  }
  const std::string hello = opcua_hello("opc.tcp://127.0.0.1:4840");
  CHECK(hello.substr(0, 4) == "HELF");
  REQUIRE(opcua_messages(hello).size() == 1);
  CHECK(opcua_messages(hello)[0].body.size() == hello.size() - 8);
  // ERR: BadTcpEndpointUrlInvalid (0x80830000) with its reason.
  const std::string err = std::string("ERRF\x1c\x00\x00\x00\x00\x00\x83\x80\x0c\x00\x00\x00", 16) +
                          "bad endpoint";
  CHECK(read_error(opcua_messages(err).at(0).body) == "0x80830000 bad endpoint");
}

TEST_CASE("OPC UA's readers never throw on damaged answers", "[unit][fuzz]") {
  using namespace zt::iot_ot;
  const std::string stream =
      zt::test::read_text(ZT_SOURCE_DIR "/tests/collectors/iot_ot/recorded/opcua-none.bin");
  zt::test::fuzz_text(stream, [](const std::string& text) {
    for (const auto& m : opcua_messages(text)) {
      (void)read_open_channel(m.body);
      (void)read_endpoints(m.body);
      (void)read_error(m.body);
    }
    (void)read_endpoints(text);
  });
}
