#pragma once
// Test helpers for the HTTP server: options for a loopback server on a free port, an echo
// handler, a server that stops when the test ends, a raw socket for misbehaving clients,
// and a wait for a condition (instead of a sleep).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>

#include "ingest/http/server.hpp"
#include "ingest/metrics.hpp"
#include "tests/support/http_client.hpp"

namespace zt::test {

inline ingest::ServerOptions test_options() {
  ingest::ServerOptions options;
  options.tls = false;
  options.port = 0;
  options.header_timeout = std::chrono::seconds(5);
  options.body_timeout = std::chrono::seconds(5);
  options.idle_timeout = std::chrono::seconds(5);
  options.io_threads = 2;  // sessions on separate strands, as in production
  options.worker_threads = 2;
  options.known_routes = {{"/echo", nullptr}, {"/throw", nullptr}};
  return options;
}

// Answers with what it saw: method, target, content type, body, whether Authorization was
// there, remote address. "/throw" throws.
inline ingest::Response echo(const ingest::Request& request) {
  if (request.target == "/throw") throw std::runtime_error("handler blew up");
  ingest::Response response;
  response.body = nlohmann::json{{"method", request.method},
                                 {"target", request.target},
                                 {"content_type", request.content_type},
                                 {"body_size", request.body.size()},
                                 {"body", request.body.size() <= 1024 ? request.body : ""},
                                 {"authorized", !request.authorization.empty()},
                                 {"remote", request.remote_address}}
                      .dump();
  return response;
}

inline HttpCall get(std::string url) {
  HttpCall call;
  call.url = std::move(url);
  return call;
}

inline HttpCall post(std::string url, std::string body, std::vector<std::string> headers = {}) {
  HttpCall call;
  call.method = "POST";
  call.url = std::move(url);
  call.body = std::move(body);
  call.headers = std::move(headers);
  return call;
}

// Whether a TCP connection to the loopback `port` is accepted now.
inline bool accepts_connections(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected =
      ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

// Polls `condition` until it holds or `limit` passes.
inline bool eventually(const std::function<bool()>& condition,
                       std::chrono::milliseconds limit = std::chrono::milliseconds(5000)) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

class RunningServer {
 public:
  explicit RunningServer(ingest::ServerOptions options, ingest::Handler handler = echo)
      : tls_(options.tls) {
    auto started = ingest::HttpServer::start(std::move(options), std::move(handler), metrics);
    if (!started) FAIL("server did not start: " << started.error().message);
    server_ = std::move(started).value();
  }

  ingest::HttpServer& server() { return *server_; }
  unsigned short port() const { return server_->port(); }
  std::string url(const std::string& path) const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port()) + path;
  }
  bool metrics_contain(const std::string& text) const {
    return metrics.render().find(text) != std::string::npos;
  }

  ingest::Metrics metrics;  // before server_: it must outlive the server

 private:
  bool tls_;
  std::unique_ptr<ingest::HttpServer> server_;
};

// A plain TCP client that sends exactly the bytes it is given.
class RawConnection {
 public:
  explicit RawConnection(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
      throw std::runtime_error("cannot connect to port " + std::to_string(port));
  }
  ~RawConnection() { close(); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  void send(const std::string& bytes) {
    if (::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(bytes.size()))
      throw std::runtime_error("send failed");
  }

  // Everything received until the server closes the connection, or `limit` passes.
  // closed() says which.
  std::string read_until_closed(std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    std::string received;
    char buffer[4096];
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          until - std::chrono::steady_clock::now());
      pollfd fd{fd_, POLLIN, 0};
      if (left.count() <= 0 || ::poll(&fd, 1, static_cast<int>(left.count())) <= 0)
        return received;
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        closed_ = true;
        return received;
      }
      received.append(buffer, static_cast<std::size_t>(n));
    }
  }
  bool closed() const { return closed_; }

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  bool closed_ = false;
};

}  // namespace zt::test
