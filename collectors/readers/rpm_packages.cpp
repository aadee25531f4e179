#include "collectors/readers/rpm_packages.hpp"

#include <utility>

#include "collectors/readers/rpm_bdb.hpp"
#include "collectors/readers/rpm_sqlite.hpp"

namespace zt::readers {
namespace {

using collector::HostFs;
using Problems = std::vector<std::string>;

// The database's header blobs; nullopt (with a problem) when it cannot be read.
std::optional<std::vector<std::string>> read_blobs(const HostFs& fs,
                                                   const RpmDatabaseLocation& db,
                                                   std::size_t max_bytes, Problems& problems) {
  const std::string name = fs.describe(db.path);
  const auto fail = [&](std::string problem) -> std::optional<std::vector<std::string>> {
    problems.push_back(std::move(problem));
    return std::nullopt;
  };
  switch (db.backend) {
    case RpmBackend::sqlite: {
      auto info = fs.stat(db.path);
      if (!info) return fail("cannot read " + info.error().message);
      if (info->size > max_bytes)
        return fail(name + ": " + std::to_string(info->size) + " bytes, over the cap of " +
                    std::to_string(max_bytes));
      auto real = fs.resolve(db.path);
      if (!real) return fail("cannot read " + real.error().message);
      auto blobs = read_rpm_sqlite_blobs(*real, max_bytes);
      if (!blobs) return fail(name + ": " + blobs.error().message);
      return std::move(*blobs);
    }
    case RpmBackend::bdb: {
      auto file = fs.read_file(db.path, max_bytes);
      if (!file) return fail("cannot read " + file.error().message);
      auto values = read_bdb_hash_values(*file, max_bytes);
      if (!values) return fail(name + ": " + values.error().message);
      for (const std::string& problem : values->problems) problems.push_back(name + ": " + problem);
      return std::move(values->values);
    }
    case RpmBackend::ndb:
      break;
  }
  return fail(name + ": rpm's ndb database format is not read; no packages listed");
}

}  // namespace

std::optional<RpmDatabaseLocation> find_rpm_database(const HostFs& fs) {
  for (const RpmDatabaseLocation& db : kRpmDatabases)
    if (!fs.is_missing(db.path)) return db;
  return std::nullopt;
}

std::optional<RpmDatabase> read_rpm_packages(const HostFs& fs, std::size_t max_bytes,
                                             Problems& problems) {
  const auto db = find_rpm_database(fs);
  if (!db) return std::nullopt;
  auto blobs = read_blobs(fs, *db, max_bytes, problems);
  if (!blobs) return std::nullopt;

  RpmDatabase out{std::string(db->path), {}};
  std::size_t failed = 0;
  std::string first_error;
  for (std::size_t i = 0; i < blobs->size(); ++i) {
    auto package = parse_rpm_header((*blobs)[i]);
    if (package) {
      out.packages.push_back(std::move(*package));
    } else if (failed++ == 0) {
      first_error = "record " + std::to_string(i + 1) + ": " + package.error().message;
    }
  }
  if (failed > 0)
    problems.push_back(fs.describe(db->path) + ": " + std::to_string(failed) +
                       " header(s) could not be parsed, the first: " + first_error);
  return out;
}

}  // namespace zt::readers
