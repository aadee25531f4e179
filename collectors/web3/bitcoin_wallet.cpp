#include "collectors/web3/bitcoin_wallet.hpp"

namespace zt::web3 {
namespace {

using namespace std::string_view_literals;

constexpr std::string_view kSqliteHeader = "SQLite format 3\0"sv;
constexpr std::string_view kBdbBtreeMagicLittle = "\x62\x31\x05\x00"sv;
constexpr std::string_view kBdbBtreeMagicBig = "\x00\x05\x31\x62"sv;
constexpr std::size_t kBdbMagicOffset = 12;

constexpr std::string_view kMasterKey = "\x04mkey"sv;
constexpr std::string_view kDescriptorKey = "\x13walletdescriptorkey"sv;
constexpr std::string_view kDescriptorCryptedKey = "\x14walletdescriptorckey"sv;
constexpr std::string_view kLegacyKey = "\x03key"sv;

bool contains(std::string_view bytes, std::string_view what) {
  return bytes.find(what) != std::string_view::npos;
}

// "\x03key" followed by the compact size of a public key (33 compressed, 65 not) and a key
// that starts as one does (02/03, or 04).
bool has_legacy_key_record(std::string_view bytes) {
  for (std::size_t at = bytes.find(kLegacyKey); at != std::string_view::npos;
       at = bytes.find(kLegacyKey, at + 1)) {
    const std::size_t next = at + kLegacyKey.size();
    if (next + 1 >= bytes.size()) break;
    const auto size = static_cast<unsigned char>(bytes[next]);
    const auto prefix = static_cast<unsigned char>(bytes[next + 1]);
    if ((size == 33 && (prefix == 2 || prefix == 3)) || (size == 65 && prefix == 4)) return true;
  }
  return false;
}

}  // namespace

std::optional<BitcoinWallet> classify_bitcoin_wallet(std::string_view bytes) {
  BitcoinWallet wallet;
  if (bytes.starts_with(kSqliteHeader)) {
    wallet.format = WalletFormat::sqlite;
    if (contains(bytes, kMasterKey) || contains(bytes, kDescriptorCryptedKey))
      wallet.keys = WalletKeys::encrypted;
    else if (contains(bytes, kDescriptorKey))
      wallet.keys = WalletKeys::unencrypted;
    return wallet;
  }
  const std::string_view magic =
      bytes.size() >= kBdbMagicOffset + 4 ? bytes.substr(kBdbMagicOffset, 4) : std::string_view();
  if (magic != kBdbBtreeMagicLittle && magic != kBdbBtreeMagicBig) return std::nullopt;
  wallet.format = WalletFormat::berkeley_db;
  if (contains(bytes, kMasterKey))
    wallet.keys = WalletKeys::encrypted;
  else if (has_legacy_key_record(bytes))
    wallet.keys = WalletKeys::unencrypted;
  return wallet;
}

std::string_view to_string(WalletFormat format) {
  return format == WalletFormat::sqlite ? "sqlite" : "berkeley_db";
}

std::string_view to_string(WalletKeys keys) {
  switch (keys) {
    case WalletKeys::unencrypted:
      return "unencrypted";
    case WalletKeys::encrypted:
      return "encrypted";
    case WalletKeys::none_found:
      return "none_found";
  }
  return "none_found";
}

}  // namespace zt::web3
