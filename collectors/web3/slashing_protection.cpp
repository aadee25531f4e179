#include "collectors/web3/slashing_protection.hpp"

#include "collectors/web3/host_paths.hpp"
#include "schema-client/base/path.hpp"

namespace zt::web3 {

bool is_slashing_protection_name(std::string_view name) {
  for (std::string_view known : kSlashingProtectionNames)
    if (name == known) return true;
  for (std::string_view prefix : kInterchangePrefixes)
    if (name.starts_with(prefix) && name.ends_with(".json")) return true;
  return false;
}

std::optional<std::string> find_slashing_protection(const collector::HostFs& fs,
                                                    std::string_view keystore_path) {
  std::string dir = base::parent_of(std::string(keystore_path));
  for (int level = 0; level < kSlashingProtectionLevels; ++level) {
    if (auto names = fs.list_dir(dir))
      for (const std::string& name : *names)
        if (is_slashing_protection_name(name)) return (dir == "/" ? "" : dir) + "/" + name;
    if (dir == "/" || dir.empty()) break;
    dir = base::parent_of(dir);
  }
  return std::nullopt;
}

}  // namespace zt::web3
