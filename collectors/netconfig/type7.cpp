#include "collectors/netconfig/type7.hpp"

namespace zt::netconfig {
namespace {

// The constant IOS XORs type 7 values with; public since the 1990s.
constexpr std::string_view kKey = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> decode_type7(std::string_view encoded) {
  if (encoded.size() < 4 || encoded.size() % 2 != 0) return std::nullopt;
  if (encoded[0] < '0' || encoded[0] > '9' || encoded[1] < '0' || encoded[1] > '9')
    return std::nullopt;
  std::size_t offset = static_cast<std::size_t>((encoded[0] - '0') * 10 + (encoded[1] - '0'));
  std::string out;
  for (std::size_t i = 2; i < encoded.size(); i += 2, ++offset) {
    const int high = hex_digit(encoded[i]);
    const int low = hex_digit(encoded[i + 1]);
    if (high < 0 || low < 0 || offset >= kKey.size()) return std::nullopt;
    out += static_cast<char>((high << 4 | low) ^ kKey[offset]);
  }
  return out;
}

}  // namespace zt::netconfig
