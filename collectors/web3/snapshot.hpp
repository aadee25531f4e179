#pragma once
// What one run of the web3 collector read from the host: plain data, no I/O. Keys and
// phrases are not in it: the detectors keep only their evidence (core/secret_evidence.hpp).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "collectors/core/content_walk.hpp"
#include "collectors/core/host_fs.hpp"
#include "collectors/core/live_checker.hpp"
#include "collectors/web3/bitcoin_wallet.hpp"
#include "collectors/web3/keystore.hpp"
#include "collectors/web3/mnemonic.hpp"
#include "collectors/web3/node_settings.hpp"
#include "collectors/web3/raw_key.hpp"
#include "collectors/web3/solana_keypair.hpp"

namespace zt::web3 {

// Where a wallet file lies, and what the walk saw of it.
struct FileSeen {
  std::string path;
  collector::FileInfo info;
  // Its mode lets others read it and every folder above it lets them through.
  bool readable_by_others = false;
};

struct KeystoreFile {
  FileSeen file;
  Keystore keystore;
  // Validator keystores: the slashing protection found near it (its host path), if any.
  std::optional<std::string> slashing_protection;
};

struct MnemonicFile {
  FileSeen file;
  MnemonicFound found;
};

struct RawKeyFile {
  FileSeen file;
  RawKeyFound found;
};

struct SolanaFile {
  FileSeen file;
  SolanaKeypair keypair;
};

struct WalletFile {
  FileSeen file;
  BitcoinWallet wallet;
  // The walk handed only the file's head; when that did not decide, the detector read the
  // whole file up to max_wallet_bytes. Undecided: that read failed (too large, unreadable).
  bool head_only = false;
  bool undecided = false;
};

// One execution client, from a running process, a systemd unit or a configuration file.
struct NodeSource {
  std::string location;     // "process:/usr/bin/geth", "unit:…", "config:…"
  std::string config_file;  // the file read with it, if any
  int pid = 0;              // a running process's
  NodeView view;
  std::vector<collector::LiveCheck> live;  // its rpc_modules calls (node_live_check.hpp)
};

struct Snapshot {
  std::vector<KeystoreFile> keystores;
  std::vector<MnemonicFile> mnemonics;
  std::vector<RawKeyFile> raw_keys;
  std::vector<SolanaFile> solana;
  std::vector<WalletFile> wallets;
  std::vector<NodeSource> nodes;
  collector::WalkProgress walk;
  std::size_t processes_scanned = 0;
  std::size_t units_read = 0;
  collector::LivePlan live;  // whether the running nodes' RPC were called
};

}  // namespace zt::web3
