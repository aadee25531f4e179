#pragma once
// What a finding may say about a secret: a masked prefix (at most 4 characters and never more
// than a quarter of the value, then "...") and a salted hash (the first 16 hex digits of
// SHA-256 over salt and value), so the same secret on this host is recognised run after run
// without the value ever leaving the host. The salt is this host's (core/host_salt.hpp): the hash of a
// password cannot be compared across hosts, nor brute-forced by whoever knows only the
// host's public identity.
#include <string>
#include <string_view>

namespace zt::privacy {

struct Evidence {
  std::string masked;
  std::string hash;
};

Evidence evidence_of(std::string_view value, std::string_view salt);

}  // namespace zt::privacy
