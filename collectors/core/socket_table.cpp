#include "collectors/core/socket_table.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

#include "collectors/core/text.hpp"

namespace zt::collector {
namespace {

template <typename T>
std::optional<T> parse_hex(std::string_view text) {
  if (text.empty() || text.size() > sizeof(T) * 2) return std::nullopt;
  T value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

template <typename T>
std::optional<T> parse_decimal(std::string_view text) {
  T value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

struct Endpoint {
  std::string address;
  std::uint16_t port = 0;
};

// "0100007F:0016"
std::optional<Endpoint> parse_endpoint(std::string_view text, Family family) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto address = decode_address(text.substr(0, colon), family);
  const std::string_view port_text = text.substr(colon + 1);
  auto port = port_text.size() == 4 ? parse_hex<std::uint16_t>(port_text) : std::nullopt;
  if (!address || !port) return std::nullopt;
  return Endpoint{std::move(*address), *port};
}

}  // namespace

bool is_listening(const ProcSocket& socket) {
  return socket.state == (socket.protocol == Protocol::tcp ? kTcpListen : kUdpUnconnected);
}

std::optional<std::string> decode_address(std::string_view hex, Family family) {
  const std::size_t words = family == Family::ipv4 ? 1 : 4;
  if (hex.size() != words * 8) return std::nullopt;
  unsigned char bytes[16] = {};
  for (std::size_t i = 0; i < words; ++i) {
    const auto word = parse_hex<std::uint32_t>(hex.substr(i * 8, 8));
    if (!word) return std::nullopt;
    // The kernel printed the word as the CPU reads it from memory: copying it back into
    // memory restores the address's bytes on either byte order.
    std::memcpy(bytes + i * 4, &*word, 4);
  }
  char text[INET6_ADDRSTRLEN] = {};
  const int af = family == Family::ipv4 ? AF_INET : AF_INET6;
  if (::inet_ntop(af, bytes, text, sizeof text) == nullptr) return std::nullopt;
  return std::string(text);
}

SocketTable parse_socket_table(std::string_view text, Protocol protocol, Family family) {
  SocketTable table;
  for (std::string_view line : collector::split_lines(text)) {
    const auto words = collector::split_whitespace(line);
    if (words.empty()) continue;
    if (words[0] == "sl") continue;  // the header
    // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ...
    if (words.size() < 10 || !words[0].ends_with(':')) {
      ++table.malformed_lines;
      continue;
    }
    auto local = parse_endpoint(words[1], family);
    auto remote = parse_endpoint(words[2], family);
    auto state = words[3].size() == 2 ? parse_hex<std::uint8_t>(words[3]) : std::nullopt;
    auto uid = parse_decimal<std::uint32_t>(words[7]);
    auto inode = parse_decimal<std::uint64_t>(words[9]);
    if (!local || !remote || !state || !uid || !inode) {
      ++table.malformed_lines;
      continue;
    }
    table.sockets.push_back({protocol, family, std::move(local->address), local->port,
                             std::move(remote->address), remote->port, *state, *uid, *inode});
  }
  return table;
}

}  // namespace zt::collector
