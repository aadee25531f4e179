#pragma once
// Solana's keypair file (solana-keygen's ~/.config/solana/id.json): a JSON array of 64
// integers 0..255, the Ed25519 secret key (32 bytes) then its public key (32 bytes), with no
// encryption. The public half must be the one the secret half derives (OpenSSL), so an
// array of 64 small numbers that is something else gives nothing. Pure; never throws.
#include <optional>
#include <string>
#include <string_view>

#include "collectors/core/secret_evidence.hpp"

namespace zt::web3 {

struct SolanaKeypair {
  std::string address;      // the public key in base58: the account's address
  collector::SecretEvidence evidence;  // of the secret half, as hex; masked: its first 4 hex digits

  bool operator==(const SolanaKeypair&) const = default;
};

std::optional<SolanaKeypair> parse_solana_keypair(std::string_view text, std::string_view salt);

// Bitcoin's base58 alphabet, leading zero bytes as '1' (Solana addresses use it).
std::string base58(std::string_view bytes);

}  // namespace zt::web3
