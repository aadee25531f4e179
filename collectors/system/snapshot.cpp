#include "collectors/system/snapshot.hpp"

namespace zt::system {

std::string_view to_string(PackageManager manager) {
  switch (manager) {
    case PackageManager::dpkg: return "dpkg";
    case PackageManager::apk: return "apk";
    case PackageManager::rpm: return "rpm";
    case PackageManager::none: return "";
  }
  return "";
}

std::string_view package_type(PackageManager manager) {
  switch (manager) {
    case PackageManager::dpkg: return "deb";
    case PackageManager::apk: return "apk";
    case PackageManager::rpm: return "rpm";
    case PackageManager::none: return "";
  }
  return "";
}

}  // namespace zt::system
