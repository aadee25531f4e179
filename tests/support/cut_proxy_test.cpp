// CutProxy over real loopback sockets, in front of a tiny HTTP-like server that answers every
// request (read up to the blank line) with "ok" and counts what it received.
#include "tests/support/cut_proxy.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

constexpr std::string_view kAnswer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) ::close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

sockaddr_in loopback(unsigned short port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  return address;
}

bool send_text(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t sent = ::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

// The server: one thread accepts, one thread per connection answers its requests in turn.
class AnswerServer {
 public:
  AnswerServer() {
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    stop_read_ = pipe_fds[0];
    stop_write_ = pipe_fds[1];
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
        ::listen(listener_, 16) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
      throw std::runtime_error("test server cannot listen");
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
  }
  ~AnswerServer() {
    const char byte = 0;
    [[maybe_unused]] const auto written = ::write(stop_write_, &byte, 1);
    acceptor_.join();
    for (auto& worker : workers_) worker.join();  // the acceptor, the only writer, is gone
    for (int fd : {listener_, stop_read_, stop_write_}) ::close(fd);
  }
  AnswerServer(const AnswerServer&) = delete;
  AnswerServer& operator=(const AnswerServer&) = delete;

  unsigned short port() const { return port_; }

  int requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }

  // Waits until `bytes` bytes in all have arrived from clients.
  bool wait_received(std::size_t bytes) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::seconds(5), [&] { return received_ >= bytes; });
  }

 private:
  // True when `fd` is readable; false once the server stops.
  bool readable(int fd) const {
    pollfd fds[2] = {{fd, POLLIN, 0}, {stop_read_, POLLIN, 0}};
    while (::poll(fds, 2, -1) < 0) {
      if (errno != EINTR) return false;
    }
    return fds[1].revents == 0;
  }

  void accept_loop() {
    while (readable(listener_)) {
      const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd >= 0) workers_.emplace_back([this, fd] { serve(fd); });
    }
  }

  void serve(int fd) {
    const Socket connection(fd);
    std::string pending;
    char buffer[4096];
    while (readable(fd)) {
      const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
      if (got <= 0) return;
      pending.append(buffer, static_cast<std::size_t>(got));
      int complete = 0;
      for (auto end = pending.find("\r\n\r\n"); end != std::string::npos;
           end = pending.find("\r\n\r\n")) {
        pending.erase(0, end + 4);
        ++complete;
      }
      {
        std::lock_guard lock(mutex_);
        received_ += static_cast<std::size_t>(got);
        requests_ += complete;  // counted before answering: committed, then answered
      }
      changed_.notify_all();
      for (int i = 0; i < complete; ++i) {
        if (!send_text(fd, kAnswer)) return;
      }
    }
  }

  int listener_ = -1;
  int stop_read_ = -1;
  int stop_write_ = -1;
  unsigned short port_ = 0;
  std::mutex mutex_;
  std::condition_variable changed_;
  int requests_ = 0;
  std::size_t received_ = 0;
  std::vector<std::thread> workers_;
  std::thread acceptor_;
};

// A blocking client connection whose reads give up after 5 s.
int connect_to(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const timeval limit{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  const sockaddr_in address = loopback(port);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
    throw std::runtime_error("cannot connect to the proxy");
  return fd;
}

struct Reply {
  std::string text;
  bool closed = false;     // EOF or reset before a whole answer
  bool timed_out = false;  // neither an answer nor a close within the limit
};

Reply read_reply(int fd) {
  Reply reply;
  char buffer[4096];
  for (;;) {
    const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
    if (got > 0) {
      reply.text.append(buffer, static_cast<std::size_t>(got));
      if (reply.text.ends_with("\r\n\r\nok")) return reply;
    } else if (got < 0 && errno == EINTR) {
      continue;
    } else {
      reply.timed_out = got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
      reply.closed = !reply.timed_out;
      return reply;
    }
  }
}

Reply exchange(int fd, std::string_view request) {
  if (!send_text(fd, request)) return Reply{{}, true, false};
  return read_reply(fd);
}

Reply exchange_once(unsigned short port, std::string_view request) {
  const Socket client(connect_to(port));
  return exchange(client.fd(), request);
}

constexpr std::string_view kPostX = "POST /x HTTP/1.1\r\nHost: test\r\n\r\n";
constexpr std::string_view kGetY = "GET /y HTTP/1.1\r\nHost: test\r\n\r\n";

}  // namespace

TEST_CASE("cut proxy forwards a request and its answer", "[integration]") {
  AnswerServer server;
  zt::test::CutProxy proxy("127.0.0.1", server.port());

  const Reply reply = exchange_once(proxy.port(), kGetY);
  CHECK(reply.text == kAnswer);
  CHECK(server.requests() == 1);
  CHECK(proxy.connections() == 1);
  CHECK(proxy.cuts() == 0);
}

TEST_CASE("cut proxy cuts the answer to a marked request after the server got it",
          "[integration]") {
  AnswerServer server;
  zt::test::CutProxy proxy("localhost", server.port());
  proxy.cut_answers("POST /x", 1);

  // A request without the marker passes and leaves the count alone.
  CHECK(exchange_once(proxy.port(), kGetY).text == kAnswer);
  CHECK(proxy.cuts() == 0);

  const Reply cut = exchange_once(proxy.port(), kPostX);
  CHECK(cut.closed);
  CHECK_FALSE(cut.timed_out);
  CHECK(cut.text.find("ok") == std::string::npos);
  CHECK(server.requests() == 2);  // the server did get the cut request
  CHECK(proxy.cuts() == 1);

  // The count is used up: the same request now gets its answer.
  CHECK(exchange_once(proxy.port(), kPostX).text == kAnswer);
  CHECK(exchange_once(proxy.port(), kGetY).text == kAnswer);
  CHECK(server.requests() == 4);
  CHECK(proxy.cuts() == 1);
  CHECK(proxy.connections() == 4);
}

TEST_CASE("cut proxy tracks each request of a keep-alive connection, marker split or not",
          "[integration]") {
  AnswerServer server;
  zt::test::CutProxy proxy("127.0.0.1", server.port());
  proxy.cut_answers("POST /x", 1);
  const Socket client(connect_to(proxy.port()));

  // Ends with the marker's first bytes: they must not join the next request's bytes.
  const std::string ends_with_po = "GET /y HTTP/1.1\r\nX-Note: PO\r\n\r\n";
  REQUIRE(exchange(client.fd(), ends_with_po).text == kAnswer);
  REQUIRE(exchange(client.fd(), "ST /x\r\n\r\n").text == kAnswer);
  REQUIRE(exchange(client.fd(), kGetY).text == kAnswer);
  CHECK(proxy.cuts() == 0);

  // The marker straddles two reads of the proxy: the server saw the first part alone.
  const std::size_t before = ends_with_po.size() + 9 + kGetY.size();
  REQUIRE(send_text(client.fd(), "POS"));
  REQUIRE(server.wait_received(before + 3));
  REQUIRE(send_text(client.fd(), kPostX.substr(3)));
  const Reply cut = read_reply(client.fd());
  CHECK(cut.closed);
  CHECK(cut.text.empty());
  CHECK(server.requests() == 4);
  CHECK(proxy.cuts() == 1);
  CHECK(proxy.connections() == 1);
}

TEST_CASE("cut proxy closes the client connection when the target is unreachable",
          "[integration]") {
  unsigned short unused_port = 0;
  {
    // A port that was free a moment ago and has no listener now.
    const Socket probe(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    REQUIRE(::bind(probe.fd(), reinterpret_cast<sockaddr*>(&address), length) == 0);
    REQUIRE(::getsockname(probe.fd(), reinterpret_cast<sockaddr*>(&address), &length) == 0);
    unused_port = ntohs(address.sin_port);
  }
  zt::test::CutProxy proxy("127.0.0.1", unused_port);

  const Socket client(connect_to(proxy.port()));
  send_text(client.fd(), kGetY);  // may fail once the proxy has closed: either way no answer
  const Reply reply = read_reply(client.fd());
  CHECK(reply.closed);
  CHECK(reply.text.empty());
  CHECK(proxy.connections() == 1);
  CHECK(proxy.cuts() == 0);
}

TEST_CASE("cut proxy stops promptly with idle connections open", "[integration]") {
  AnswerServer server;
  auto proxy = std::make_unique<zt::test::CutProxy>("127.0.0.1", server.port());
  const Socket idle_after_answer(connect_to(proxy->port()));
  REQUIRE(exchange(idle_after_answer.fd(), kGetY).text == kAnswer);
  const Socket idle_before_request(connect_to(proxy->port()));
  const Socket half_request(connect_to(proxy->port()));
  REQUIRE(send_text(half_request.fd(), "GET /y HTTP/1.1\r\n"));
  REQUIRE(server.wait_received(kGetY.size() + 17));

  const auto start = std::chrono::steady_clock::now();
  proxy.reset();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  // The proxy closed its side of every connection.
  CHECK(read_reply(idle_after_answer.fd()).closed);
  CHECK(read_reply(half_request.fd()).closed);
}
