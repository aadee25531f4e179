#include <algorithm>

#include "collectors/iot_ot/finding_types.hpp"
#include "collectors/iot_ot/report.hpp"

namespace zt::iot_ot {
namespace {

using model::Severity;
using nlohmann::json;
namespace type = finding_type;

json directive_json(const std::optional<Directive>& d, std::string_view otherwise) {
  if (!d) return {{"value", otherwise}};
  return {{"file", d->file}, {"line", d->line}, {"value", d->key + " " + d->value}};
}

// What makes the listener's clients anonymous: its allow_anonymous line, or the default.
json anonymous_evidence(const BrokerConfig& config, const MqttListener& listener) {
  if (const auto& d = auth_of(config, listener).allow_anonymous) return directive_json(d, "");
  return {{"value", "no listener configured: local only mode, anonymous clients allowed"}};
}

void report_listener(const MqttBroker& broker, const MqttListener& listener,
                     std::vector<model::Finding>& out) {
  const BrokerConfig& config = broker.config;
  const bool exposed = reachable_from_network(listener.bind);
  const std::string where = listener.bind.empty() ? "0.0.0.0" : listener.bind;
  const DeviceRef device{"MQTT broker", endpoint_text(where, listener.port), "mqtt"};
  const std::string name = "MQTT listener " + device.device_id;
  const std::string reach = exposed ? "reachable from the network" : "on loopback only";
  const auto metadata = [&](json evidence) {
    json m = {{"evidence", std::move(evidence)},
              {"listener", directive_json(listener.declared, "local only mode (built in)")},
              {"config_files", config.files},
              {"exposed", exposed}};
    if (broker.process) m["process"] = process_json(broker.process);
    return m;
  };

  const bool anonymous = anonymous_allowed(config, listener);
  if (anonymous)
    out.push_back(iot_finding(
        device,
        {type::kMqttAnonymousAllowed, exposed ? Severity::high : Severity::low,
         name + " allows anonymous clients",
         "Clients without a user name may connect to " + name + " (" + reach +
             ") and, without an ACL, read and publish every topic: sensor data, commands to "
             "actuators.",
         "Set allow_anonymous false and give clients accounts (password_file or an auth "
         "plugin), with an acl_file."},
        metadata(anonymous_evidence(config, listener))));

  if (std::find(broker.anonymous_accepted.begin(), broker.anonymous_accepted.end(),
                listener.port) != broker.anonymous_accepted.end())
    out.push_back(iot_finding(
        device,
        {type::kMqttAnonymousAccess, exposed ? Severity::critical : Severity::medium,
         name + " accepted an anonymous connection",
         "A CONNECT without a user name through loopback was accepted (CONNACK 0): the "
         "broker is open to anyone who reaches it (" + reach + "). Nothing was subscribed or "
         "published.",
         "Set allow_anonymous false for this listener and restart the broker."},
        metadata({{"value", "CONNACK accepted without credentials"}})));

  if (exposed && !listener.tls)
    out.push_back(iot_finding(
        device,
        {type::kMqttListenerWithoutTls, Severity::medium,
         name + " is reachable from the network without TLS",
         "User names, passwords and every message cross the network in clear text.",
         "Give the listener a certfile and keyfile (or psk_hint), or bind it to loopback."},
        metadata(directive_json(listener.declared, ""))));

  const AuthSettings& auth = auth_of(config, listener);
  const bool clients_get_in = anonymous || auth.password_file.has_value();
  if (clients_get_in && !auth.acl_file && !auth.plugin)
    out.push_back(iot_finding(
        device,
        {type::kMqttAclMissing, exposed ? Severity::medium : Severity::low,
         name + " has no access control list",
         "Every client that connects may subscribe to and publish on every topic, "
         "including '#' and the broker's $SYS topics.",
         "Add an acl_file that grants each user only its topics."},
        metadata(directive_json(auth.password_file, "no acl_file and no auth plugin"))));
}

}  // namespace

void report_brokers(const Snapshot& snapshot, std::vector<model::Finding>& out) {
  for (const MqttBroker& broker : snapshot.brokers)
    for (const MqttListener& listener : broker.config.listeners)
      report_listener(broker, listener, out);
}

}  // namespace zt::iot_ot
