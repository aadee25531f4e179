#include "tests/collectors/web3/wallet_fixtures.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "tests/support/temp_tree.hpp"

namespace zt::test::web3 {

std::string cmdline(std::initializer_list<std::string_view> argv) {
  std::string out;
  for (std::string_view a : argv) {
    out += a;
    out += '\0';
  }
  return out;
}

std::mt19937_64& rng() {
  static std::mt19937_64 generator = [] {
    const char* chosen = std::getenv("ZT_WEB3_SEED");
    const std::uint64_t seed =
        chosen != nullptr ? std::strtoull(chosen, nullptr, 0) : std::random_device{}();
    std::printf("web3 fixtures: random seed %llu (ZT_WEB3_SEED=%llu replays)\n",
                static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed));
    return std::mt19937_64(seed);
  }();
  return generator;
}

std::string random_hex(std::size_t digits) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < digits; ++i) out += kDigits[rng()() % 16];
  return out;
}

const std::vector<std::string>& word_list() {
  static const std::vector<std::string> words = [] {
    std::istringstream in(
        read_text(std::string(ZT_SOURCE_DIR) + "/collectors/web3/bip39_english.txt"));
    std::vector<std::string> list;
    for (std::string w; std::getline(in, w);) list.push_back(w);
    return list;
  }();
  return words;
}

namespace {

std::vector<unsigned char> sha256(const std::vector<unsigned char>& data) {
  std::vector<unsigned char> digest(EVP_MAX_MD_SIZE);
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("EVP_Digest failed");
  digest.resize(size);
  return digest;
}

std::vector<bool> bits_of(const std::vector<unsigned char>& bytes, std::size_t count) {
  std::vector<bool> bits;
  for (std::size_t i = 0; i < count; ++i) bits.push_back((bytes[i / 8] >> (7 - i % 8)) & 1);
  return bits;
}

std::string phrase_of(const std::vector<bool>& bits) {
  std::string phrase;
  for (std::size_t w = 0; w < bits.size() / 11; ++w) {
    unsigned index = 0;
    for (std::size_t b = 0; b < 11; ++b) index = index * 2 + (bits[w * 11 + b] ? 1 : 0);
    phrase += (phrase.empty() ? "" : " ") + word_list().at(index);
  }
  return phrase;
}

std::vector<unsigned char> random_bytes(std::size_t count) {
  std::vector<unsigned char> bytes(count);
  for (unsigned char& b : bytes) b = static_cast<unsigned char>(rng()() & 0xFF);
  return bytes;
}

std::vector<std::string> split_words(const std::string& phrase) {
  std::istringstream in(phrase);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

}  // namespace

std::string valid_mnemonic(std::size_t words) {
  const std::size_t entropy_bits = words * 11 * 32 / 33;
  const std::vector<unsigned char> entropy = random_bytes(entropy_bits / 8);
  std::vector<bool> bits = bits_of(entropy, entropy_bits);
  const std::vector<bool> checksum = bits_of(sha256(entropy), entropy_bits / 32);
  bits.insert(bits.end(), checksum.begin(), checksum.end());
  return phrase_of(bits);
}

bool checksum_holds(const std::vector<std::string>& words) {
  std::vector<bool> bits;
  for (const std::string& w : words) {
    std::size_t index = 0;
    while (index < word_list().size() && word_list()[index] != w) ++index;
    if (index == word_list().size()) return false;
    for (int b = 10; b >= 0; --b) bits.push_back((index >> b) & 1);
  }
  const std::size_t entropy_bits = bits.size() * 32 / 33;
  std::vector<unsigned char> entropy(entropy_bits / 8);
  for (std::size_t i = 0; i < entropy_bits; ++i)
    if (bits[i]) entropy[i / 8] |= static_cast<unsigned char>(0x80 >> (i % 8));
  const std::vector<bool> expected = bits_of(sha256(entropy), entropy_bits / 32);
  return std::equal(expected.begin(), expected.end(),
                    bits.begin() + static_cast<long>(entropy_bits));
}

std::string invalid_mnemonic(std::size_t words) {
  for (;;) {
    std::vector<std::string> list = split_words(valid_mnemonic(words));
    list.back() = word_list().at(rng()() % word_list().size());
    if (checksum_holds(list)) continue;
    std::string phrase;
    for (const std::string& w : list) phrase += (phrase.empty() ? "" : " ") + w;
    return phrase;
  }
}

Ed25519Pair ed25519_pair() {
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
      EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr), &EVP_PKEY_CTX_free);
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
    throw std::runtime_error("ed25519 keygen failed");
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(raw, &EVP_PKEY_free);
  Ed25519Pair pair{std::vector<unsigned char>(32), std::vector<unsigned char>(32)};
  std::size_t size = 32;
  EVP_PKEY_get_raw_private_key(key.get(), pair.secret.data(), &size);
  size = 32;
  EVP_PKEY_get_raw_public_key(key.get(), pair.public_key.data(), &size);
  return pair;
}

std::string byte_array_json(const std::vector<unsigned char>& bytes) {
  std::string out = "[";
  for (std::size_t i = 0; i < bytes.size(); ++i)
    out += (i ? "," : "") + std::to_string(static_cast<unsigned>(bytes[i]));
  return out + "]";
}

std::string hex_of(const std::vector<unsigned char>& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 0xF];
  }
  return out;
}

std::string v3_keystore(const std::string& kdf, std::uint64_t cost, const std::string& address) {
  const std::string params =
      kdf == "scrypt" ? R"({"dklen":32,"n":)" + std::to_string(cost) + R"(,"p":1,"r":8,"salt":")" +
                            random_hex(64) + "\"}"
                      : R"({"c":)" + std::to_string(cost) +
                            R"(,"dklen":32,"prf":"hmac-sha256","salt":")" + random_hex(64) + "\"}";
  return R"({"address":")" + address + R"(","crypto":{"cipher":"aes-128-ctr","ciphertext":")" +
         random_hex(64) + R"(","cipherparams":{"iv":")" + random_hex(32) + R"("},"kdf":")" + kdf +
         R"(","kdfparams":)" + params + R"(,"mac":")" + random_hex(64) +
         R"("},"id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3})";
}

std::string eip2335_keystore(std::uint64_t scrypt_n, const std::string& pubkey) {
  return R"({"crypto":{"kdf":{"function":"scrypt","params":{"dklen":32,"n":)" +
         std::to_string(scrypt_n) + R"(,"r":8,"p":1,"salt":")" + random_hex(64) +
         R"("},"message":""},"checksum":{"function":"sha256","params":{},"message":")" +
         random_hex(64) + R"("},"cipher":{"function":"aes-128-ctr","params":{"iv":")" +
         random_hex(32) + R"("},"message":")" + random_hex(64) +
         R"("}},"description":"","pubkey":")" + pubkey +
         R"(","path":"m/12381/3600/0/0/0","uuid":"1d85ae20-35c5-4611-98e8-aa14a633906f","version":4})";
}

namespace {

// Page filler: bytes that hold none of the records' markers.
std::string filler(std::size_t size) { return std::string(size, '\x5a'); }

std::string bytes_of_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

}  // namespace

std::string bdb_wallet(bool encrypted, const std::string& private_key) {
  using namespace std::string_literals;
  std::string file = "\0\0\0\0\x01\0\0\0\0\0\0\0"s + "\x62\x31\x05\x00"s + filler(4080);
  const std::string pubkey = "\x02"s + bytes_of_hex(random_hex(64));
  file += "\x04name\x22" + random_hex(34) + filler(100);
  if (encrypted) {
    file += "\x04mkey\x01\0\0\0"s + bytes_of_hex(random_hex(96)) + filler(100);
    file += "\x04ckey\x21"s + pubkey + bytes_of_hex(random_hex(96)) + filler(100);
  } else {
    file += "\x03key\x21"s + pubkey + "\x30\x81\xd3"s + bytes_of_hex(private_key) + filler(100);
  }
  return file + filler(4096);
}

std::string sqlite_wallet(bool encrypted, const std::string& private_key) {
  using namespace std::string_literals;
  std::string file = "SQLite format 3\0"s + filler(4080);
  if (encrypted) {
    file += "\x04mkey\x01"s + bytes_of_hex(random_hex(96)) + filler(100);
    file += "\x14walletdescriptorckey"s + bytes_of_hex(random_hex(96)) + filler(100);
  } else {
    file += "\x13walletdescriptorkey"s + bytes_of_hex(random_hex(32)) + bytes_of_hex(private_key) +
            filler(100);
  }
  return file + filler(4096);
}

}  // namespace zt::test::web3
