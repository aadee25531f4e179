#pragma once
// Reads this host's listening sockets and the processes that own them, through HostFs: the
// socket tables of /proc/net, then every /proc/<pid>/fd link ("socket:[inode]"), and for the
// owner /proc/<pid>/comm, /proc/<pid>/status, /proc/<pid>/cmdline and /etc/passwd. Shared by
// the collectors that start from what listens (network, database). Never throws. A socket
// table that cannot be read is a problem naming it; processes that cannot be read
// (permissions, exited meanwhile) are skipped quietly and counted.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "collectors/core/collector.hpp"
#include "collectors/core/socket_table.hpp"

namespace zt::collector {

struct ProcessInfo {
  int pid = 0;
  std::string name;  // /proc/<pid>/comm
  std::string user;  // from /etc/passwd; the uid as text when it has no entry
  // /proc/<pid>/cmdline split at its NULs; empty when unreadable (or a kernel thread).
  std::vector<std::string> arguments;
  bool operator==(const ProcessInfo&) const = default;
};

// One (protocol, address, port): several sockets share it with SO_REUSEPORT, several
// processes share a socket after fork; the lowest readable pid is the owner shown.
struct ListeningSocket {
  Protocol protocol = Protocol::tcp;
  Family family = Family::ipv4;
  std::string address;  // "0.0.0.0", "::", "127.0.0.1", "::1", "::ffff:127.0.0.1"
  std::uint16_t port = 0;
  std::string source;   // "/proc/net/tcp6"
  std::uint32_t socket_uid = 0;
  std::vector<std::uint64_t> inodes;
  std::optional<ProcessInfo> process;
  std::vector<int> pids;  // every process holding one of the sockets, ascending
};

// 0.0.0.0 or ::: every interface.
bool is_wildcard(const ListeningSocket& socket);
// 127.0.0.0/8, ::1, ::ffff:127.x.x.x.
bool is_loopback(const ListeningSocket& socket);

struct HostSockets {
  // One per (protocol, address, port), sorted by protocol, port, family, address.
  std::vector<ListeningSocket> listeners;
  std::vector<std::string> problems;
  std::size_t pids_scanned = 0;
  std::size_t pids_unreadable = 0;
  bool stopped = false;  // should_stop() ended the process scan early
};

HostSockets read_host_sockets(const Context& context);

}  // namespace zt::collector
