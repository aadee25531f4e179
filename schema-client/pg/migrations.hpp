#pragma once
// Schema migrations: the SQL files of schema-client/sql, built into the binary, applied in
// version order. Each migration runs in its own transaction together with the row that
// records it in schema_migrations (version, name, checksum, applied_at), so a failure leaves
// the schema at the previous version. A session-level advisory lock serialises concurrent
// runs: a second process waits, then finds nothing left to do. A migration already applied
// whose text has changed since is an error (history is never rewritten), as is a database
// newer than this binary.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"
#include "schema-client/pg/connection.hpp"

namespace zt::pg {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> embedded_migrations();

struct MigrationReport {
  std::vector<int> applied;  // versions applied by this run
  int current_version = 0;   // the schema's version afterwards
};

model::Result<MigrationReport> migrate(Connection& connection,
                                       std::span<const Migration> migrations);

}  // namespace zt::pg
