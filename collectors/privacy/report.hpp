#pragma once
// The privacy collector's report: pure functions from the Snapshot to the findings (one per
// secret or piece of personal data; their types: finding_types.hpp) and the inventory
// (counts by type, the walk's progress, where the hash salt came from). Neither holds a
// secret's value: only its evidence.
#include <nlohmann/json.hpp>
#include <vector>

#include "collectors/privacy/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::privacy {

enum class Exposure { world, group, owner };

// Others (mode & 004), the file's group (mode & 040), or its owner only.
Exposure exposure_of(std::uint32_t mode);
model::Severity severity_of(std::string_view finding_type, Exposure exposure);

std::vector<model::Finding> make_findings(const Snapshot& snapshot);
nlohmann::json make_inventory(const Snapshot& snapshot);

}  // namespace zt::privacy
