#pragma once
// From what one run saw (Snapshot) to iot_ot_findings rows (finding_types.hpp says which and
// how severe) and the inventory (scan.results.iot_ot). Pure.
//   report_mqtt.cpp     the brokers' listeners
//   report_devices.cpp  the industrial listeners and the Node-RED runtimes
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_sockets.hpp"
#include "collectors/iot_ot/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::iot_ot {

std::vector<model::Finding> make_findings(const Snapshot& snapshot);
nlohmann::json make_inventory(const Snapshot& snapshot);

// The parts, and what they share.
void report_brokers(const Snapshot& snapshot, std::vector<model::Finding>& out);
void report_devices(const Snapshot& snapshot, std::vector<model::Finding>& out);

struct DeviceRef {
  std::string_view device_type;
  std::string device_id;  // "address:port"
  std::string_view protocol;
};

struct Verdict {
  std::string_view finding_type;
  model::Severity severity = model::Severity::info;
  std::string title;
  std::string description;
  std::string remediation;
};

model::Finding iot_finding(const DeviceRef& device, Verdict verdict, nlohmann::json metadata);

using collector::endpoint_text;
nlohmann::json process_json(const std::optional<collector::ProcessInfo>& process);

}  // namespace zt::iot_ot
