// The system LiveChecker: non-blocking POSIX sockets, every connect, send and receive bounded
// by one poll() deadline per exchange. MSG_NOSIGNAL keeps a peer that closes early from
// raising SIGPIPE.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "collectors/database/live_checker.hpp"

namespace zt::database {
namespace {

using Clock = std::chrono::steady_clock;

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

int millis_left(Clock::time_point deadline) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1'000'000));
}

// >0 ready, 0 deadline passed, <0 poll failed.
int wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    const int rc = ::poll(&p, 1, millis_left(deadline));
    if (rc < 0 && errno == EINTR) continue;
    return rc;
  }
}

std::string errno_text(std::string_view what, int error) {
  return std::string(what) + ": " + std::strerror(error);
}

// A connected non-blocking socket, or -1 with `error` set.
int connect_to(const Target& target, Clock::time_point deadline, std::string& error) {
  sockaddr_storage storage{};
  socklen_t length = 0;
  int parsed = 0;
  if (target.family == collector::Family::ipv4) {
    auto* sin = reinterpret_cast<sockaddr_in*>(&storage);
    sin->sin_family = AF_INET;
    sin->sin_port = htons(target.port);
    parsed = ::inet_pton(AF_INET, target.address.c_str(), &sin->sin_addr);
    length = sizeof(sockaddr_in);
  } else {
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(&storage);
    sin6->sin6_family = AF_INET6;
    sin6->sin6_port = htons(target.port);
    parsed = ::inet_pton(AF_INET6, target.address.c_str(), &sin6->sin6_addr);
    length = sizeof(sockaddr_in6);
  }
  if (parsed != 1) {
    error = "not a numeric address: " + target.address;
    return -1;
  }
  const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    error = errno_text("socket", errno);
    return -1;
  }
  if (::connect(fd, reinterpret_cast<sockaddr*>(&storage), length) == 0) return fd;
  if (errno != EINPROGRESS) {
    error = errno_text("connect", errno);
    ::close(fd);
    return -1;
  }
  const int ready = wait_for(fd, POLLOUT, deadline);
  int so_error = 0;
  socklen_t so_length = sizeof so_error;
  if (ready == 0) {
    error = "connect: timed out";
  } else if (ready < 0) {
    error = errno_text("poll", errno);
  } else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &so_length) != 0 || so_error != 0) {
    error = errno_text("connect", so_error != 0 ? so_error : errno);
  } else {
    return fd;
  }
  ::close(fd);
  return -1;
}

bool send_all(int fd, std::string_view bytes, Clock::time_point deadline, std::string& error) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      if (wait_for(fd, POLLOUT, deadline) <= 0) {
        error = "send: timed out";
        return false;
      }
      continue;
    }
    error = errno_text("send", errno);
    return false;
  }
  return true;
}

class SystemChecker final : public LiveChecker {
 public:
  bool live() const override { return true; }

  ExchangeResult exchange(const Target& target, const Exchange& exchange,
                          std::chrono::milliseconds limit) override {
    const auto deadline = Clock::now() + limit;
    ExchangeResult result;
    Fd fd(connect_to(target, deadline, result.error));
    if (fd.get() < 0) return result;
    result.connected = true;
    if (!exchange.send.empty() && !send_all(fd.get(), exchange.send, deadline, result.error))
      return result;
    char buffer[4096];
    while (result.received.size() < exchange.max_bytes) {
      if (exchange.complete && exchange.complete(result.received)) break;
      const int ready = wait_for(fd.get(), POLLIN, deadline);
      if (ready == 0) {
        result.error = "no complete answer within " + std::to_string(limit.count()) + " ms";
        return result;
      }
      if (ready < 0) {
        result.error = errno_text("poll", errno);
        return result;
      }
      const std::size_t room = std::min(sizeof buffer, exchange.max_bytes - result.received.size());
      const ssize_t n = ::recv(fd.get(), buffer, room, MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (n < 0) {
        result.error = errno_text("recv", errno);
        return result;
      }
      if (n == 0) {
        if (!(exchange.complete && exchange.complete(result.received)))
          result.error = "connection closed by the server";
        return result;
      }
      result.received.append(buffer, static_cast<std::size_t>(n));
    }
    if (exchange.farewell) {
      const std::string bye = exchange.farewell(result.received);
      std::string ignored;
      if (!bye.empty()) send_all(fd.get(), bye, deadline, ignored);
    }
    return result;
  }
};

}  // namespace

std::unique_ptr<LiveChecker> make_system_checker() { return std::make_unique<SystemChecker>(); }

}  // namespace zt::database
