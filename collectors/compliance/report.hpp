#pragma once
// Control results into findings (one per result, every status) and the inventory (packs,
// scores per framework, os). Pure.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collectors/compliance/evaluator.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::compliance {

struct PackSummary {
  const Pack* pack = nullptr;
  bool applies = false;
  std::size_t controls = 0;  // evaluated (of the selected profiles)
};

model::Finding make_finding(const ControlResult& result);
// ["CIS Debian Linux 12 v1.1.0 1.1.1.1", "NIST 800-53 CM-7", "PCI DSS 2.2.4", "ISO 27001 A.8.9"]
nlohmann::json compliance_frameworks(const Pack& pack, const Control& control);
nlohmann::json make_inventory(const std::vector<PackSummary>& packs,
                              const std::vector<ControlResult>& results, const std::string& os);

}  // namespace zt::compliance
