#pragma once
// From what one run saw (Snapshot) to api_findings rows (finding_types.hpp says which and how
// severe) and the inventory (scan.results.api). Pure.
#include <nlohmann/json.hpp>
#include <vector>

#include "collectors/api/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::api {

std::vector<model::Finding> make_findings(const Snapshot& snapshot);
nlohmann::json make_inventory(const Snapshot& snapshot);

}  // namespace zt::api
