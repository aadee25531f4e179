#pragma once
// The salt of the hashes a secret's evidence holds (privacy, web3): `configured` when set (one
// value for a fleet makes hashes comparable across its hosts), else the SHA-256 of the first
// readable of an SSH host private key, which only root reads and which never leaves the host,
// and, failing those, the machine id (readable by the host's users, and sent when the agent
// enrolls: weaker). `source` says which, and inventories show it; never the salt. A host with
// none of them gets a fixed salt, `source` "none".
#include <string>

#include "collectors/core/host_fs.hpp"

namespace zt::collector {

struct Salt {
  std::string value;
  std::string source;  // "option", a host path, or "none"
};

Salt host_salt(const HostFs& fs, const std::string& configured);

}  // namespace zt::collector
