#pragma once
// From what one run saw (Snapshot) to ai_ml_findings rows (finding_types.hpp says which and
// how severe) and the inventory (scan.results.ai_ml). Pure.
//   report_services.cpp  the model servers and notebooks
//   report_files.cpp     the model files and the MCP configurations
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/ai_ml/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::ai_ml {

std::vector<model::Finding> make_findings(const Snapshot& snapshot);
nlohmann::json make_inventory(const Snapshot& snapshot);

// The parts, and what they share.
void report_services(const Snapshot& snapshot, std::vector<model::Finding>& out);
void report_files(const Snapshot& snapshot, std::vector<model::Finding>& out);

struct ModelRef {
  std::string model_name;
  std::string model_version;
  std::string framework;
};

struct Verdict {
  std::string_view finding_type;
  model::Severity severity = model::Severity::info;
  std::string title;
  std::string description;
  std::string remediation;
};

model::Finding ai_finding(const ModelRef& model, Verdict verdict, nlohmann::json metadata);

// "Jupyter 0.0.0.0:8888": the product and its first socket beyond loopback (else its first).
std::string service_name(const MlService& service);
nlohmann::json file_json(const FileSeen& file);

}  // namespace zt::ai_ml
