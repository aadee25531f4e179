#pragma once
// Cisco's type 7 password encoding, reversed: a two-digit decimal offset into a public
// constant, then one hex pair per character, each XOR-ed with the constant from that offset
// on. The auditor decodes a type 7 value only to prove it reversible; the decoded value never
// leaves the auditor (findings say how long it is, nothing more). Pure.
#include <optional>
#include <string>
#include <string_view>

namespace zt::netconfig {

// The clear text of `encoded` ("0822455D0A16" → "cisco"), or nothing when it is not a valid
// type 7 value (odd length, non-hex digits, an offset past the constant).
std::optional<std::string> decode_type7(std::string_view encoded);

}  // namespace zt::netconfig
