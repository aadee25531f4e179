#include "collectors/web3/keystore.hpp"

#include <nlohmann/json.hpp>

namespace zt::web3 {
namespace {

using nlohmann::json;

std::string text_at(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json* object_at(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_object() ? &*it : nullptr;
}

std::optional<std::uint64_t> count_at(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_unsigned()) return std::nullopt;
  return it->get<std::uint64_t>();
}

KdfParams kdf_params(std::string function, const json& params) {
  return {std::move(function),   count_at(params, "n"), count_at(params, "r"),
          count_at(params, "p"), count_at(params, "c"), text_at(params, "prf")};
}

std::string with_0x(std::string hex) {
  if (hex.empty() || hex.starts_with("0x")) return hex;
  return "0x" + hex;
}

std::optional<Keystore> version3(const json& doc) {
  const json* crypto = object_at(doc, "crypto");
  if (!crypto) crypto = object_at(doc, "Crypto");  // geth before 1.4 wrote "Crypto"
  if (!crypto) return std::nullopt;
  const json* params = object_at(*crypto, "kdfparams");
  const std::string function = text_at(*crypto, "kdf");
  if (!params || function.empty() || text_at(*crypto, "ciphertext").empty()) return std::nullopt;
  Keystore k;
  k.kind = KeystoreKind::ethereum_account;
  k.kdf = kdf_params(function, *params);
  k.cipher = text_at(*crypto, "cipher");
  k.address = with_0x(text_at(doc, "address"));
  return k;
}

std::optional<Keystore> version4(const json& doc) {
  const json* crypto = object_at(doc, "crypto");
  if (!crypto) return std::nullopt;
  const json* kdf = object_at(*crypto, "kdf");
  const json* cipher = object_at(*crypto, "cipher");
  if (!kdf || !cipher || text_at(*cipher, "message").empty()) return std::nullopt;
  const json* params = object_at(*kdf, "params");
  const std::string function = text_at(*kdf, "function");
  if (!params || function.empty() || doc.find("pubkey") == doc.end()) return std::nullopt;
  Keystore k;
  k.kind = KeystoreKind::eth2_validator;
  k.kdf = kdf_params(function, *params);
  k.cipher = text_at(*cipher, "function");
  k.pubkey = with_0x(text_at(doc, "pubkey"));
  k.path = text_at(doc, "path");
  return k;
}

}  // namespace

std::optional<Keystore> parse_keystore(std::string_view text) {
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return std::nullopt;
  const auto version = count_at(doc, "version");
  if (version == 3u) return version3(doc);
  if (version == 4u) return version4(doc);
  return std::nullopt;
}

std::string_view to_string(KeystoreKind kind) {
  return kind == KeystoreKind::ethereum_account ? "ethereum_account" : "eth2_validator";
}

}  // namespace zt::web3
