#pragma once
// Parser for the kernel's socket tables /proc/net/{tcp,tcp6,udp,udp6}. Pure; never throws.
//
// Addresses are printed by the kernel as the raw 32-bit words of the address in the host's
// own byte order ("0100007F" is 127.0.0.1 on a little-endian machine); ports are big-endian
// hex. The parser decodes them for the machine it runs on, which is the machine whose /proc it
// reads (fixture trees are written in x86 byte order).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::collector {

enum class Protocol { tcp, udp };
enum class Family { ipv4, ipv6 };

std::string_view to_string(Protocol protocol);  // "tcp", "udp"
std::string_view to_string(Family family);      // "ipv4", "ipv6"

// "127.0.0.1:6379", "[::1]:6379": how findings, inventories and messages name an address
// and port.
std::string endpoint_text(std::string_view address, std::uint16_t port);

// A configured bind address reaches beyond this host: empty (every interface), a wildcard, or
// any address or name but loopback ("127.x", "::1", "localhost").
bool reachable_from_network(std::string_view bind);

struct ProcSocket {
  Protocol protocol = Protocol::tcp;
  Family family = Family::ipv4;
  std::string local_address;  // as inet_ntop writes it: "0.0.0.0", "::", "::ffff:127.0.0.1"
  std::uint16_t local_port = 0;
  std::string remote_address;
  std::uint16_t remote_port = 0;
  std::uint8_t state = 0;  // the kernel's TCP state number: 0x0A LISTEN, 0x07 CLOSE, 0x01 ESTABLISHED
  std::uint32_t uid = 0;
  std::uint64_t inode = 0;
};

struct SocketTable {
  std::vector<ProcSocket> sockets;
  std::size_t malformed_lines = 0;  // lines that are neither the header nor a socket
};

// The kernel's state numbers that count as listening, matching `ss -l`: TCP sockets in LISTEN
// (0A) and UDP sockets in CLOSE (07, ss's "UNCONN": bound and not connected). A connected UDP
// socket (01, ESTABLISHED) is not listed by `ss -ul` and is not a listener here either.
inline constexpr std::uint8_t kTcpListen = 0x0A;
inline constexpr std::uint8_t kUdpUnconnected = 0x07;

bool is_listening(const ProcSocket& socket);

// One table's text; `family` decides whether addresses are 8 or 32 hex digits.
SocketTable parse_socket_table(std::string_view text, Protocol protocol, Family family);

// "0100007F" → "127.0.0.1", "00000000000000000000000001000000" → "::1"; nullopt when the
// text is not 8 (ipv4) or 32 (ipv6) hex digits.
std::optional<std::string> decode_address(std::string_view hex, Family family);

}  // namespace zt::collector
