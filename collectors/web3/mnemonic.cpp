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

bool is_separator(char c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case ',': case ';': case '"': case '\'': case '`':
    case '(': case ')': case '[': case ']': case '{': case '}':
      return true;
    default:
      return false;
  }
}

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

class RunScanner {
 public:
  RunScanner(std::string_view salt, std::vector<MnemonicFound>& out) : salt_(salt), out_(out) {}

  void add(const Word& word) { run_.push_back(word); }

  void end_run() {
    std::size_t pos = 0;
    bool found_at_start = true;
    while (found_at_start && run_.size() - pos >= kShortestPhrase) {
      found_at_start = false;
      for (std::size_t length : kPhraseLengths)
        if (run_.size() - pos >= length && valid(pos, length)) {
          report(pos, length);
          pos += length;
          found_at_start = true;
          break;
        }
    }
    if (!found_at_start)
      for (std::size_t length : kPhraseLengths)
        if (run_.size() - pos > length && valid(run_.size() - length, length)) {
          report(run_.size() - length, length);
          break;
        }
    run_.clear();
  }

 private:
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
    out_.push_back({run_[pos].line, length, secret_evidence(phrase, salt_, 2)});
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
    switch (classify(text.substr(start, i - start), index)) {
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
