#pragma once
// Turns what the Windows system collector read (system_snapshot.hpp) into its output: the
// installed programs as dependencies, the reboot finding and the inventory
// (scan.results.system). Pure; compiled and tested on Linux too; never throws.
//
// Finding types (the Linux system collector's table, collectors/system/finding_types.hpp,
// whose names and identity they share):
// | vulnerability_type | severity | fires when                                          |
// |--------------------|----------|-----------------------------------------------------|
// | reboot_required    | medium   | Windows Update or servicing waits for a restart     |
// |                    | low      | only PendingFileRenameOperations is set: installers |
// |                    |          | set it for their own files, not only for updates    |
// One finding for all the markers (component_name "windows", component_version the full
// version), the markers in its metadata.
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "collectors/windows/system_snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::windows {

// The dependencies table's type of an installed program.
inline constexpr std::string_view kProgramType = "windows_program";

std::vector<model::Dependency> program_dependencies(const SystemSnapshot& snapshot);
std::optional<model::Finding> reboot_finding(const SystemSnapshot& snapshot);
// {"os": {id, name, version, build, ubr, display_version, edition_id, full_version} | null,
//  "package_manager", "package_count", "program_keys", "absent_keys",
//  "programs": [{name, version, publisher, view, key, windows_installer}],
//  "hotfixes": [{id, source}] | null, "hotfix_sources",
//  "reboot_required", "reboot_markers": [{kind, where, files}]}
nlohmann::json system_inventory(const SystemSnapshot& snapshot);

}  // namespace zt::windows
