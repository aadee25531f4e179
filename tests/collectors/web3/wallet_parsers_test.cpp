// The wallet parsers on inline text and generated material: BIP-39 phrases (valid and not),
// raw keys (and their near-misses), keystores, Solana keypairs, Bitcoin Core wallets.
#include <catch2/catch.hpp>
#include <iterator>
#include <sstream>

#include "collectors/web3/bip39_wordlist.hpp"
#include "collectors/web3/bitcoin_wallet.hpp"
#include "collectors/web3/keystore.hpp"
#include "collectors/web3/mnemonic.hpp"
#include "collectors/web3/raw_key.hpp"
#include "collectors/web3/solana_keypair.hpp"
#include "tests/collectors/web3/wallet_fixtures.hpp"

using namespace zt::web3;
namespace fx = zt::test::web3;

namespace {
constexpr std::string_view kSalt = "test-salt";
}

TEST_CASE("web3: the embedded word list is the shipped file, 2048 sorted words", "[unit]") {
  const auto words = bip39_words();
  REQUIRE(words.size() == 2048);
  REQUIRE(fx::word_list().size() == 2048);
  for (std::size_t i = 0; i < words.size(); ++i) REQUIRE(words[i] == fx::word_list()[i]);
  CHECK(bip39_index("abandon") == 0u);
  CHECK(bip39_index("zoo") == 2047u);
  CHECK_FALSE(bip39_index("Abandon"));
  CHECK_FALSE(bip39_index("bitcoin"));
}

TEST_CASE("web3: the BIP-39 reference phrase of zero entropy is valid", "[unit]") {
  // The first test vector of the BIP-39 specification (entropy 00…00).
  const std::string phrase =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon "
      "abandon about";
  const auto found = find_mnemonics(phrase, kSalt);
  REQUIRE(found.size() == 1);
  CHECK(found[0].words == 12);
  CHECK(found[0].evidence.masked == "ab…");
  CHECK(find_mnemonics(phrase.substr(0, phrase.size() - 5) + "abandon", kSalt).empty());
}

TEST_CASE("web3: phrases of every length from random entropy are found, near-misses are not",
          "[unit]") {
  for (std::size_t words : {12, 15, 18, 21, 24}) {
    const std::string phrase = fx::valid_mnemonic(words);
    INFO(words << " words");
    std::istringstream in(phrase);
    REQUIRE(fx::checksum_holds({std::istream_iterator<std::string>(in), {}}));
    const auto found = find_mnemonics("seed:\n" + phrase + "\n", kSalt);
    REQUIRE(found.size() == 1);
    CHECK(found[0].words == words);
    CHECK(found[0].line == 2);
    CHECK(find_mnemonics(fx::invalid_mnemonic(words), kSalt).empty());
  }
  const std::string twelve = fx::valid_mnemonic(12);
  // 11 words: the phrase without its last word.
  CHECK(find_mnemonics(twelve.substr(0, twelve.rfind(' ')), kSalt).empty());
}

TEST_CASE("web3: a phrase written as a numbered list, in JSON or upper case is found", "[unit]") {
  const std::string phrase = fx::valid_mnemonic(12);
  std::istringstream in(phrase);
  std::string numbered, json = "[", upper;
  int n = 0;
  for (std::string w; in >> w;) {
    numbered += std::to_string(++n) + ". " + w + "\n";
    json += (n > 1 ? ",\"" : "\"") + w + "\"";
    for (char c : w) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    upper += ' ';
  }
  json += "]";
  CHECK(find_mnemonics(numbered, kSalt).size() == 1);
  CHECK(find_mnemonics(json, kSalt).size() == 1);
  CHECK(find_mnemonics(upper, kSalt).size() == 1);
  // Two phrases one after the other, each on its line.
  const std::string other = fx::valid_mnemonic(12);
  const auto two = find_mnemonics(phrase + "\n" + other + "\n", kSalt);
  REQUIRE(two.size() == 2);
  CHECK(two[0].line == 1);
  CHECK(two[1].line == 2);
  CHECK(two[0].evidence.hash != two[1].evidence.hash);
  // The same phrase gives the same hash; another salt another.
  CHECK(find_mnemonics(phrase, kSalt)[0].evidence == find_mnemonics(numbered, kSalt)[0].evidence);
  CHECK(find_mnemonics(phrase, "other")[0].evidence.hash !=
        find_mnemonics(phrase, kSalt)[0].evidence.hash);
}

TEST_CASE("web3: list words next to a phrase are left out only across a line break", "[unit]") {
  const std::string phrase = fx::valid_mnemonic(12);
  CHECK(find_mnemonics("wallet word\n" + phrase + "\nabandon", kSalt).size() == 1);
  CHECK(find_mnemonics("seed: " + phrase, kSalt).size() == 1);
  CHECK(find_mnemonics("MNEMONIC=" + phrase, kSalt).size() == 1);
  // On the same line, the run is not a phrase: windows inside a run are not tried.
  CHECK(find_mnemonics("wallet word " + phrase, kSalt).empty());
  // The word list itself is a run of 2048 words: nothing.
  std::string list;
  for (const std::string& w : fx::word_list()) list += w + "\n";
  CHECK(find_mnemonics(list, kSalt).empty());
}

TEST_CASE("web3: raw private keys named as keys are found in every usual syntax", "[unit]") {
  const std::string key = fx::random_hex(64);
  const std::vector<std::string> lines = {
      "PRIVATE_KEY=0x" + key,
      "export DEPLOYER_PRIVATE_KEY=" + key,
      "private_key: \"0x" + key + "\"",
      "  \"privateKey\": \"" + key + "\",",
      "priv_key = '" + key + "'",
      "forge script Deploy --private-key 0x" + key,
      "mnemonic=" + key,
  };
  for (const std::string& line : lines) {
    INFO(line.substr(0, line.find(key)));
    const auto found = find_raw_keys("# config\n" + line + "\n", kSalt);
    REQUIRE(found.size() == 1);
    CHECK(found[0].line == 2);
    CHECK(found[0].evidence.masked == "0x" + key.substr(0, 4) + "…");
  }
  // Upper-case digits are the same key.
  std::string upper = key;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(find_raw_keys("PRIVATE_KEY=" + upper, kSalt).at(0).evidence ==
        find_raw_keys("PRIVATE_KEY=" + key, kSalt).at(0).evidence);
}

TEST_CASE("web3: 64 hex digits that are not a named key give nothing", "[unit]") {
  const std::string hex = fx::random_hex(64);
  const std::vector<std::string> near_misses = {
      "checksum = \"" + hex + "\"",                   // Cargo.lock
      "\"integrity\": \"sha256:" + hex + "\"",        // a lockfile
      hex + "  node-v20.11.0-linux-x64.tar.xz",       // SHA256SUMS
      "SECRET_KEY=" + hex,                            // Django/Flask
      "PRIVATE_KEY=0x" + hex.substr(0, 63),           // 63 digits
      "PRIVATE_KEY=0x" + hex + "a",                   // 65 digits
      "PRIVATE_KEY=0x" + std::string(63, '0') + "1",  // a placeholder
      "PRIVATE_KEY=0x" + hex + "_suffix",             // part of a longer token
      "tx_hash: 0x" + hex,                            // a transaction hash
  };
  for (const std::string& line : near_misses) {
    INFO(line);
    CHECK(find_raw_keys(line, kSalt).empty());
  }
  CHECK(is_private_key_name("ETH_PRIVATE_KEY"));
  CHECK(is_private_key_name("--private-key"));
  CHECK_FALSE(is_private_key_name("public_key"));
}

TEST_CASE("web3: keystores of both versions are read with their KDF cost", "[unit]") {
  const auto weak =
      parse_keystore(fx::v3_keystore("scrypt", 4096, "008aeeda4d805471df9b2a5b0f38a0c3bcba786b"));
  REQUIRE(weak);
  CHECK(weak->kind == KeystoreKind::ethereum_account);
  CHECK(weak->kdf.function == "scrypt");
  CHECK(weak->kdf.n == 4096u);
  CHECK(weak->kdf.r == 8u);
  CHECK(weak->address == "0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b");
  const auto pbkdf2 = parse_keystore(fx::v3_keystore("pbkdf2", 262144, "ab"));
  REQUIRE(pbkdf2);
  CHECK(pbkdf2->kdf.c == 262144u);
  CHECK(pbkdf2->kdf.prf == "hmac-sha256");
  const auto validator = parse_keystore(fx::eip2335_keystore(262144, "a1b2"));
  REQUIRE(validator);
  CHECK(validator->kind == KeystoreKind::eth2_validator);
  CHECK(validator->kdf.n == 262144u);
  CHECK(validator->pubkey == "0xa1b2");
  CHECK(validator->path == "m/12381/3600/0/0/0");
}

TEST_CASE("web3: JSON that looks like a keystore without its crypto gives nothing", "[unit]") {
  CHECK_FALSE(parse_keystore(R"({"address":"ab","id":"x","version":3})"));
  CHECK_FALSE(parse_keystore(R"({"address":"ab","crypto":{"cipher":"aes-128-ctr"},"version":3})"));
  CHECK_FALSE(parse_keystore(R"({"pubkey":"ab","path":"m/1","version":4})"));
  CHECK_FALSE(parse_keystore(R"({"crypto":{"kdf":"scrypt","kdfparams":{},"ciphertext":"ab"}})"));
  CHECK_FALSE(parse_keystore("not json"));
}

TEST_CASE("web3: a Solana keypair is recognised by its halves, near-misses are not", "[unit]") {
  const fx::Ed25519Pair pair = fx::ed25519_pair();
  std::vector<unsigned char> bytes = pair.secret;
  bytes.insert(bytes.end(), pair.public_key.begin(), pair.public_key.end());
  const auto keypair = parse_solana_keypair(fx::byte_array_json(bytes), kSalt);
  REQUIRE(keypair);
  CHECK(keypair->address == base58(std::string(pair.public_key.begin(), pair.public_key.end())));
  CHECK(keypair->evidence.masked == fx::hex_of(pair.secret).substr(0, 4) + "…");
  // 63 numbers; 64 numbers whose halves do not match; a number above 255.
  std::vector<unsigned char> short_one(bytes.begin(), bytes.end() - 1);
  CHECK_FALSE(parse_solana_keypair(fx::byte_array_json(short_one), kSalt));
  std::vector<unsigned char> mismatched = bytes;
  mismatched[40] ^= 1;
  CHECK_FALSE(parse_solana_keypair(fx::byte_array_json(mismatched), kSalt));
  std::string big = fx::byte_array_json(bytes);
  big.replace(1, big.find(','), "256,");
  CHECK_FALSE(parse_solana_keypair(big, kSalt));
}

TEST_CASE("web3: base58 of known values", "[unit]") {
  CHECK(base58(std::string("\0\0\x01", 3)) == "112");
  CHECK(base58("hello world") == "StV1DL6CwTryKyV");
  CHECK(base58("") == "");
}

TEST_CASE("web3: Bitcoin Core wallets are told apart by their records", "[unit]") {
  const std::string key = fx::random_hex(64);
  using K = WalletKeys;
  using F = WalletFormat;
  CHECK(classify_bitcoin_wallet(fx::bdb_wallet(false, key)) ==
        BitcoinWallet{F::berkeley_db, K::unencrypted});
  CHECK(classify_bitcoin_wallet(fx::bdb_wallet(true, key)) ==
        BitcoinWallet{F::berkeley_db, K::encrypted});
  CHECK(classify_bitcoin_wallet(fx::sqlite_wallet(false, key)) ==
        BitcoinWallet{F::sqlite, K::unencrypted});
  CHECK(classify_bitcoin_wallet(fx::sqlite_wallet(true, key)) ==
        BitcoinWallet{F::sqlite, K::encrypted});
  // A header alone: watch-only, or keys past what was read.
  CHECK(classify_bitcoin_wallet(fx::bdb_wallet(false, key).substr(0, 100)) ==
        BitcoinWallet{F::berkeley_db, K::none_found});
  CHECK_FALSE(classify_bitcoin_wallet("not a wallet at all, but long enough to hold a magic"));
  CHECK_FALSE(classify_bitcoin_wallet(""));
}
