#pragma once
// What a finding may say about a secret it found (privacy, web3): never the value, only a
// masked prefix of a few characters and a salted hash, so that the same secret is recognised
// run after run and two findings of one secret are told from two secrets. The salt is the
// host's (host_salt.hpp), so the hash cannot be compared across hosts or looked up in a table.
// Pure; thread-safe.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace zt::collector {

struct SecretEvidence {
  std::string masked;  // "ghp_…", "0x3fa1…", "ab…"
  std::string hash;    // the first 16 hex digits of SHA-256 over the salt and the secret
  bool operator==(const SecretEvidence&) const = default;
};

// At most `shown` characters of `secret`, and never more than a quarter of it, then "…".
SecretEvidence secret_evidence(std::string_view secret, std::string_view salt,
                               std::size_t shown = 4);

// {"masked": …, "hash": …}
nlohmann::json to_json(const SecretEvidence& evidence);

}  // namespace zt::collector
