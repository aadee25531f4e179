#pragma once
// What one run of the database collector saw, before it becomes findings and the inventory
// (report.hpp): every database server found, each with its configuration and live check
// results (server.hpp), and whether live checks ran. Plain data, no I/O. Each server's
// issues are empty when gathered; the rules (checks.hpp) fill them before the report.
#include <string>
#include <vector>

#include "collectors/core/live_checker.hpp"
#include "collectors/database/server.hpp"

namespace zt::database {

struct Snapshot {
  std::vector<Server> servers;  // the running ones (found by their sockets), then the installed
  collector::LivePlan live;  // whether live checks ran (host root "/", or a recorded checker)
};

}  // namespace zt::database
