#pragma once
// The BIP-39 English word list (2048 words, sorted), shipped in bip39_english.txt and embedded
// at build time (bip39_wordlist.cpp.in). Source: Debian's python3-mnemonic 0.19-2,
// /usr/lib/python3/dist-packages/mnemonic/wordlist/english.txt (Expat licence, © 2013-2014
// Pavol Rusnak), SHA-256 2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda:
// the list of the BIP-39 specification. Pure; thread-safe.
#include <optional>
#include <span>
#include <string_view>

namespace zt::web3 {

inline constexpr std::size_t kBip39WordCount = 2048;

// The words, in their index order (which is alphabetical).
std::span<const std::string_view> bip39_words();

// The word's index (0..2047), or nothing when it is not on the list. Lower-case only.
std::optional<unsigned> bip39_index(std::string_view word);

}  // namespace zt::web3
