#pragma once
// The installed packages of an rpm host, from its rpm database read through HostFs.
//
// Where the database is, tried in this order (the first one present is read):
//   /usr/lib/sysimage/rpm/rpmdb.sqlite  sqlite: Fedora 36 on (/var/lib/rpm links there)
//   /var/lib/rpm/rpmdb.sqlite           sqlite: RHEL, Rocky, AlmaLinux, CentOS Stream 9;
//                                       Amazon Linux 2023; Fedora 33 to 35
//   /var/lib/rpm/Packages               Berkeley DB hash: RHEL and CentOS 7 and 8, Rocky and
//                                       AlmaLinux 8, Amazon Linux 2, SLES 12
//   /usr/lib/sysimage/rpm/Packages.db   rpm's ndb: SLES 15, openSUSE; recognised, not read
//                                       (a problem says so)
// The sqlite files come first: a host converted from Berkeley DB may keep its old Packages.
//
// Errors are problems naming the host path ("cannot read /var/lib/rpm/Packages (under /host):
// …", "/var/lib/rpm/Packages: 2 header(s) could not be parsed, the first: record 7: …");
// the packages that were read are kept. Never throws; thread-safe (no state).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_fs.hpp"
#include "collectors/readers/rpm_header.hpp"

namespace zt::readers {

enum class RpmBackend { sqlite, bdb, ndb };

struct RpmDatabaseLocation {
  std::string_view path;
  RpmBackend backend;
};

inline constexpr RpmDatabaseLocation kRpmDatabases[] = {
    {"/usr/lib/sysimage/rpm/rpmdb.sqlite", RpmBackend::sqlite},
    {"/var/lib/rpm/rpmdb.sqlite", RpmBackend::sqlite},
    {"/var/lib/rpm/Packages", RpmBackend::bdb},
    {"/usr/lib/sysimage/rpm/Packages.db", RpmBackend::ndb},
};

struct RpmDatabase {
  std::string path;                  // the host path that was read
  // In database order: by header number (sqlite), by page (Berkeley DB). As `rpm -qa` lists
  // them, gpg-pubkey pseudo-packages (the imported signing keys) included.
  std::vector<RpmPackage> packages;
};

// The first of kRpmDatabases that is present on the host, or nullopt: not an rpm host.
std::optional<RpmDatabaseLocation> find_rpm_database(const collector::HostFs& fs);

// The packages of the database find_rpm_database() gives; nullopt when there is none, or
// when it cannot be read at all (with a problem). `max_bytes` caps the file's size and the
// total size of its headers.
std::optional<RpmDatabase> read_rpm_packages(const collector::HostFs& fs, std::size_t max_bytes,
                                             std::vector<std::string>& problems);

}  // namespace zt::readers
