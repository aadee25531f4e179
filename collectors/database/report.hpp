#pragma once
// Turns what one run of the database collector saw (snapshot.hpp, each server's issues
// filled by checks.hpp) into its output: one database_findings finding per issue (types,
// severities and identity: finding_types.hpp), and the inventory (scan.results.database).
// Pure; never throws.
#include <nlohmann/json.hpp>
#include <vector>

#include "collectors/database/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::database {

std::vector<model::Finding> make_findings(const Snapshot& snapshot);

// {"servers": [{database_type, version, host, port, running, process: {pid, name, user} |
//   null, listeners: ["127.0.0.1:6379/tcp"], config_files, config_source, live_checks:
//   [{check, target, connected, outcome, error}], finding_types}], "server_count",
//  "live_checks": {enabled, note}}
nlohmann::json make_inventory(const Snapshot& snapshot);

}  // namespace zt::database
