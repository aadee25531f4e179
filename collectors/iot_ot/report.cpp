#include "collectors/iot_ot/report.hpp"

namespace zt::iot_ot {

using nlohmann::json;

json process_json(const std::optional<collector::ProcessInfo>& process) {
  if (!process) return nullptr;
  return {{"pid", process->pid}, {"name", process->name}, {"user", process->user}};
}

model::Finding iot_finding(const DeviceRef& device, Verdict verdict, json metadata) {
  model::Finding f;
  f.category = model::Category::iot_ot;
  f.severity = verdict.severity;
  f.risk_score = model::default_risk_score(verdict.severity);
  f.title = std::move(verdict.title);
  f.description = std::move(verdict.description);
  f.remediation = std::move(verdict.remediation);
  f.fields = {{"device_type", std::string(device.device_type)},
              {"device_id", device.device_id},
              {"protocol", std::string(device.protocol)},
              {"finding_type", std::string(verdict.finding_type)}};
  f.metadata = std::move(metadata);
  return f;
}

std::vector<model::Finding> make_findings(const Snapshot& snapshot) {
  std::vector<model::Finding> out;
  report_brokers(snapshot, out);
  report_devices(snapshot, out);
  return out;
}

json make_inventory(const Snapshot& snapshot) {
  json brokers = json::array();
  for (const MqttBroker& b : snapshot.brokers) {
    json listeners = json::array();
    for (const MqttListener& l : b.config.listeners)
      listeners.push_back({{"port", l.port},
                           {"bind", l.bind.empty() ? "0.0.0.0" : l.bind},
                           {"tls", l.tls.has_value()},
                           {"websockets", l.websockets},
                           {"anonymous", anonymous_allowed(b.config, l)}});
    json checks = json::array();
    for (const LiveCheck& c : b.live) checks.push_back(collector::to_json(c));
    brokers.push_back({{"running", b.process.has_value()},
                       {"process", process_json(b.process)},
                       {"config_files", b.config.files},
                       {"config_source", b.config_source},
                       {"local_only", b.config.local_only},
                       {"listeners", std::move(listeners)},
                       {"live_checks", std::move(checks)}});
  }
  json industrial = json::array();
  for (const IndustrialListener& i : snapshot.industrial) {
    json item = {{"protocol", std::string(i.protocol.protocol)},
                 {"endpoint", endpoint_text(i.socket.address, i.socket.port)},
                 {"transport", std::string(collector::to_string(i.socket.protocol))},
                 {"process", process_json(i.socket.process)}};
    if (i.live) item["live_check"] = collector::to_json(*i.live);
    if (i.endpoints) {
      json modes = json::array();
      for (const OpcUaEndpoint& e : *i.endpoints) modes.push_back(std::string(to_string(e.mode)));
      item["security_modes"] = std::move(modes);
    }
    industrial.push_back(std::move(item));
  }
  json node_red = json::array();
  for (const NodeRed& n : snapshot.node_red) {
    json endpoints = json::array();
    for (const collector::ListeningSocket& s : n.sockets)
      endpoints.push_back(endpoint_text(s.address, s.port));
    node_red.push_back({{"process", process_json(n.process)},
                        {"endpoints", std::move(endpoints)},
                        {"settings_file", n.settings_file},
                        {"settings_read", n.settings_read},
                        {"admin_auth", n.admin_auth_line > 0},
                        {"live_check", n.live ? collector::to_json(*n.live) : json(nullptr)}});
  }
  return {{"mqtt_brokers", std::move(brokers)},
          {"industrial_listeners", std::move(industrial)},
          {"node_red", std::move(node_red)},
          {"live_checks", collector::to_json(snapshot.live)}};
}

}  // namespace zt::iot_ot
