#pragma once
// The salt of the evidence hashes (evidence.hpp): the `hash_salt` option when set (one value
// for a fleet makes hashes comparable across its hosts), else the SHA-256 of the first
// readable of kSaltSources (host_paths.hpp): an SSH host private key, which only root reads
// and which never leaves the host, or, failing that, the machine id. `source` says which, and
// the inventory shows it; never the salt.
#include <string>

#include "collectors/core/host_fs.hpp"

namespace zt::privacy {

struct Salt {
  std::string value;
  std::string source;  // "option", a host path, or "none" (a fixed salt; a problem says so)
};

Salt host_salt(const collector::HostFs& fs, const std::string& option);

}  // namespace zt::privacy
