#pragma once
// BIP-39 seed phrases in text: 12, 15, 18, 21 or 24 consecutive words of the English list
// (bip39_wordlist.hpp) whose last bits are the checksum of the others (the first n/3 bits of
// the SHA-256 of the entropy). Words are split at white space and at , ; " ' ` ( ) [ ] { }
// (a JSON array, a quoted string); tokens without a letter ("1.", "12)") are numbering and
// skipped; any other token ends a run of words. In a run longer than a phrase, only phrases
// that start or end with the run are tried, and phrases that follow each other: a phrase is
// written on its own, and trying every window of a long run of common English words would
// find a checksum that matches by chance (1 in 16 for 12 words). Pure; never throws; the
// phrase itself only leaves as SecretEvidence.
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "collectors/web3/secret_evidence.hpp"

namespace zt::web3 {

struct MnemonicFound {
  std::size_t line = 0;  // of its first word, from 1
  std::size_t words = 0;
  SecretEvidence evidence;  // masked: the first two letters of the first word

  bool operator==(const MnemonicFound&) const = default;
};

std::vector<MnemonicFound> find_mnemonics(std::string_view text, std::string_view salt);

// True when `indices` (each 0..2047) are 12, 15, 18, 21 or 24 words whose checksum holds.
bool bip39_checksum_valid(std::span<const unsigned> indices);

}  // namespace zt::web3
