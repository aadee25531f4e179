#include "collectors/web3/wallet_detectors.hpp"

#include "collectors/web3/host_paths.hpp"
#include "collectors/web3/slashing_protection.hpp"

namespace zt::web3 {
namespace {

FileSeen seen(const collector::WalkedFile& file) {
  return {std::string(file.path), file.info, (file.info.mode & 0004) != 0 && file.others_can_reach};
}

}  // namespace

bool is_wallet_path(std::string_view host_path, std::string_view name) {
  return name == kWalletName ||
         (name.ends_with(".dat") && host_path.find(kWalletsFolder) != std::string_view::npos);
}

KeystoreDetector::KeystoreDetector(Snapshot& snapshot, const collector::HostFs& fs,
                                   std::string salt)
    : snapshot_(snapshot), fs_(fs), salt_(std::move(salt)) {
  interest_.name_globs.assign(std::begin(kKeystoreGlobs), std::end(kKeystoreGlobs));
  interest_.content = collector::ContentKind::text_only;
  interest_.max_size = kKeystoreMaxBytes;
}

void KeystoreDetector::inspect(const collector::WalkedFile& file) {
  if (file.truncated) return;
  // Most JSON files are neither: a look for their marks before a parse.
  const std::string_view head = file.head;
  const bool may_be_keystore = head.find("rypto\"") != std::string_view::npos;  // crypto, Crypto
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  const bool may_be_keypair = head.size() <= kSolanaKeypairMaxBytes &&
                              first != std::string_view::npos && head[first] == '[';
  if (!may_be_keystore && !may_be_keypair) return;
  if (auto keystore = may_be_keystore ? parse_keystore(head) : std::nullopt) {
    std::optional<std::string> protection;
    if (keystore->kind == KeystoreKind::eth2_validator)
      protection = find_slashing_protection(fs_, file.path);
    snapshot_.keystores.push_back({seen(file), std::move(*keystore), std::move(protection)});
  } else if (auto keypair = may_be_keypair ? parse_solana_keypair(head, salt_) : std::nullopt) {
    snapshot_.solana.push_back({seen(file), std::move(*keypair)});
  }
}

BitcoinWalletDetector::BitcoinWalletDetector(Snapshot& snapshot, const collector::HostFs& fs,
                                             std::size_t max_wallet_bytes)
    : snapshot_(snapshot), fs_(fs), max_wallet_bytes_(max_wallet_bytes) {
  interest_.path_filter = &is_wallet_path;
  interest_.content = collector::ContentKind::any;
}

void BitcoinWalletDetector::inspect(const collector::WalkedFile& file) {
  auto wallet = classify_bitcoin_wallet(file.head);
  if (!wallet) return;
  WalletFile found{seen(file), *wallet, file.truncated, false};
  if (found.head_only && wallet->keys == WalletKeys::none_found) {
    auto whole = fs_.read_file(file.path, max_wallet_bytes_);
    auto decided = whole ? classify_bitcoin_wallet(*whole) : std::nullopt;
    if (decided)
      found.wallet = *decided;
    else
      found.undecided = true;
  }
  snapshot_.wallets.push_back(std::move(found));
}

TextSecretDetector::TextSecretDetector(Snapshot& snapshot, std::string salt)
    : snapshot_(snapshot), salt_(std::move(salt)) {
  interest_.every_text_file = true;
  interest_.content = collector::ContentKind::text_only;
}

void TextSecretDetector::inspect(const collector::WalkedFile& file) {
  for (std::string_view dir : kInstalledPackageDirs)
    if (file.path.find(dir) != std::string_view::npos) return;
  for (MnemonicFound& found : find_mnemonics(file.head, salt_))
    snapshot_.mnemonics.push_back({seen(file), std::move(found)});
  for (RawKeyFound& found : find_raw_keys(file.head, salt_))
    snapshot_.raw_keys.push_back({seen(file), std::move(found)});
}

}  // namespace zt::web3
