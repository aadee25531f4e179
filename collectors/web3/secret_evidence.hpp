#pragma once
// What a finding may say about a key or a seed phrase it found: never the value, only a
// masked prefix of a few characters and a salted hash (to tell two findings of the same
// secret apart from two different secrets). The salt is the host's (core/host_salt.hpp:
// an SSH host key, else the machine id), so the hash of a secret cannot be compared across hosts
// or looked up in a table. Pure; thread-safe.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace zt::web3 {

struct SecretEvidence {
  std::string masked;       // "0x3fa1…", "ab…"
  std::string salted_hash;  // 16 hex digits of SHA-256(salt, secret)

  bool operator==(const SecretEvidence&) const = default;
};

// `shown` characters of `secret` (fewer when it is shorter than twice that) then "…".
SecretEvidence secret_evidence(std::string_view secret, std::string_view salt, std::size_t shown);

// {"masked": …, "salted_hash": …}
nlohmann::json to_json(const SecretEvidence& evidence);

}  // namespace zt::web3
