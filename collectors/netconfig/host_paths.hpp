#pragma once
// Every host path the netconfig collector names, in one place: the folders where the usual
// configuration backup tools write the devices' configurations. They are host paths (HostFs
// resolves them under the host root) and globs (readers/host_glob.hpp).
#include <cstddef>
#include <string>
#include <vector>

namespace zt::netconfig {

// RANCID writes <BASEDIR>/<group>/configs/<device>: BASEDIR is /var/lib/rancid in Debian's
// package, /usr/local/rancid/var when built from source. Oxidized's file output defaults to
// ~/.config/oxidized/configs (one file per device, or <group>/<device> with groups).
inline std::vector<std::string> default_config_paths() {
  return {"/var/lib/rancid/*/configs", "/usr/local/rancid/var/*/configs",
          "/home/*/.config/oxidized/configs", "/root/.config/oxidized/configs"};
}

// Folder names never entered: version control of RANCID (CVS, Subversion) and Oxidized (git).
inline constexpr const char* kSkippedFolders[] = {"CVS", ".svn", ".git"};

// How many matches one glob may give.
inline constexpr std::size_t kMaxGlobMatches = 10000;

}  // namespace zt::netconfig
