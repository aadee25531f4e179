#pragma once
// Listeners on free loopback ports for the network collector's live tests and the probe
// benchmark (tests/bench/probe_bench.cpp). No Catch2 here: failures throw
// std::runtime_error, so a benchmark can use them too.
//
//   LocalServers: in-process servers, all served by one thread that poll()s them:
//     greeter  speaks first, like an SSH server ("SSH-2.0-ZeroTraceTest_1.0\r\n"), then closes;
//     http     waits for the client; answers an HTTP request line with
//              "HTTP/1.0 200 OK" and "Server: ZeroTraceTest/1.0", anything else with a 400
//              (as Python's http.server does), then closes;
//     silent   accepts and holds the connection, never reads or writes.
//   make_certificate / start_tls_server: `openssl s_server` processes with certificates made
//   by the OpenSSL API; killed by pid when the returned Child goes.
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

namespace zt::test {

enum class ServerKind { greeter, http, silent };

inline constexpr std::string_view kGreeting = "SSH-2.0-ZeroTraceTest_1.0\r\n";
inline constexpr std::string_view kHttpServer = "ZeroTraceTest/1.0";

class LocalServers {
 public:
  // One listener on 127.0.0.1 per entry of `kinds`, accepting when the constructor returns.
  explicit LocalServers(const std::vector<ServerKind>& kinds);
  ~LocalServers();
  LocalServers(const LocalServers&) = delete;
  LocalServers& operator=(const LocalServers&) = delete;

  // In the order of `kinds`.
  const std::vector<unsigned short>& ports() const { return ports_; }
  // Connections accepted so far, by all of them.
  std::size_t accepted() const { return accepted_.load(); }

 private:
  void serve(const std::stop_token& stop);
  std::vector<int> listeners_;
  std::vector<ServerKind> kinds_;
  std::vector<unsigned short> ports_;
  std::atomic<std::size_t> accepted_ = 0;
  std::jthread thread_;
};

// A self-signed P-256 certificate valid from now+from_days to now+to_days, as PEM files
// <name>.key and <name>.crt in `tree`.
void make_certificate(const TempTree& tree, const std::string& name, long from_days,
                      long to_days);

// `openssl s_server -quiet` on address:port with <cert>.crt/.key of `tree`, and `extra`
// options; returns once it accepts connections.
std::unique_ptr<Child> start_tls_server(const TempTree& tree, const std::string& cert,
                                        const std::string& address, int port,
                                        const std::string& extra);

// A TCP port of `address` ("127.0.0.1", "0.0.0.0") that nothing listens on now.
int free_port(const char* address);

}  // namespace zt::test
