#pragma once
// Raw private keys written in configuration: 64 hex digits (optionally "0x"), a whole token
// (no hex digit or letter touching either end), whose name on the same line, just before it,
// says it is a key: `PRIVATE_KEY=…`, `private_key: "0x…"`, `"privKey": "…"`,
// `--private-key 0x…`. A name is one when, lower-cased without '_', '-' and '.', it contains
// "privatekey", "privkey" or "mnemonic" ("secret_key" is not: Django's and Flask's SECRET_KEY
// are often 64 hex digits). A value with fewer than 8 different digits is a placeholder
// ("0x000…01", "aaaa…"). A checksum in a lockfile (`checksum = "…"`, `sha256:…`) has no such
// name and gives nothing. Pure; never throws; the key only leaves as SecretEvidence.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/secret_evidence.hpp"

namespace zt::web3 {

struct RawKeyFound {
  std::size_t line = 0;     // from 1
  std::string name;         // the key's name as written: "PRIVATE_KEY"
  collector::SecretEvidence evidence;  // masked: "0x" and 4 hex digits

  bool operator==(const RawKeyFound&) const = default;
};

std::vector<RawKeyFound> find_raw_keys(std::string_view text, std::string_view salt);

// The name rule above, on one name.
bool is_private_key_name(std::string_view name);

}  // namespace zt::web3
