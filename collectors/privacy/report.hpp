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

// Others (mode & 004, and its folders let them through), the file's group (mode & 040,
// likewise), or its owner only: a 0644 file in a 0700 home is its owner's only.
Exposure exposure_of(std::uint32_t mode, bool others_can_reach = true,
                     bool group_can_reach = true);
model::Severity severity_of(std::string_view finding_type, Exposure exposure);

std::vector<model::Finding> make_findings(const Snapshot& snapshot);
nlohmann::json make_inventory(const Snapshot& snapshot);

}  // namespace zt::privacy
