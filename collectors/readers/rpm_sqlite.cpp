#include "collectors/readers/rpm_sqlite.hpp"

#include <sqlite3.h>

#include <memory>

namespace zt::readers {
namespace {

using model::Error;

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

// A file: URI for the path, with the characters a URI gives a meaning to percent-encoded.
std::string immutable_uri(const std::filesystem::path& file) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file:";
  for (const char c : file.string()) {
    if (c == '%' || c == '?' || c == '#') {
      uri += '%';
      uri += kHex[static_cast<unsigned char>(c) >> 4];
      uri += kHex[static_cast<unsigned char>(c) & 0xf];
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

model::Result<std::vector<std::string>> read_rpm_sqlite_blobs(const std::filesystem::path& file,
                                                              std::size_t max_total_bytes) {
  sqlite3* raw_db = nullptr;
  const int opened = sqlite3_open_v2(immutable_uri(file).c_str(), &raw_db,
                                     SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  const std::unique_ptr<sqlite3, CloseDb> db(raw_db);
  const auto failed = [&] { return Error{"SQLite: " + std::string(sqlite3_errmsg(db.get()))}; };
  if (opened != SQLITE_OK)
    return db ? failed() : Error{"SQLite: " + std::string(sqlite3_errstr(opened))};

  sqlite3_stmt* raw_statement = nullptr;
  if (sqlite3_prepare_v2(db.get(), "SELECT blob FROM Packages ORDER BY hnum", -1, &raw_statement,
                         nullptr) != SQLITE_OK)
    return failed();
  const std::unique_ptr<sqlite3_stmt, FinalizeStatement> statement(raw_statement);

  std::vector<std::string> blobs;
  std::size_t total = 0;
  int step = SQLITE_ROW;
  while ((step = sqlite3_step(statement.get())) == SQLITE_ROW) {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement.get(), 0));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement.get(), 0));
    if (size > max_total_bytes - total)
      return Error{"header blobs exceed the cap of " + std::to_string(max_total_bytes) +
                   " bytes"};
    total += size;
    blobs.emplace_back(bytes == nullptr ? std::string() : std::string(bytes, size));
  }
  if (step != SQLITE_DONE) return failed();
  return blobs;
}

}  // namespace zt::readers
