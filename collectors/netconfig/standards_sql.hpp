#pragma once
// The config_standards rows of a standard set, as the SQL a migration runs (the migrating
// role owns config_standards; the ingest may only read it). One row per check: standard_name
// (the set's name), manufacturer and device_type (from its vendor), requirement_id (its id),
// requirement_title, check_type, check_pattern, expected_value, default_severity,
// remediation_guidance and compliance_frameworks (frameworks_json), upserted by
// (standard_name, requirement_id) (unique since migration 0011): an unchanged row is not
// rewritten, a changed one is updated; a check the set no longer has becomes 'retired'.
//
// The text lies between kBeginMarker and kEndMarker in the newest migration that fills
// config_standards (0011_config_standards.sql first); a test compares it with the shipped
// standards, so a change of conf/netconfig/standards.yaml fails until a new migration carries
// the new text (applied migrations are never edited). Pure.
#include <string>
#include <string_view>

#include "collectors/netconfig/standards.hpp"

namespace zt::netconfig {

inline constexpr std::string_view kBeginMarker =
    "-- BEGIN config_standards rows (generated: collectors/netconfig/standards_sql.hpp)\n";
inline constexpr std::string_view kEndMarker = "-- END config_standards rows\n";

// The statements, kBeginMarker and kEndMarker included.
std::string config_standards_sql(const StandardSet& standards);

}  // namespace zt::netconfig
