#include "collectors/web3/solana_keypair.hpp"

#include <openssl/evp.h>

#include <array>
#include <memory>
#include <nlohmann/json.hpp>

namespace zt::web3 {
namespace {

constexpr std::size_t kKeyBytes = 32;

// The Ed25519 public key of a 32-byte secret key.
std::optional<std::array<unsigned char, kKeyBytes>> ed25519_public(const unsigned char* secret) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, secret, kKeyBytes), &EVP_PKEY_free);
  if (!key) return std::nullopt;
  std::array<unsigned char, kKeyBytes> out{};
  std::size_t length = out.size();
  if (EVP_PKEY_get_raw_public_key(key.get(), out.data(), &length) != 1 || length != kKeyBytes)
    return std::nullopt;
  return out;
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0xF];
  }
  return out;
}

}  // namespace

std::string base58(std::string_view bytes) {
  static constexpr char kAlphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  std::vector<unsigned char> digits;  // base 58, least significant first
  for (unsigned char byte : bytes) {
    unsigned carry = byte;
    for (unsigned char& d : digits) {
      carry += static_cast<unsigned>(d) << 8;
      d = static_cast<unsigned char>(carry % 58);
      carry /= 58;
    }
    for (; carry > 0; carry /= 58) digits.push_back(static_cast<unsigned char>(carry % 58));
  }
  std::string out;
  for (std::size_t i = 0; i < bytes.size() && bytes[i] == '\0'; ++i) out += '1';
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) out += kAlphabet[*it];
  return out;
}

std::optional<SolanaKeypair> parse_solana_keypair(std::string_view text, std::string_view salt) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_array() || doc.size() != 2 * kKeyBytes) return std::nullopt;
  std::array<unsigned char, 2 * kKeyBytes> bytes{};
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (!doc[i].is_number_unsigned() || doc[i].get<std::uint64_t>() > 255) return std::nullopt;
    bytes[i] = static_cast<unsigned char>(doc[i].get<unsigned>());
  }
  const auto derived = ed25519_public(bytes.data());
  if (!derived || !std::equal(derived->begin(), derived->end(), bytes.begin() + kKeyBytes))
    return std::nullopt;
  const std::string public_key(reinterpret_cast<const char*>(bytes.data() + kKeyBytes), kKeyBytes);
  return SolanaKeypair{base58(public_key), collector::secret_evidence(hex(bytes.data(), kKeyBytes), salt, 4)};
}

}  // namespace zt::web3
