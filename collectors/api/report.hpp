#pragma once
// From what one run saw (Snapshot) to api_findings rows (finding_types.hpp says which and how
// severe) and the inventory (scan.results.api). Pure.
//   report.cpp          etcd, Prometheus and the exporters
//   report_cluster.cpp  the kubelet and Consul
//   report_web.cpp      applications' HTTP APIs
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/api/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::api {

std::vector<model::Finding> make_findings(const Snapshot& snapshot);
nlohmann::json make_inventory(const Snapshot& snapshot);

// The parts, and what they share.
void report_kubelet(const ApiService& service, std::vector<model::Finding>& out);
void report_consul(const ApiService& service, std::vector<model::Finding>& out);
void report_web_api(const ApiService& service, std::vector<model::Finding>& out);

struct Verdict {
  std::string_view finding_type;
  model::Severity severity = model::Severity::info;
  std::string endpoint;
  std::string_view method;
  std::string title;
  std::string description;
  std::string remediation;
};

model::Finding api_finding(const ApiService& service, Verdict verdict, nlohmann::json evidence);

}  // namespace zt::api
