#pragma once
// Wallet material for the web3 tests, made here and never by the code under test: random
// hex keys, BIP-39 phrases built from random entropy with their own checksum code (a bit
// vector and OpenSSL's EVP digest, not the collector's), real Ed25519 keypairs from OpenSSL,
// keystores in their real JSON shape, and Berkeley DB / SQLite wallet files with the records
// Bitcoin Core writes. The random generator's seed is printed once (ZT_WEB3_SEED=<n> replays).
#include <cstdint>
#include <initializer_list>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace zt::test::web3 {

// A /proc/<pid>/cmdline: the arguments, each ended by a NUL.
std::string cmdline(std::initializer_list<std::string_view> argv);

// The generator of one test run, seeded once per process; its seed printed.
std::mt19937_64& rng();

std::string random_hex(std::size_t digits);
// The BIP-39 English list, read from collectors/web3/bip39_english.txt.
const std::vector<std::string>& word_list();
// A phrase of `words` words (12..24) from random entropy, with a valid checksum.
std::string valid_mnemonic(std::size_t words);
// `words` list words whose checksum does not hold.
std::string invalid_mnemonic(std::size_t words);
// The test's own checksum check.
bool checksum_holds(const std::vector<std::string>& words);

struct Ed25519Pair {
  std::vector<unsigned char> secret;      // 32 bytes
  std::vector<unsigned char> public_key;  // 32 bytes
};
Ed25519Pair ed25519_pair();
// [b0,b1,…] as solana-keygen writes it.
std::string byte_array_json(const std::vector<unsigned char>& bytes);
std::string hex_of(const std::vector<unsigned char>& bytes);

// A Web3 Secret Storage (version 3) keystore; kdf "scrypt" (cost n) or "pbkdf2" (cost c).
std::string v3_keystore(const std::string& kdf, std::uint64_t cost, const std::string& address);
// An EIP-2335 (version 4) validator keystore.
std::string eip2335_keystore(std::uint64_t scrypt_n, const std::string& pubkey);

// A legacy Berkeley DB wallet: "\x03key" records (unencrypted, `private_key` as the value) or
// "\x04mkey" and "\x04ckey" records (encrypted).
std::string bdb_wallet(bool encrypted, const std::string& private_key);
// A descriptor wallet: SQLite header, "walletdescriptorkey" or "walletdescriptorckey"+"mkey".
std::string sqlite_wallet(bool encrypted, const std::string& private_key);

}  // namespace zt::test::web3
