#pragma once
// Turns a Snapshot into the collector's output: the inventory (scan.results.system), one
// dependency per package and the reboot-required finding. Pure; never throws.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "collectors/system/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::system {

// {"os": {id, id_like, name, version_id, version_codename, pretty_name} or null,
//  "kernel": {"release"}, "uptime_seconds", "reboot_required", "reboot_required_packages",
//  "package_manager": "dpkg"|"apk"|null, "package_count"}; unknown values are null, and so are
// version_id and version_codename when os-release does not set them.
nlohmann::json make_inventory(const Snapshot& snapshot);

std::vector<model::Dependency> make_dependencies(const Snapshot& snapshot);

// One finding when a reboot is required, none otherwise. The fingerprint is left empty (the
// scan runner sets it).
std::optional<model::Finding> make_reboot_finding(const Snapshot& snapshot);

}  // namespace zt::system
