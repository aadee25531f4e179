#include <algorithm>

#include "collectors/iot_ot/finding_types.hpp"
#include "collectors/iot_ot/report.hpp"

namespace zt::iot_ot {
namespace {

using model::Severity;
using nlohmann::json;
namespace type = finding_type;

// An OPC UA server beyond loopback: what its live GetEndpoints offered decides; unasked, it
// is reported for what it may offer.
void report_opc_ua(const IndustrialListener& i, const DeviceRef& device, const std::string& what,
                   json metadata, std::vector<model::Finding>& out) {
  const std::string_view remediation =
      "Offer only Sign or SignAndEncrypt endpoints with a current security policy "
      "(Basic256Sha256 or Aes*), require user authentication, and bind the server to the "
      "control network only.";
  if (i.live) metadata["live_check"] = collector::to_json(*i.live);
  if (!i.endpoints) {
    out.push_back(iot_finding(
        device,
        {type::kOpcUaExposed, Severity::medium, what,
         "An OPC UA server is reachable from the network. Whether it offers the security mode "
         "None (no signing, no encryption) was not asked.",
         std::string(remediation)},
        metadata));
    return;
  }
  json offered = json::array();
  bool none = false, anonymous = false;
  for (const OpcUaEndpoint& e : *i.endpoints) {
    offered.push_back({{"url", e.url},
                       {"security_mode", std::string(to_string(e.mode))},
                       {"security_policy", e.policy},
                       {"anonymous", e.anonymous}});
    if (e.mode == OpcUaSecurityMode::none) {
      none = true;
      anonymous = anonymous || e.anonymous;
    }
  }
  if (!none) return;
  metadata["endpoints"] = std::move(offered);
  out.push_back(iot_finding(
      device,
      {type::kOpcUaSecurityNone, anonymous ? Severity::critical : Severity::high,
       "OPC UA server on " + device.device_id + " offers the security mode None",
       std::string("Its GetEndpoints answer lists an endpoint without signing or encryption") +
           (anonymous ? " that takes anonymous users: whoever reaches the port reads and writes "
                        "the address space (process values, commands)."
                      : ": credentials and process values cross the network in clear, and can "
                        "be changed on the way."),
       std::string(remediation)},
      std::move(metadata)));
}

void report_industrial(const IndustrialListener& i, std::vector<model::Finding>& out) {
  const collector::ListeningSocket& s = i.socket;
  const DeviceRef device{i.protocol.device_type, endpoint_text(s.address, s.port),
                         i.protocol.protocol};
  const std::string transport(collector::to_string(s.protocol));
  const json metadata = {{"transport", transport},
                         {"process", process_json(s.process)},
                         {"source", s.source},
                         {"every_interface", collector::is_wildcard(s)}};
  const std::string what = std::string(i.protocol.display) + " listens on " + device.device_id +
                           "/" + transport;
  if (!i.protocol.unauthenticated) return report_opc_ua(i, device, what, metadata, out);
  out.push_back(iot_finding(
      device,
      {type::kIndustrialProtocolExposed,
       collector::is_wildcard(s) ? Severity::critical : Severity::high, what,
       std::string(i.protocol.display) +
           " has no authentication: whoever reaches the port reads and writes the process "
           "values and commands of the devices behind it.",
       "Bind the service to the control network's interface only and filter the port; never "
       "expose it on an office or public network."},
      metadata));
}

void report_node_red(const NodeRed& n, std::vector<model::Finding>& out) {
  const bool open = n.login_open ? *n.login_open : (n.settings_read && n.admin_auth_line == 0);
  if (!open || n.sockets.empty()) return;
  const collector::ListeningSocket& first = n.sockets.front();
  const bool exposed = std::any_of(n.sockets.begin(), n.sockets.end(),
                                   [](const auto& s) { return !collector::is_loopback(s); });
  const DeviceRef device{"Node-RED editor", endpoint_text(first.address, first.port), "http"};
  json evidence = n.login_open
                      ? json{{"value", "GET /auth/login answered {} (no login)"}}
                      : json{{"file", n.settings_file}, {"value", "no adminAuth in settings"}};
  json metadata = {{"evidence", std::move(evidence)},
                   {"settings_file", n.settings_file},
                   {"process", process_json(n.process)},
                   {"exposed", exposed}};
  out.push_back(iot_finding(
      device,
      {type::kNodeRedNoAdminAuth, exposed ? Severity::critical : Severity::medium,
       "Node-RED editor on " + device.device_id + " asks for no login",
       "Anyone who reaches the editor can deploy flows; an exec or function node runs any "
       "command as " + (n.process.user.empty() ? std::string("its user") : n.process.user) + ".",
       "Set adminAuth in settings.js (with bcrypt password hashes) and restart Node-RED, or "
       "bind uiHost to 127.0.0.1."},
      std::move(metadata)));
}

}  // namespace

void report_devices(const Snapshot& snapshot, std::vector<model::Finding>& out) {
  for (const IndustrialListener& i : snapshot.industrial) report_industrial(i, out);
  for (const NodeRed& n : snapshot.node_red) report_node_red(n, out);
}

}  // namespace zt::iot_ot
