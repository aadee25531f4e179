#include "collectors/web3/raw_key.hpp"

#include <bitset>
#include <cctype>

#include "collectors/core/text.hpp"

namespace zt::web3 {
namespace {

constexpr std::size_t kKeyDigits = 64;
constexpr std::size_t kMinDistinctDigits = 8;
// How far before the value its name may start: `"deployer_private_key" : "0x`.
constexpr std::size_t kNameWindow = 80;

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.';
}

// The last name before `end` in `before`, skipping what separates a name from its value:
// quotes, '=', ':', white space, and a "0x" prefix was already cut by the caller.
std::string_view name_before(std::string_view before) {
  std::size_t end = before.size();
  while (end > 0 && !is_name_char(before[end - 1])) {
    const char c = before[end - 1];
    if (c != ' ' && c != '\t' && c != '"' && c != '\'' && c != '=' && c != ':') return {};
    --end;
  }
  std::size_t begin = end;
  while (begin > 0 && is_name_char(before[begin - 1])) --begin;
  return before.substr(begin, end - begin);
}

bool placeholder(std::string_view digits) {
  std::bitset<16> seen;
  for (char c : digits) {
    const int v =
        std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10;
    seen.set(static_cast<std::size_t>(v));
  }
  return seen.count() < kMinDistinctDigits;
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

void scan_line(std::string_view line, std::size_t number, std::string_view salt,
               std::vector<RawKeyFound>& out) {
  std::size_t i = 0;
  while (i < line.size()) {
    if (!is_hex(line[i])) {
      ++i;
      continue;
    }
    const std::size_t value_start = i;  // where the token starts, "0x" included
    const bool prefixed = line.substr(i, 2) == "0x" || line.substr(i, 2) == "0X";
    const std::size_t start = prefixed ? i + 2 : i;
    i = start;
    while (i < line.size() && is_hex(line[i])) ++i;
    if (i - start != kKeyDigits) continue;
    if ((value_start > 0 && is_word_char(line[value_start - 1])) ||
        (i < line.size() && is_word_char(line[i])))
      continue;
    std::string digits(line.substr(start, kKeyDigits));
    for (char& c : digits) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (placeholder(digits)) continue;
    const std::size_t window_start = value_start > kNameWindow ? value_start - kNameWindow : 0;
    const std::string_view name =
        name_before(line.substr(window_start, value_start - window_start));
    if (!is_private_key_name(name)) continue;
    collector::SecretEvidence evidence = collector::secret_evidence(digits, salt, 4);
    evidence.masked = "0x" + evidence.masked;
    out.push_back({number, std::string(name), std::move(evidence)});
  }
}

}  // namespace

bool is_private_key_name(std::string_view name) {
  std::string folded;
  for (char c : name)
    if (c != '_' && c != '-' && c != '.')
      folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view word : {"privatekey", "privkey", "mnemonic"})
    if (folded.find(word) != std::string::npos) return true;
  return false;
}

std::vector<RawKeyFound> find_raw_keys(std::string_view text, std::string_view salt) {
  std::vector<RawKeyFound> found;
  std::size_t number = 0;
  for (std::string_view line : collector::split_lines(text)) scan_line(line, ++number, salt, found);
  return found;
}

}  // namespace zt::web3
