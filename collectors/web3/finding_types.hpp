#pragma once
// The web3 collector's finding types: the one table of what it reports and how severe it is.
// A finding's identity (its fingerprint) is (contract_address, location, finding_type):
// contract_address is left out (nothing here knows a contract), location (in metadata) is the
// file ("/home/ann/.env:12" for a secret in a text file: path and line) or the node
// ("process:/usr/bin/geth", "unit:/etc/systemd/system/geth.service", "config:/etc/besu.toml").
// network is set where a chain is known (the node's options, a path such as
// ~/.ethereum/sepolia/keystore or ~/.bitcoin/testnet3). Keys and phrases never leave the
// host: evidence is their type, a masked prefix and a salted hash (core/secret_evidence.hpp).
//
// | finding_type                     | sev.     | fires when                                 |
// |----------------------------------|----------|--------------------------------------------|
// | mnemonic_phrase                  | critical | a BIP-39 phrase with a valid checksum in a |
// |                                  |          | text file                                  |
// | raw_private_key                  | critical | 64 hex digits named as a private key       |
// | solana_keypair_plaintext         | critical | a Solana keypair file (its halves match)   |
// | bitcoin_wallet_unencrypted       | critical | wallet.dat with private keys in the clear  |
// | bitcoin_wallet_encrypted         | low      | wallet.dat with an encrypted master key    |
// | eth_keystore_weak_kdf            | high     | keystore v3, scrypt n < min_scrypt_n,      |
// |                                  |          | pbkdf2 c < min_pbkdf2_iterations, another  |
// |                                  |          | KDF, or its cost parameter missing         |
// | eth_keystore                     | low      | keystore v3 otherwise                      |
// | validator_keystore_weak_kdf      | high     | EIP-2335 keystore, weak KDF as above       |
// | validator_no_slashing_protection | high     | EIP-2335 keystore, no slashing protection  |
// |                                  |          | in its folder, parent or grandparent       |
// | validator_keystore               | low      | EIP-2335 keystore, neither of the above    |
// | node_rpc_dangerous_api_exposed   | critical | an RPC endpoint beyond loopback serves     |
// |                                  |          | admin, personal, debug or miner            |
// | node_rpc_exposed                 | high     | an RPC endpoint beyond loopback (without   |
// |                                  |          | those namespaces)                          |
// | node_rpc_dangerous_api           | medium   | a loopback endpoint serves one of them     |
// | node_unlocked_account            | high     | geth --unlock                              |
//
// A node gives at most one finding of each type, its endpoints listed in metadata.
#include <string_view>

#include "schema-client/model/severity.hpp"

namespace zt::web3 {

struct FindingType {
  std::string_view name;
  model::Severity severity;
};

namespace finding_type {
using model::Severity;
inline constexpr FindingType kMnemonicPhrase{"mnemonic_phrase", Severity::critical};
inline constexpr FindingType kRawPrivateKey{"raw_private_key", Severity::critical};
inline constexpr FindingType kSolanaKeypair{"solana_keypair_plaintext", Severity::critical};
inline constexpr FindingType kBitcoinWalletUnencrypted{"bitcoin_wallet_unencrypted",
                                                       Severity::critical};
inline constexpr FindingType kBitcoinWalletEncrypted{"bitcoin_wallet_encrypted", Severity::low};
inline constexpr FindingType kEthKeystoreWeakKdf{"eth_keystore_weak_kdf", Severity::high};
inline constexpr FindingType kEthKeystore{"eth_keystore", Severity::low};
inline constexpr FindingType kValidatorKeystoreWeakKdf{"validator_keystore_weak_kdf",
                                                       Severity::high};
inline constexpr FindingType kValidatorNoSlashingProtection{"validator_no_slashing_protection",
                                                            Severity::high};
inline constexpr FindingType kValidatorKeystore{"validator_keystore", Severity::low};
inline constexpr FindingType kNodeRpcDangerousApiExposed{"node_rpc_dangerous_api_exposed",
                                                         Severity::critical};
inline constexpr FindingType kNodeRpcExposed{"node_rpc_exposed", Severity::high};
inline constexpr FindingType kNodeRpcDangerousApi{"node_rpc_dangerous_api", Severity::medium};
inline constexpr FindingType kNodeUnlockedAccount{"node_unlocked_account", Severity::high};
}  // namespace finding_type

inline constexpr FindingType kAllFindingTypes[] = {
    finding_type::kMnemonicPhrase,
    finding_type::kRawPrivateKey,
    finding_type::kSolanaKeypair,
    finding_type::kBitcoinWalletUnencrypted,
    finding_type::kBitcoinWalletEncrypted,
    finding_type::kEthKeystoreWeakKdf,
    finding_type::kEthKeystore,
    finding_type::kValidatorKeystoreWeakKdf,
    finding_type::kValidatorNoSlashingProtection,
    finding_type::kValidatorKeystore,
    finding_type::kNodeRpcDangerousApiExposed,
    finding_type::kNodeRpcExposed,
    finding_type::kNodeRpcDangerousApi,
    finding_type::kNodeUnlockedAccount,
};

}  // namespace zt::web3
