#include "schema-client/vuln/version_apk.hpp"

#include <array>
#include <cstdint>

namespace zt::vuln {
namespace {

// In the order apk ranks them where two versions differ in kind (see compare_apk).
enum class Kind {
  first_number, number, letter, suffix, suffix_number, hash, release, end, invalid
};

// Pre-release suffixes rank below "none", the others above it.
constexpr std::array<std::string_view, 10> kSuffixes = {"alpha", "beta", "pre", "rc", "",
                                                        "cvs",   "svn",  "git", "hg", "p"};
constexpr int kNoSuffix = 4;

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); }

// One token of a version and the text after it.
struct Token {
  std::string_view rest;
  Kind kind = Kind::first_number;
  std::string_view text;      // the token's bytes (digits, letter, suffix name or hash)
  std::uint64_t number = 0;   // numbers: their value, wrapping at 2^64 as apk's does
  int suffix = kNoSuffix;     // suffixes: their rank in kSuffixes

  std::string_view take(bool (*in_token)(char)) {
    std::size_t n = 0;
    while (n < rest.size() && in_token(rest[n])) ++n;
    const std::string_view taken = rest.substr(0, n);
    rest.remove_prefix(n);
    return taken;
  }

  void read_number(Kind as) {
    kind = as;
    text = take(is_digit);
    number = 0;
    for (const char digit : text) number = number * 10 + static_cast<std::uint64_t>(digit - '0');
    if (text.empty()) kind = Kind::invalid;
  }

  // Reads the token after the current one; a token out of order makes the rest invalid.
  void next() {
    if (rest.empty()) {
      kind = Kind::end;
      return;
    }
    const char c = rest.front();
    if (is_lower(c) && kind <= Kind::number) {
      kind = Kind::letter;
      text = rest.substr(0, 1);
      rest.remove_prefix(1);
    } else if (c == '.' && kind <= Kind::number) {
      rest.remove_prefix(1);
      read_number(Kind::number);
    } else if (is_digit(c) && kind == Kind::suffix) {
      read_number(Kind::suffix_number);
    } else if (c == '_' && kind <= Kind::suffix_number) {
      rest.remove_prefix(1);
      text = take(is_lower);
      suffix = -1;
      for (int rank = 0; rank < static_cast<int>(kSuffixes.size()); ++rank) {
        if (rank != kNoSuffix && kSuffixes[rank] == text) suffix = rank;
      }
      kind = suffix < 0 ? Kind::invalid : Kind::suffix;
    } else if (c == '~' && kind < Kind::hash) {
      rest.remove_prefix(1);
      text = take(is_hex);
      kind = text.empty() ? Kind::invalid : Kind::hash;
    } else if (rest.substr(0, 2) == "-r" && kind < Kind::release) {
      rest.remove_prefix(2);
      read_number(Kind::release);
    } else {
      kind = Kind::invalid;
    }
  }
};

Token first_token(std::string_view version) {
  Token token;
  token.rest = version;
  token.read_number(Kind::first_number);
  return token;
}

int sign(std::uint64_t a, std::uint64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

int text_order(std::string_view a, std::string_view b) {
  const int order = a.compare(b);
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

// Two tokens of the same kind.
int compare_tokens(const Token& a, const Token& b) {
  switch (a.kind) {
    case Kind::number:
      // A leading zero on either side makes it text, as in Gentoo's rules.
      if (a.text.front() == '0' || b.text.front() == '0') return text_order(a.text, b.text);
      return sign(a.number, b.number);
    case Kind::first_number:
    case Kind::suffix_number:
    case Kind::release:
      return sign(a.number, b.number);
    case Kind::letter:
      return text_order(a.text, b.text);
    case Kind::suffix:
      return a.suffix < b.suffix ? -1 : (a.suffix > b.suffix ? 1 : 0);
    default:  // the hash
      return text_order(a.text, b.text);
  }
}

}  // namespace

int compare_apk(std::string_view a, std::string_view b) {
  Token ta = first_token(a);
  Token tb = first_token(b);
  for (; ta.kind == tb.kind && ta.kind < Kind::end; ta.next(), tb.next()) {
    if (const int order = compare_tokens(ta, tb); order != 0) return order;
  }
  if (ta.kind == tb.kind) return 0;
  if (ta.kind == Kind::suffix && ta.suffix < kNoSuffix) return -1;
  if (tb.kind == Kind::suffix && tb.suffix < kNoSuffix) return 1;
  return ta.kind > tb.kind ? -1 : 1;
}

bool is_valid_apk(std::string_view version) {
  Token token = first_token(version);
  while (token.kind < Kind::end) token.next();
  return token.kind == Kind::end;
}

}  // namespace zt::vuln
