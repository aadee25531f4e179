#pragma once
// Every host path the web3 collector names, and its read caps. They are host paths: HostFs
// resolves them under the configured host root. Wallet files are found by the core's content
// walk (content_walk.hpp), under the roots of the options; the names it asks for are here.
#include <cstddef>
#include <string_view>

namespace zt::web3 {

// Processes: /proc/<pid>/cmdline of every pid (collectors/core/proc_paths.hpp).
// systemd units whose ExecStart may run a node when it is not running now.
inline constexpr std::string_view kUnitDirs[] = {"/etc/systemd/system", "/lib/systemd/system",
                                                 "/usr/lib/systemd/system"};

// Files the walk hands to the keystore detector: geth's keystore/UTC--<time>--<address>,
// and JSON (EIP-2335 keystores, Solana keypairs).
inline constexpr std::string_view kKeystoreGlobs[] = {"UTC--*", "*.json"};
inline constexpr std::size_t kKeystoreMaxBytes = std::size_t{64} << 10;
// 64 numbers of at most 3 digits with their commas, and room for white space.
inline constexpr std::size_t kSolanaKeypairMaxBytes = 4096;
// Installed packages' trees: the keys and phrases in them are their documentation's and
// tests' examples (awscli's docs hold "AppServerPrivateKey": "<64 hex>"), not the host's.
// The text detectors skip them; keystores and wallets are still looked for there.
inline constexpr std::string_view kInstalledPackageDirs[] = {"/site-packages/", "/dist-packages/"};
// Bitcoin Core's wallets: <datadir>/wallet.dat (legacy), <datadir>/wallets/<name>/wallet.dat
// and <datadir>/wallets/<name>.dat.
inline constexpr std::string_view kWalletName = "wallet.dat";
inline constexpr std::string_view kWalletsFolder = "/wallets/";

// Slashing protection of a validator client, looked for in the keystore's folder, its
// parent and grandparent: Lighthouse's slashing_protection.sqlite, Nimbus's .sqlite3,
// Teku's slashprotection folder, Prysm's validator.db, Lodestar's validator-db, and EIP-3076
// interchange files by their usual names (slashing-protection*.json, slashing_protection*.json).
inline constexpr std::string_view kSlashingProtectionNames[] = {"slashing_protection.sqlite",
                                                                "slashing_protection.sqlite3",
                                                                "slashprotection",
                                                                "slashing-protection",
                                                                "slashing_protection",
                                                                "validator.db",
                                                                "validator-db"};
inline constexpr std::string_view kInterchangePrefixes[] = {"slashing-protection",
                                                            "slashing_protection"};
inline constexpr int kSlashingProtectionLevels = 3;  // the folder, parent, grandparent

// Read caps: a command line, a unit, a node's configuration are small.
inline constexpr std::size_t kSmallFileMaxBytes = std::size_t{1} << 20;
inline constexpr std::size_t kMaxUnitFiles = 4096;

}  // namespace zt::web3
