// The platform-independent part of socket_table.hpp and host_sockets.hpp: how sockets and
// addresses are named and classified. Built on both platforms (the Windows network collector
// reads its sockets with GetExtendedTcpTable, not from /proc/net).
#include "collectors/core/host_sockets.hpp"
#include "collectors/core/socket_table.hpp"

namespace zt::collector {

std::string_view to_string(Protocol protocol) { return protocol == Protocol::tcp ? "tcp" : "udp"; }

std::string_view to_string(Family family) { return family == Family::ipv4 ? "ipv4" : "ipv6"; }

std::string endpoint_text(std::string_view address, std::uint16_t port) {
  const std::string host(address);
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + std::to_string(port);
  return host + ":" + std::to_string(port);
}

bool reachable_from_network(std::string_view bind) {
  if (bind.empty() || bind == "0.0.0.0" || bind == "::" || bind == "*") return true;
  return !(bind == "localhost" || bind == "::1" || bind.starts_with("127."));
}

bool is_wildcard(const ListeningSocket& socket) {
  return socket.address == "0.0.0.0" || socket.address == "::";
}

bool is_loopback(const ListeningSocket& socket) {
  const std::string& a = socket.address;
  return a.starts_with("127.") || a == "::1" || a.starts_with("::ffff:127.");
}

}  // namespace zt::collector
