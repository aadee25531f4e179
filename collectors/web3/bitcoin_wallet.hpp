#pragma once
// Bitcoin Core's wallet.dat, judged from its first bytes and its records' keys, without a
// database library:
// - a legacy wallet is a Berkeley DB B-tree file: the magic 0x00053162 at offset 12 (in the
//   byte order of the machine that wrote it). Its records' keys start with a length-prefixed
//   type: "\x04mkey" (a master key: the wallet is encrypted; its keys are "\x04ckey"
//   records), "\x03key" then a public key of 33 or 65 bytes (a private key in the clear).
// - a descriptor wallet (Bitcoin Core 0.21 and later) is an SQLite file ("SQLite format 3\0")
//   whose records are keyed "\x13walletdescriptorkey" (a private key in the clear) or
//   "\x14walletdescriptorckey" (encrypted, with an "\x04mkey" record).
// A wallet with neither kind of key record is watch-only, or its key records lie past the
// bytes read (the caller knows whether it read the whole file). Pure; never throws.
#include <optional>
#include <string_view>

namespace zt::web3 {

enum class WalletFormat { berkeley_db, sqlite };
enum class WalletKeys { unencrypted, encrypted, none_found };

struct BitcoinWallet {
  WalletFormat format = WalletFormat::berkeley_db;
  WalletKeys keys = WalletKeys::none_found;

  bool operator==(const BitcoinWallet&) const = default;
};

// Nothing when `bytes` is neither a Berkeley DB B-tree nor an SQLite file.
std::optional<BitcoinWallet> classify_bitcoin_wallet(std::string_view bytes);

std::string_view to_string(WalletFormat format);  // "berkeley_db", "sqlite"
std::string_view to_string(WalletKeys keys);      // "unencrypted", "encrypted", "none_found"

}  // namespace zt::web3
