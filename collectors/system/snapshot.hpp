#pragma once
// What one run of the system collector saw, before it is turned into the inventory, the
// dependencies and the findings (report.hpp). Plain data; an empty optional means "not known"
// (file missing, unreadable or not collected).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/system/os_release.hpp"

namespace zt::system {

// rpm is out of scope for now (see choose_package_manager in system_collector.cpp).
enum class PackageManager { none, dpkg, apk };

// "dpkg", "apk", or "" for none.
std::string_view to_string(PackageManager manager);
// The dependencies table's package format: "deb", "apk", or "".
std::string_view package_type(PackageManager manager);
// The database's host path, or "" for none.
std::string_view package_database_path(PackageManager manager);

struct RebootFlag {
  std::string flag_path;              // host path of the flag file that was found
  std::vector<std::string> packages;  // from the .pkgs file next to it; may be empty
};

struct Package {
  std::string name;  // dpkg: ${binary:Package}
  std::string version;
  std::string license;  // apk only
};

struct Snapshot {
  std::optional<OsRelease> os;
  std::optional<std::string> kernel_release;
  std::optional<std::int64_t> uptime_seconds;
  std::optional<RebootFlag> reboot;  // set when a reboot is required
  PackageManager package_manager = PackageManager::none;
  std::optional<std::vector<Package>> packages;
};

}  // namespace zt::system
