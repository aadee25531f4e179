#include "collectors/system/snapshot.hpp"

#include "collectors/system/host_paths.hpp"

namespace zt::system {

std::string_view to_string(PackageManager manager) {
  switch (manager) {
    case PackageManager::dpkg: return "dpkg";
    case PackageManager::apk: return "apk";
    case PackageManager::none: return "";
  }
  return "";
}

std::string_view package_type(PackageManager manager) {
  switch (manager) {
    case PackageManager::dpkg: return "deb";
    case PackageManager::apk: return "apk";
    case PackageManager::none: return "";
  }
  return "";
}

std::string_view package_database_path(PackageManager manager) {
  switch (manager) {
    case PackageManager::dpkg: return kDpkgStatusPath;
    case PackageManager::apk: return kApkInstalledPath;
    case PackageManager::none: return "";
  }
  return "";
}

}  // namespace zt::system
