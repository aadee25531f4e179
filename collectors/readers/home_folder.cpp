#include "collectors/readers/home_folder.hpp"

#include "collectors/readers/accounts.hpp"
#include "collectors/readers/host_paths.hpp"

namespace zt::readers {

std::string home_of(const collector::HostFs& fs, std::string_view user) {
  auto passwd = fs.read_file(kPasswdPath);
  if (!passwd) return "";
  for (const PasswdEntry& e : parse_passwd(*passwd).entries)
    if (e.name == user) return e.home;
  return "";
}

}  // namespace zt::readers
