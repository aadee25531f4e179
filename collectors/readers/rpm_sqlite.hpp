#pragma once
// Reads the header blobs of rpm's sqlite database (rpmdb.sqlite, rpm 4.16 and later: RHEL 9
// and its rebuilds, Fedora 33 on, Amazon Linux 2023): table Packages (hnum INTEGER PRIMARY
// KEY, blob BLOB), one rpm header per row (rpm_header.hpp), in header-number order.
//
// `file` is a real path on this machine (HostFs::resolve of the host path). The database is
// opened read-only and as immutable (URI parameter immutable=1): SQLite takes no lock and
// creates no -wal or -shm file beside it, so the host's database is never touched. rpm
// checkpoints its write-ahead log when it closes; what a running rpm has not yet checkpointed
// is not seen.
//
// Errors are SQLite's message ("SQLite: no such table: Packages"; the caller names the file);
// blobs totalling more than `max_total_bytes` are an error too. Never throws. Each
// call opens its own connection: safe from any thread.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::readers {

model::Result<std::vector<std::string>> read_rpm_sqlite_blobs(const std::filesystem::path& file,
                                                              std::size_t max_total_bytes);

}  // namespace zt::readers
