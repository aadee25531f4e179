#pragma once
// The web3 collector's subscribers to the core's content walk (content_walk.hpp). Each one
// asks for the files its formats live in, runs the pure parsers on the head the walk read
// and keeps what it found in the Snapshot (evidence only, never a key):
// - KeystoreDetector: "UTC--*" and "*.json" up to 64 KiB: Ethereum and EIP-2335 keystores
//   (keystore.hpp), and for a validator's the slashing protection near it
//   (slashing_protection.hpp); Solana keypairs (solana_keypair.hpp).
// - BitcoinWalletDetector: wallet.dat, and *.dat in a "wallets" folder, binary, any size
//   (its head): bitcoin_wallet.hpp; a head that does not decide is followed by a read of the
//   whole file up to `max_wallet_bytes` (a wallet is rare; its master key may lie far in).
// - TextSecretDetector: every text file: seed phrases (mnemonic.hpp), raw private keys
//   (raw_key.hpp).
// The HostFs is the run's: a detector lives for one run. Not thread-safe: the walk calls them
// on its one thread.
#include <string>

#include "collectors/core/content_walk.hpp"
#include "collectors/web3/snapshot.hpp"

namespace zt::web3 {

class KeystoreDetector final : public collector::FileDetector {
 public:
  KeystoreDetector(Snapshot& snapshot, const collector::HostFs& fs, std::string salt);
  const collector::FileInterest& interest() const override { return interest_; }
  void inspect(const collector::WalkedFile& file) override;

 private:
  Snapshot& snapshot_;
  const collector::HostFs& fs_;
  std::string salt_;
  collector::FileInterest interest_;
};

class BitcoinWalletDetector final : public collector::FileDetector {
 public:
  BitcoinWalletDetector(Snapshot& snapshot, const collector::HostFs& fs,
                        std::size_t max_wallet_bytes);
  const collector::FileInterest& interest() const override { return interest_; }
  void inspect(const collector::WalkedFile& file) override;

 private:
  Snapshot& snapshot_;
  const collector::HostFs& fs_;
  std::size_t max_wallet_bytes_;
  collector::FileInterest interest_;
};

class TextSecretDetector final : public collector::FileDetector {
 public:
  TextSecretDetector(Snapshot& snapshot, std::string salt);
  const collector::FileInterest& interest() const override { return interest_; }
  void inspect(const collector::WalkedFile& file) override;

 private:
  Snapshot& snapshot_;
  std::string salt_;
  collector::FileInterest interest_;
};

// Is this host path a Bitcoin Core wallet by its name: ".../wallet.dat", ".../wallets/x.dat".
bool is_wallet_path(std::string_view host_path, std::string_view name);

}  // namespace zt::web3
