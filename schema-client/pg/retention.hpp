#pragma once
// Retention of the inventory: every system scan adds one `dependencies` row per package
// (~1,000 a host), so old inventories are deleted: rows of scans created more than
// `older_than` ago go, except each agent's latest scan that has an inventory, which is kept
// whatever its age (a host that stopped scanning keeps what it last had). Runs company by
// company under each one's row-level security context, one transaction each.
//
// Errors: DbError is thrown (unavailable() for "retry later"); what was committed for the
// companies before stays deleted.
#include <chrono>
#include <cstdint>

#include "schema-client/pg/connection.hpp"

namespace zt::pg {

struct PruneReport {
  std::int64_t dependencies = 0;  // rows deleted
  std::int64_t companies = 0;     // visited
};

PruneReport prune_dependencies(Connection& connection, std::chrono::seconds older_than);

}  // namespace zt::pg
