#pragma once
// The checks that tell a real secret or number from one that only has its shape: CRC32 in
// base62 (GitHub and npm tokens), Luhn (payment cards), ISO 7064 mod 97 (IBANs), and base64
// decoding (keys, Azure account keys, Docker auths). Pure; no allocation beyond the result.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zt::privacy {

std::uint32_t crc32(std::string_view data);
// The value of base62 digits (0-9A-Za-z, as GitHub's tokens write their checksum); nullopt
// for any other character or an overflow of 32 bits.
std::optional<std::uint32_t> base62_value(std::string_view digits);
std::string base62_fixed(std::uint32_t value, std::size_t width);  // zero-padded
// GitHub's classic tokens (ghp_, gho_, ghu_, ghs_, ghr_) and npm's (npm_): prefix, 30
// base62 characters, then their CRC32 in 6 base62 digits.
bool token_checksum_ok(std::string_view token, std::size_t prefix_length);
// Digits only.
bool luhn_ok(std::string_view digits);
// Letters and digits only, upper case, without spaces: "DE89370400440532013000".
bool iban_mod97_ok(std::string_view iban);
// Standard or URL-safe alphabet; whitespace is skipped, padding optional; nullopt if any
// other character.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace zt::privacy
