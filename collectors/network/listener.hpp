#pragma once
// What one run of the network collector saw: the listening sockets with their owners and
// what probing them found. Plain data, turned into findings and inventory by report.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "collectors/network/banner.hpp"
#include "collectors/network/local_prober.hpp"
#include "collectors/network/socket_table.hpp"

namespace zt::network {

struct ProcessInfo {
  int pid = 0;
  std::string name;  // /proc/<pid>/comm
  std::string user;  // from /etc/passwd; the uid as text when it has no entry
  bool operator==(const ProcessInfo&) const = default;
};

struct TlsObservation {
  TlsResult main;                  // the handshake with the library's highest version
  std::vector<std::string> legacy; // "TLSv1", "TLSv1.1": capped handshakes that succeeded
  std::optional<std::string> weak_cipher;  // negotiated when offering weak suites only
  bool weak_check_done = false;
};

// One (protocol, address, port): several sockets share it with SO_REUSEPORT, several
// processes share a socket after fork; the lowest pid is the owner shown.
struct Listener {
  Protocol protocol = Protocol::tcp;
  Family family = Family::ipv4;
  std::string address;  // "0.0.0.0", "::", "127.0.0.1", "::1", "::ffff:127.0.0.1"
  std::uint16_t port = 0;
  std::string source;   // "/proc/net/tcp6"
  std::uint32_t socket_uid = 0;
  std::vector<std::uint64_t> inodes;
  std::optional<ProcessInfo> process;
  std::vector<int> pids;  // every process holding one of the sockets, ascending

  // Probing (TCP only, live hosts or recorded results).
  std::optional<std::string> banner_bytes;
  std::optional<BannerInfo> banner;
  std::optional<TlsObservation> tls;  // set when a TLS probe ran (handshake ok or not)
};

// 0.0.0.0 or ::: every interface.
bool is_wildcard(const Listener& listener);
// 127.0.0.0/8, ::1, ::ffff:127.x.x.x.
bool is_loopback(const Listener& listener);

// The service: from the banner, else the process name, else the port; "" when unknown.
std::string service_name(const Listener& listener);

}  // namespace zt::network
