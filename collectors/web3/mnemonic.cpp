#include "collectors/web3/mnemonic.hpp"

#include <openssl/sha.h>

#include <array>
#include <cctype>
#include <string>

#include "collectors/web3/bip39_wordlist.hpp"

namespace zt::web3 {
namespace {

constexpr std::size_t kPhraseLengths[] = {24, 21, 18, 15, 12};
constexpr std::size_t kShortestPhrase = 12;

constexpr std::string_view kSeparators = " \t\n\r\f\v,;\"'`()[]{}:=";

// Every byte of every walked text file goes through this: a table, not a search.
constexpr std::array<bool, 256> kIsSeparator = [] {
  std::array<bool, 256> table{};
  for (char c : kSeparators) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool is_separator(char c) { return kIsSeparator[static_cast<unsigned char>(c)]; }

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

struct Word {
  unsigned index;
  std::size_t line;
};

// A token: nothing (numbering, no letter), a word of the list, or a break.
enum class TokenKind { skip, word, other };

TokenKind classify(std::string_view token, unsigned& index) {
  std::size_t begin = 0, end = token.size();
  while (begin < end && !is_letter(token[begin])) ++begin;
  while (end > begin && !is_letter(token[end - 1])) --end;
  if (begin == end) return TokenKind::skip;
  const std::string_view core = token.substr(begin, end - begin);
  if (core.size() > 8) return TokenKind::other;  // the longest word of the list has 8 letters
  std::string lower;
  for (char c : core) {
    if (!is_letter(c)) return TokenKind::other;
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const auto found = bip39_index(lower);
  if (!found) return TokenKind::other;
  index = *found;
  return TokenKind::word;
}

// How many words at either end of a run may be left out, when a line break parts them from
// the phrase (a title line of list words above it, a word below it).
constexpr std::size_t kMaxLooseWords = 2;

class RunScanner {
 public:
  RunScanner(std::string_view salt, std::vector<MnemonicFound>& out) : salt_(salt), out_(out) {}

  void add(const Word& word) { run_.push_back(word); }

  // A run is taken when it is made of whole phrases, one after the other, each with its
  // checksum; else with up to two words left out at either end, on lines of their own.
  void end_run() {
    if (run_.size() < kShortestPhrase) {
      run_.clear();
      return;
    }
    for (std::size_t loose = 0; loose <= 2 * kMaxLooseWords; ++loose)
      for (std::size_t front = 0; front <= std::min(loose, kMaxLooseWords); ++front) {
        const std::size_t back = loose - front;
        if (back > kMaxLooseWords || front + back + kShortestPhrase > run_.size()) continue;
        const std::size_t begin = front, end = run_.size() - back;
        if (front > 0 && run_[begin - 1].line == run_[begin].line) continue;
        if (back > 0 && run_[end - 1].line == run_[end].line) continue;
        if (take_tiling(begin, end)) {
          run_.clear();
          return;
        }
      }
    run_.clear();
  }

 private:
  // Reports the phrases that tile [begin, end) exactly, if they do.
  bool take_tiling(std::size_t begin, std::size_t end) {
    // next[i]: the length of a valid phrase at i that a tiling of [i+length, end) follows.
    std::vector<std::size_t> next(end - begin + 1, 0);
    std::vector<bool> tiled(end - begin + 1, false);
    tiled[end - begin] = true;
    for (std::size_t i = end - begin; i-- > 0;)
      for (std::size_t length : kPhraseLengths)
        if (i + length <= end - begin && tiled[i + length] && valid(begin + i, length)) {
          tiled[i] = true;
          next[i] = length;
          break;
        }
    if (!tiled[0]) return false;
    for (std::size_t i = 0; i < end - begin; i += next[i]) report(begin + i, next[i]);
    return true;
  }

  bool valid(std::size_t pos, std::size_t length) const {
    std::array<unsigned, 24> indices{};
    for (std::size_t i = 0; i < length; ++i) indices[i] = run_[pos + i].index;
    return bip39_checksum_valid(std::span<const unsigned>(indices.data(), length));
  }

  void report(std::size_t pos, std::size_t length) {
    std::string phrase;
    for (std::size_t i = pos; i < pos + length; ++i) {
      if (!phrase.empty()) phrase += ' ';
      phrase += bip39_words()[run_[i].index];
    }
    out_.push_back({run_[pos].line, length, collector::secret_evidence(phrase, salt_, 2)});
  }

  std::string_view salt_;
  std::vector<MnemonicFound>& out_;
  std::vector<Word> run_;
};

}  // namespace

bool bip39_checksum_valid(std::span<const unsigned> indices) {
  const std::size_t n = indices.size();
  if (n < 12 || n > 24 || n % 3 != 0) return false;
  // 11 bits a word, most significant first: the entropy (32n/3 bits), then its checksum.
  std::array<unsigned char, 33> bytes{};
  std::size_t bit = 0;
  for (unsigned index : indices) {
    if (index >= kBip39WordCount) return false;
    for (int b = 10; b >= 0; --b, ++bit)
      if ((index >> b) & 1u) bytes[bit / 8] |= static_cast<unsigned char>(0x80u >> (bit % 8));
  }
  const std::size_t entropy_bytes = n * 4 / 3;
  const unsigned checksum_bits = static_cast<unsigned>(n / 3);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(bytes.data(), entropy_bytes, digest);
  const unsigned mask = (0xFFu << (8 - checksum_bits)) & 0xFFu;
  return (digest[0] & mask) == (bytes[entropy_bytes] & mask);
}

std::vector<MnemonicFound> find_mnemonics(std::string_view text, std::string_view salt) {
  std::vector<MnemonicFound> found;
  RunScanner scanner(salt, found);
  std::size_t line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_separator(text[i])) {
      if (text[i] == '\n') ++line;
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && !is_separator(text[i])) ++i;
    unsigned index = 0;
    TokenKind kind = classify(text.substr(start, i - start), index);
    // "seed:", "MNEMONIC=": a label, not a word of the phrase ("1:" is numbering).
    if (kind == TokenKind::word && i < text.size() && (text[i] == ':' || text[i] == '='))
      kind = TokenKind::other;
    switch (kind) {
      case TokenKind::skip:
        break;
      case TokenKind::word:
        scanner.add({index, line});
        break;
      case TokenKind::other:
        scanner.end_run();
        break;
    }
  }
  scanner.end_run();
  return found;
}

}  // namespace zt::web3
