#pragma once
// Encrypted key files in JSON: the Ethereum account keystore (Web3 Secret Storage, version
// 3: geth's keystore/UTC--<time>--<address>, "crypto" or "Crypto" with kdf, kdfparams,
// cipher and ciphertext) and the consensus-layer validator keystore of EIP-2335 (version 4:
// crypto.kdf.function and params, crypto.cipher.message, pubkey, path; staking-deposit-cli's
// keystore-m_12381_3600_<i>_0_0-<time>.json). What is kept is what judges the file: the key
// derivation and its cost parameters, and the public parts (address, pubkey, path). Pure;
// never throws; a file that is not one of the two gives nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zt::web3 {

enum class KeystoreKind { ethereum_account, eth2_validator };

struct KdfParams {
  std::string function;                  // "scrypt", "pbkdf2", or whatever the file names
  std::optional<std::uint64_t> n, r, p;  // scrypt
  std::optional<std::uint64_t> c;        // pbkdf2 iterations
  std::string prf;                       // pbkdf2: "hmac-sha256"

  bool operator==(const KdfParams&) const = default;
};

struct Keystore {
  KeystoreKind kind = KeystoreKind::ethereum_account;
  KdfParams kdf;
  std::string cipher;   // "aes-128-ctr"
  std::string address;  // version 3: the account address, "0x"-prefixed; may be empty
  std::string pubkey;   // version 4: the BLS public key, "0x"-prefixed
  std::string path;     // version 4: the derivation path, "m/12381/3600/0/0/0"

  bool operator==(const Keystore&) const = default;
};

std::optional<Keystore> parse_keystore(std::string_view text);

// "ethereum_account", "eth2_validator"
std::string_view to_string(KeystoreKind kind);

}  // namespace zt::web3
