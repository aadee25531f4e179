#pragma once
// Personal data with a checksum, in a text: payment card numbers (13 to 19 digits, in groups
// separated by single spaces or dashes, a known issuer prefix and length, Luhn-valid, and
// either printed as cards are (4-4-4-4, 4-6-5) or near a word naming a card: "card",
// "credit", "visa", … on its line, the two above or the file's first line) and
// IBANs (country code, check digits and the country's length, compact or in groups of four,
// ISO 7064 mod 97 valid). A number inside a longer run of digits or letters, or the decimals
// of a number, is not one. Pure.
#include <string_view>

#include "collectors/privacy/hit.hpp"

namespace zt::privacy {

void find_personal_data(std::string_view text, Hits& hits);

// The card brand of a number (digits only) by its prefix and length, or "" if none.
std::string_view card_brand(std::string_view digits);
// The IBAN length of a country code ("DE" -> 22), or 0 if unknown.
std::size_t iban_length(std::string_view country);

}  // namespace zt::privacy
