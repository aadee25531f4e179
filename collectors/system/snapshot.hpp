#pragma once
// What one run of the system collector saw, before it is turned into the inventory, the
// dependencies and the findings (report.hpp). Plain data; an empty optional means "not known"
// (file missing, unreadable or not collected).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/system/civil_date.hpp"
#include "collectors/core/os_release.hpp"
#include "collectors/system/security_support.hpp"

namespace zt::system {

using collector::OsRelease;

enum class PackageManager { none, dpkg, apk, rpm };

// "dpkg", "apk", "rpm", or "" for none.
std::string_view to_string(PackageManager manager);
// The dependencies table's package format: "deb", "apk", "rpm", or "".
std::string_view package_type(PackageManager manager);

struct RebootFlag {
  std::string flag_path;              // host path of the flag file that was found
  std::vector<std::string> packages;  // from the .pkgs file next to it; may be empty
};

// One installed package, as the package database describes it (the inventory's entry).
struct Package {
  std::string name;  // dpkg: ${binary:Package}
  std::string version;  // rpm: [epoch:]version-release
  std::string license;  // apk and rpm
  // The source package and its version: dpkg's ${source:Package} and ${source:Version}, apk's
  // origin (o:) with the package's version (an APKBUILD gives its subpackages its version),
  // rpm's SOURCERPM file name ("openssl-3.0.7-27.el9.src.rpm") with no version of its own;
  // a dpkg or apk package without a source field is its own source.
  std::string source;
  std::string source_version;
  std::string arch;  // dpkg's Architecture, apk's A:; empty when the database has none
};

// One installed kernel, by its release, and what showed it (the evidence).
struct InstalledKernel {
  std::string release;   // "6.1.0-30-amd64"
  std::string evidence;  // "linux-image-6.1.0-30-amd64 6.1.124-1", "/boot/vmlinuz-6.1.0-30-amd64"

  bool operator==(const InstalledKernel&) const = default;
};

struct InstalledKernels {
  // Where they were found: the package database's host path, "/boot" or "/lib/modules".
  std::string source;
  std::vector<InstalledKernel> kernels;  // never empty
};

// Debian's debian-security-support lists for the host's release; a list that is missing is
// nullopt (the package is not installed, or has no list for this release).
struct SecuritySupportLists {
  std::string debian_major;  // "12": the .deb<N> the ended list is for
  std::string ended_path;
  std::optional<SupportEndedList> ended;
  std::string limited_path;
  std::optional<SupportLimitedList> limited;
};

struct Snapshot {
  std::optional<OsRelease> os;
  std::string os_release_path;  // the host path os was read from
  std::optional<std::string> kernel_release;
  std::optional<std::int64_t> uptime_seconds;
  std::optional<RebootFlag> reboot;  // set when a reboot is required
  PackageManager package_manager = PackageManager::none;
  std::string package_database;  // the host path of the database read; "" for none
  std::optional<std::vector<Package>> packages;
  std::optional<InstalledKernels> installed_kernels;  // nullopt: none found
  std::optional<SecuritySupportLists> security_support;  // nullopt: not a Debian host
  // The day of the run (UTC), from the collector's clock: end-of-life dates compare with it.
  Date today{};
};

}  // namespace zt::system
