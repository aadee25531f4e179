#include "schema-client/pg/migrations.hpp"

#include <map>

#include "schema-client/model/digest.hpp"

namespace zt::pg {
namespace {

// Any constant both runs agree on; "ztmi" in ASCII.
constexpr std::int64_t kMigrationLock = 0x7a746d69;

struct Applied {
  std::string name;
  std::string checksum;
};

std::map<int, Applied> applied_migrations(Connection& connection) {
  connection.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version integer PRIMARY KEY, name text NOT NULL, checksum char(64) NOT NULL,"
      " applied_at timestamptz NOT NULL DEFAULT now())");
  std::map<int, Applied> applied;
  const Rows rows = connection.exec("SELECT version, name, checksum FROM schema_migrations");
  for (int r = 0; r < rows.size(); ++r)
    applied[static_cast<int>(rows.integer(r, 0))] = {std::string(rows.text(r, 1)),
                                                     std::string(rows.text(r, 2))};
  return applied;
}

model::Result<MigrationReport> migrate_locked(Connection& connection,
                                              std::span<const Migration> migrations) {
  const std::map<int, Applied> applied = applied_migrations(connection);
  MigrationReport report;
  if (!applied.empty()) report.current_version = applied.rbegin()->first;
  const int newest_known = migrations.empty() ? 0 : migrations.back().version;
  if (report.current_version > newest_known)
    return model::Error{"the database schema is at version " +
                        std::to_string(report.current_version) +
                        ", newer than this program knows (" + std::to_string(newest_known) +
                        "): upgrade zerotrace-ingest"};
  for (const Migration& m : migrations) {
    const std::string checksum = model::sha256_hex(m.sql);
    if (auto found = applied.find(m.version); found != applied.end()) {
      if (found->second.checksum != checksum)
        return model::Error{"migration " + std::to_string(m.version) + " (" +
                            std::string(m.name) +
                            ") differs from the one applied to this database; applied "
                            "migrations must never be edited"};
      continue;
    }
    try {
      Transaction tx(connection);
      connection.exec_script(m.sql);
      tx.exec("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
              {param(m.version), param(m.name), param(checksum)});
      tx.commit();
    } catch (const DbError& e) {
      return model::Error{"migration " + std::to_string(m.version) + " (" +
                          std::string(m.name) + ") failed, nothing of it applied: " + e.what()};
    }
    report.applied.push_back(m.version);
    report.current_version = m.version;
  }
  return report;
}

}  // namespace

model::Result<MigrationReport> migrate(Connection& connection,
                                       std::span<const Migration> migrations) {
  try {
    connection.exec("SELECT pg_advisory_lock($1)", {param(kMigrationLock)});
    model::Result<MigrationReport> result = migrate_locked(connection, migrations);
    connection.exec("SELECT pg_advisory_unlock($1)", {param(kMigrationLock)});
    return result;
  } catch (const DbError& e) {
    // The lock is a session lock: it goes with the connection if unlocking failed.
    return model::Error{e.what()};
  }
}

}  // namespace zt::pg
