#pragma once
// TCP connections to this host's own listeners, for the collectors' live checks (the network
// collector's probes, the database collector's checks): non-blocking sockets whose every step
// is bounded by one deadline. POSIX (loopback_socket_linux.cpp). Nothing throws: failures are
// values with a message ("connect: Connection refused", "connect: timed out").
#include <chrono>
#include <cstdint>
#include <string>

#include "collectors/core/host_fs.hpp"
#include "collectors/core/socket_table.hpp"

namespace zt::collector {

using DeadlineClock = std::chrono::steady_clock;

struct Endpoint {
  Family family = Family::ipv4;
  std::string address;  // numeric: "127.0.0.1", "::1"
  std::uint16_t port = 0;
  bool operator==(const Endpoint&) const = default;
};

// Why live checks cannot run at `fs`'s root, or "" when they can: only the machine the agent
// runs on (host root "/") is contacted, never a mounted or copied tree. A checker that is not
// `live` (it replays recorded answers) may always run. `consequence` ends the message: "its
// servers are not contacted".
std::string live_check_refusal(const HostFs& fs, bool live, std::string_view consequence);

// Owns a file descriptor (-1: none) and closes it.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd();
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Milliseconds left until `deadline`, as poll() takes them; 0 once it has passed.
int millis_left(DeadlineClock::time_point deadline);

// poll() on one descriptor until `deadline`: > 0 ready, 0 deadline passed, < 0 failed (errno).
int wait_for(int fd, short events, DeadlineClock::time_point deadline);

// A connected non-blocking socket, or -1 with `error` set; `timed_out` when the deadline
// passed first.
int connect_to(const Endpoint& target, DeadlineClock::time_point deadline, std::string& error,
               bool& timed_out);

}  // namespace zt::collector
