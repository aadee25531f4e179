#pragma once
// LiveChecker: the database collector's only socket I/O, behind an interface so that tests
// replay recorded answers. One exchange = connect to a local endpoint, send fixed bytes,
// read until the protocol's answer is complete (or `max_bytes`, or the time limit), then
// optionally send closing bytes chosen from what was read. The collector only ever hands it
// loopback endpoints of this host's own listeners (see live_checks.cpp). The system
// implementation (live_checker_linux.cpp) uses non-blocking POSIX sockets bounded by poll()
// deadlines. Methods never throw; failures are values. Not thread-safe per instance.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "collectors/core/loopback_socket.hpp"

namespace zt::database {

// A server's loopback address.
using Target = collector::Endpoint;

struct Exchange {
  std::string send;  // may be empty: the server speaks first
  std::function<bool(std::string_view received)> complete;
  // Bytes sent after the answer is complete ("" for none), e.g. PostgreSQL's Terminate once
  // logged in.
  std::function<std::string(std::string_view received)> farewell;
  std::size_t max_bytes = 16 * 1024;
};

struct ExchangeResult {
  bool connected = false;
  std::string received;
  std::string error;  // why nothing (or not all) was read: "connect: Connection refused"
};

class LiveChecker {
 public:
  virtual ~LiveChecker() = default;
  // True when it touches this machine's sockets: the collector then uses it only when the
  // host root is "/". A checker that replays recorded answers returns false.
  virtual bool live() const = 0;
  virtual ExchangeResult exchange(const Target& target, const Exchange& exchange,
                                  std::chrono::milliseconds limit) = 0;
};

std::unique_ptr<LiveChecker> make_system_checker();

}  // namespace zt::database
