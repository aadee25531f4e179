#pragma once
// Turns a Snapshot into the web3 collector's findings and inventory. Pure; never throw.
// Finding types and severities: finding_types.hpp. Every finding has category web3, fields
// {finding_type, network (when known)}, metadata.location (its identity with the type), an
// empty fingerprint and risk score 0 (the scan runner sets both). Evidence of a key or a
// phrase is its kind, masked prefix and salted hash; public parts (an account address, a
// validator pubkey) are kept as they are.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "collectors/web3/finding_types.hpp"
#include "collectors/web3/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::web3 {

using Findings = std::vector<model::Finding>;

struct KdfLimits {
  std::uint64_t min_scrypt_n = 262144;
  std::uint64_t min_pbkdf2_iterations = 262144;
};

Findings wallet_findings(const Snapshot& snapshot, const KdfLimits& limits);
Findings node_findings(const Snapshot& snapshot);
nlohmann::json make_inventory(const Snapshot& snapshot);

// Why the key derivation is weak ("scrypt n 4096 < 262144"), or nothing when it is not.
std::optional<std::string> kdf_weakness(const KdfParams& kdf, const KdfLimits& limits);

// The network a wallet file's path names: ".../sepolia/...", ".../testnet3/..." (Bitcoin
// Core's testnet3, testnet4, signet, regtest) or "" when none.
std::string network_of_path(std::string_view path);

model::Finding make_finding(const FindingType& type, std::string location, std::string network,
                            std::string title, std::string description, std::string remediation,
                            nlohmann::json metadata);

// "0600": permission bits as octal text.
std::string octal_mode(std::uint32_t mode);

}  // namespace zt::web3
