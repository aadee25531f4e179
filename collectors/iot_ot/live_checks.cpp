#include "collectors/iot_ot/live_checks.hpp"

#include <memory>

#include "collectors/core/http_answer.hpp"
#include "collectors/iot_ot/mqtt_wire.hpp"
#include "collectors/iot_ot/node_red.hpp"
#include "collectors/iot_ot/opc_ua.hpp"

namespace zt::iot_ot {
namespace {

// The broker's sockets on `port`.
std::vector<collector::ListeningSocket> on_port(const MqttBroker& broker, std::uint16_t port) {
  std::vector<collector::ListeningSocket> out;
  for (const collector::ListeningSocket& s : broker.sockets)
    if (s.port == port) out.push_back(s);
  return out;
}

}  // namespace

void check_broker(MqttBroker& broker, collector::LiveChecker& checker,
                  std::chrono::milliseconds limit) {
  for (const MqttListener& listener : broker.config.listeners) {
    if (listener.websockets || listener.tls) continue;  // a plain CONNECT would not be read
    const auto target = collector::loopback_target(on_port(broker, listener.port));
    if (!target) continue;
    collector::Exchange ex;
    ex.send = mqtt_anonymous_connect();
    ex.complete = [](std::string_view r) { return mqtt_connack_code(r).has_value(); };
    ex.farewell = [](std::string_view r) {
      return mqtt_connack_code(r) == 0 ? mqtt_disconnect() : std::string();
    };
    ex.max_bytes = 64;
    const collector::ExchangeResult result = checker.exchange(*target, ex, limit);
    LiveCheck c = collector::record_check("mqtt_anonymous_connect", *target, result);
    if (const auto code = mqtt_connack_code(result.received)) {
      c.outcome = "CONNACK " + mqtt_connack_meaning(*code);
      c.error.clear();
      if (*code == 0) broker.anonymous_accepted.push_back(listener.port);
    } else if (result.connected && c.error.empty()) {
      c.error = "no CONNACK";
    }
    broker.live.push_back(std::move(c));
  }
}

void check_node_red(NodeRed& runtime, collector::LiveChecker& checker,
                    std::chrono::milliseconds limit) {
  const auto target = collector::loopback_target(runtime.sockets);
  if (!target) return;
  collector::Exchange ex;
  ex.send = node_red_login_request();
  ex.complete = collector::http_answer_complete;
  ex.max_bytes = 16 * 1024;
  const collector::ExchangeResult result = checker.exchange(*target, ex, limit);
  LiveCheck c = collector::record_check("node_red_auth_login", *target, result);
  runtime.login_open = node_red_login_open(result.received);
  if (runtime.login_open) {
    c.outcome = *runtime.login_open ? "asks for no login" : "asks for credentials";
  } else if (result.connected) {
    c.outcome = "not a Node-RED answer";
  }
  runtime.live = std::move(c);
}

void check_opc_ua(IndustrialListener& listener, collector::LiveChecker& checker,
                  std::chrono::milliseconds limit) {
  const auto target = collector::loopback_target({listener.socket});
  if (!target) return;
  // The URL the requests name: "localhost" whatever loopback address is connected, the name
  // a server's own endpoint URLs are most likely to match.
  const std::string url = "opc.tcp://localhost:" + std::to_string(target->port);
  // Each request waits for its answer: Hello → ACK, OpenSecureChannel → OPN, GetEndpoints → MSG.
  auto sent = std::make_shared<std::size_t>(1);
  collector::Exchange ex;
  ex.send = opcua_hello(url);
  ex.complete = [sent](std::string_view r) {
    const auto messages = opcua_messages(r);
    return messages.size() >= *sent || (!messages.empty() && messages.back().type == "ERR");
  };
  ex.then = [sent, url](std::string_view r) -> std::string {
    const auto messages = opcua_messages(r);
    if (messages.empty() || messages.back().type == "ERR") return "";
    if (*sent == 1 && messages.back().type == "ACK") {
      ++*sent;
      return opcua_open_channel();
    }
    if (*sent == 2 && messages.back().type == "OPN") {
      const auto channel = read_open_channel(messages.back().body);
      if (!channel) return "";
      ++*sent;
      return opcua_get_endpoints(channel->channel_id, channel->token_id, url);
    }
    return "";
  };
  ex.max_bytes = 256 * 1024;
  const collector::ExchangeResult result = checker.exchange(*target, ex, limit);
  LiveCheck c = collector::record_check("opc_ua_get_endpoints", *target, result);
  const auto messages = opcua_messages(result.received);
  if (!messages.empty() && messages.back().type == "ERR") {
    c.outcome = "refused: " + read_error(messages.back().body);
  } else if (messages.size() == 3 && messages.back().type == "MSG") {
    listener.endpoints = read_endpoints(messages.back().body);
    c.outcome = listener.endpoints
                    ? "offered " + std::to_string(listener.endpoints->size()) + " endpoint(s)"
                    : "not a GetEndpoints answer";
  } else if (result.connected && c.error.empty()) {
    c.error = "no GetEndpoints answer";
  }
  listener.live = std::move(c);
}

}  // namespace zt::iot_ot
