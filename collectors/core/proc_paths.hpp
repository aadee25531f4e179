#pragma once
// The /proc and /etc paths that host_sockets.cpp reads, in one place. They are host paths:
// HostFs resolves them under the configured host root.
#include <cstddef>
#include <string>
#include <string_view>

#include "collectors/core/socket_table.hpp"

namespace zt::collector {

struct SocketTablePath {
  std::string_view path;
  Protocol protocol;
  Family family;
};

// The kernel's socket tables of the reader's network namespace (/proc/net is /proc/self/net).
// The IPv6 ones are missing when IPv6 is disabled (ipv6.disable=1): not a problem.
inline constexpr SocketTablePath kSocketTables[] = {
    {"/proc/net/tcp", Protocol::tcp, Family::ipv4},
    {"/proc/net/tcp6", Protocol::tcp, Family::ipv6},
    {"/proc/net/udp", Protocol::udp, Family::ipv4},
    {"/proc/net/udp6", Protocol::udp, Family::ipv6},
};

// The table whose readability says whether sockets can be read at all.
inline constexpr std::string_view kTcpTablePath = "/proc/net/tcp";

inline constexpr std::string_view kProcPath = "/proc";
inline constexpr std::string_view kPasswdPath = "/etc/passwd";

inline std::string proc_fd_dir(int pid) { return "/proc/" + std::to_string(pid) + "/fd"; }
inline std::string proc_fd_path(int pid, std::string_view fd) {
  return proc_fd_dir(pid) + "/" + std::string(fd);
}
inline std::string proc_comm_path(int pid) { return "/proc/" + std::to_string(pid) + "/comm"; }
inline std::string proc_status_path(int pid) {
  return "/proc/" + std::to_string(pid) + "/status";
}
inline std::string proc_cmdline_path(int pid) {
  return "/proc/" + std::to_string(pid) + "/cmdline";
}

// Read caps: a socket table of a busy server (tens of thousands of connections) stays under
// this; the small files are a few hundred bytes.
inline constexpr std::size_t kSocketTableMaxBytes = std::size_t{64} << 20;
inline constexpr std::size_t kSmallFileMaxBytes = std::size_t{1} << 20;

}  // namespace zt::collector
