// The system LiveChecker: non-blocking POSIX sockets, every connect, send and receive bounded
// by one poll() deadline per exchange. MSG_NOSIGNAL keeps a peer that closes early from
// raising SIGPIPE.
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "collectors/core/live_checker.hpp"
#include "collectors/core/loopback_socket.hpp"

namespace zt::collector {
namespace {

using Clock = DeadlineClock;

std::string errno_text(std::string_view what, int error) {
  return std::string(what) + ": " + std::strerror(error);
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

  ExchangeResult exchange(const Endpoint& target, const Exchange& exchange,
                          std::chrono::milliseconds limit) override {
    const auto deadline = Clock::now() + limit;
    ExchangeResult result;
    bool timed_out = false;
    Fd fd(connect_to(target, deadline, result.error, timed_out));
    if (fd.get() < 0) return result;
    result.connected = true;
    if (!exchange.send.empty() && !send_all(fd.get(), exchange.send, deadline, result.error))
      return result;
    char buffer[4096];
    while (result.received.size() < exchange.max_bytes) {
      if (exchange.complete && exchange.complete(result.received)) {
        const std::string next = exchange.then ? exchange.then(result.received) : std::string();
        if (next.empty()) break;
        if (!send_all(fd.get(), next, deadline, result.error)) return result;
        continue;
      }
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

}  // namespace zt::collector
