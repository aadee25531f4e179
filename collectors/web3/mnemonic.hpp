#pragma once
// BIP-39 seed phrases in text: 12, 15, 18, 21 or 24 consecutive words of the English list
// (bip39_wordlist.hpp) whose last bits are the checksum of the others (the first n/3 bits of
// the SHA-256 of the entropy). Words are split at white space and at , ; : = " ' ` ( ) [ ] { }
// (a JSON array, a quoted string, `KEY=value`); tokens without a letter ("1.", "12)") are
// numbering and skipped; a word followed by ':' or '=' is a label; any other token ends a run
// of words. A run is taken only when it is one phrase or several one after the other,
// exactly, each with its checksum; up to two words at either end may be left out when a
// line break parts them from the phrase. Windows inside a longer run are not tried: in a
// long run of list words (the word list itself, a word game) one window in 16 of 12 words
// would match by chance, and a phrase is written on its own. Pure; never throws; the phrase
// itself only leaves as SecretEvidence.
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "collectors/core/secret_evidence.hpp"

namespace zt::web3 {

struct MnemonicFound {
  std::size_t line = 0;  // of its first word, from 1
  std::size_t words = 0;
  collector::SecretEvidence evidence;  // masked: the first two letters of the first word

  bool operator==(const MnemonicFound&) const = default;
};

std::vector<MnemonicFound> find_mnemonics(std::string_view text, std::string_view salt);

// True when `indices` (each 0..2047) are 12, 15, 18, 21 or 24 words whose checksum holds.
bool bip39_checksum_valid(std::span<const unsigned> indices);

}  // namespace zt::web3
