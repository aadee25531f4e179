#pragma once
// One entry of a Cisco IOS (or Arista EOS) access list, parsed into the sets of packets it
// matches: the protocol, the source and destination addresses with their wildcard masks
// (EOS's A/N prefixes too), the ports
// (eq/neq/lt/gt/range, by number or by IOS's port names) and `established`. What the model
// does not capture (ICMP types, DSCP, precedence, fragments, time ranges, TCP flags, object
// groups) makes the entry `qualified`: it matches fewer packets than its sets say, so the
// shadow analysis (acl_shadow.hpp) never lets it hide a later entry; an entry whose syntax is
// not understood is not `understood` and takes no part. So the analysis never reports a line
// that might still match. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::netconfig {

using LineNo = std::uint32_t;

// IOS matches an address bit only where the wildcard bit is 0; `any` is wildcard all ones.
struct AddressMatch {
  std::uint32_t address = 0;
  std::uint32_t wildcard = 0xffffffffu;
  bool operator==(const AddressMatch&) const = default;
};

struct PortRange {
  std::uint16_t low = 0;
  std::uint16_t high = 65535;
  bool operator==(const PortRange&) const = default;
};

inline constexpr int kAnyProtocol = -1;  // `ip`
inline constexpr int kTcp = 6;
inline constexpr int kUdp = 17;

struct AclEntry {
  LineNo line = 0;
  std::string text;  // as written, without a sequence number: "permit tcp any any eq 22"
  bool permit = false;
  int protocol = kAnyProtocol;  // kAnyProtocol or 0..255
  AddressMatch source;
  AddressMatch destination;
  std::vector<PortRange> source_ports;  // empty: every port; else their union
  std::vector<PortRange> destination_ports;
  bool established = false;
  bool understood = true;  // the syntax was parsed to the end
  bool qualified = false;  // it has conditions beyond the sets above
};

// The entry (`permit …` / `deny …`, with or without a sequence number) of a standard or an
// extended list, or nothing for what is not an entry (`remark …`, blank). An entry whose
// syntax is not understood comes back with understood = false.
std::optional<AclEntry> parse_acl_entry(std::string_view text, bool extended, LineNo line);

// "10.0.0.0 0.0.0.255" → the address; nothing when not a dotted quad.
std::optional<std::uint32_t> parse_ipv4(std::string_view text);

}  // namespace zt::netconfig
