#pragma once
// Turns the servers (with their issues) into the collector's output: one database_findings
// finding per issue (identity: database_type, host, port, finding_type; the finding types
// and severities are listed in checks.hpp), and the inventory (scan.results.database). Pure;
// never throws.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collectors/database/server.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::database {

std::vector<model::Finding> make_findings(const std::vector<Server>& servers);

struct LiveSummary {
  bool enabled = false;  // live checks ran (host root "/", or a recorded checker)
  std::string note;      // why not, or the limits that applied
};

// {"servers": [{database_type, version, host, port, running, process: {pid, name, user} |
//   null, listeners: ["127.0.0.1:6379/tcp"], config_files, config_source, live_checks:
//   [{check, target, connected, outcome, error}], finding_types}], "server_count",
//  "live_checks": {enabled, note}}
nlohmann::json make_inventory(const std::vector<Server>& servers, const LiveSummary& live);

}  // namespace zt::database
