#include "collectors/privacy/personal_data.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "collectors/privacy/checksums.hpp"
#include "collectors/privacy/finding_types.hpp"

namespace zt::privacy {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_word(char c) { return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z') || c == '_'; }

int prefix_value(std::string_view digits, std::size_t n) {
  int value = 0;
  for (std::size_t i = 0; i < n && i < digits.size(); ++i) value = value * 10 + (digits[i] - '0');
  return value;
}

// From `pos` (a digit that starts a word), the digits of a card-like run: digit groups joined
// by one space or dash. `end` is where the run ends in the text.
std::string card_digits(std::string_view text, std::size_t pos, std::size_t& end) {
  std::string digits;
  std::size_t i = pos;
  while (i < text.size() && digits.size() <= 19) {
    if (is_digit(text[i])) {
      digits += text[i++];
    } else if ((text[i] == ' ' || text[i] == '-') && i + 1 < text.size() && is_digit(text[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  end = i;
  return digits;
}

// The lengths of the digit groups of a number as written ("4111 1111 1111 1111": 4,4,4,4).
std::vector<std::size_t> groups_of(std::string_view written) {
  std::vector<std::size_t> groups{0};
  for (const char c : written) {
    if (is_digit(c))
      ++groups.back();
    else
      groups.push_back(0);
  }
  return groups;
}

// How cards are printed: 4-4-4-4 (and 4-4-4-4-3 for 19 digits), 4-6-5 (Amex), 4-6-4 (Diners).
bool card_grouping(std::string_view written) {
  const std::vector<std::size_t> g = groups_of(written);
  using G = std::vector<std::size_t>;
  return g == G{4, 4, 4, 4} || g == G{4, 4, 4, 4, 3} || g == G{4, 6, 5} || g == G{4, 6, 4};
}

bool names_a_card(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const std::string_view word : {"card", "credit", "visa", "mastercard", "amex", "payment"})
    if (lowered.find(word) != std::string::npos) return true;
  return false;
}

// A keyword on the number's line, the two lines above it, or the file's first line (a CSV
// header).
bool card_context(std::string_view text, std::size_t pos) {
  std::size_t start = pos;
  for (int lines = 0; start > 0 && lines < 3; --start)
    if (text[start - 1] == '\n') ++lines;
  const std::size_t line_end = std::min(text.find('\n', pos), text.size());
  const std::size_t first_end = std::min(text.find('\n'), text.size());
  return names_a_card(text.substr(start, line_end - start)) ||
         names_a_card(text.substr(0, first_end));
}

void cards(std::string_view text, Hits& hits) {
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    // Not inside a word, nor the decimals of a number ("0.4111…").
    if (!is_digit(text[pos]) || (pos > 0 && (is_word(text[pos - 1]) || text[pos - 1] == '.')))
      continue;
    std::size_t end = pos;
    const std::string digits = card_digits(text, pos, end);
    const bool bounded = end == text.size() ||
                         !(is_word(text[end]) ||
                           (text[end] == '.' && end + 1 < text.size() && is_digit(text[end + 1])));
    const std::string_view written = text.substr(pos, end - pos);
    if (bounded && digits.size() >= 13 && digits.size() <= 19 && luhn_ok(digits) &&
        (card_grouping(written) || card_context(text, pos))) {
      const std::string_view brand = card_brand(digits);
      if (!brand.empty())
        hits.push_back({finding_type::kPaymentCardNumber, brand, line_at(text, pos), written});
    }
    pos = end;
  }
}

void ibans(std::string_view text, Hits& hits) {
  for (std::size_t pos = 0; pos + 4 < text.size(); ++pos) {
    if (!is_upper(text[pos]) || !is_upper(text[pos + 1]) || !is_digit(text[pos + 2]) ||
        !is_digit(text[pos + 3]) || (pos > 0 && is_word(text[pos - 1])))
      continue;
    const std::size_t length = iban_length(text.substr(pos, 2));
    if (length == 0) continue;
    // Compact, or in groups of four separated by single spaces.
    std::string compact;
    std::size_t i = pos;
    while (i < text.size() && compact.size() < length) {
      if (is_digit(text[i]) || is_upper(text[i]))
        compact += text[i++];
      else if (text[i] == ' ' && compact.size() % 4 == 0 && i + 1 < text.size() &&
               (is_digit(text[i + 1]) || is_upper(text[i + 1])))
        ++i;
      else
        break;
    }
    if (compact.size() != length || (i < text.size() && is_word(text[i]))) continue;
    if (iban_mod97_ok(compact))
      hits.push_back({finding_type::kBankAccountNumber, "iban", line_at(text, pos),
                      text.substr(pos, i - pos)});
    pos = i;
  }
}

}  // namespace

std::string_view card_brand(std::string_view d) {
  const std::size_t n = d.size();
  const int p2 = prefix_value(d, 2), p3 = prefix_value(d, 3), p4 = prefix_value(d, 4);
  if (d[0] == '4' && (n == 13 || n == 16 || n == 19)) return "visa";
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n == 16) return "mastercard";
  if ((p2 == 34 || p2 == 37) && n == 15) return "amex";
  if ((p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649)) && n >= 16 && n <= 19) return "discover";
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return "jcb";
  if (((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38) && n == 14) return "diners";
  return {};
}

std::size_t iban_length(std::string_view country) {
  // The IBAN registry's lengths (SWIFT, ISO 13616), for the countries that issue them.
  static constexpr struct {
    std::string_view code;
    std::size_t length;
  } kLengths[] = {
      {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
      {"BG", 22}, {"BH", 22}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28},
      {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24},
      {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18},
      {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23},
      {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32},
      {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MD", 24}, {"ME", 22},
      {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15}, {"PK", 24},
      {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24},
      {"SC", 31}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25}, {"SV", 28},
      {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
  };
  for (const auto& entry : kLengths)
    if (entry.code == country) return entry.length;
  return 0;
}

void find_personal_data(std::string_view text, Hits& hits) {
  cards(text, hits);
  ibans(text, hits);
}

}  // namespace zt::privacy
