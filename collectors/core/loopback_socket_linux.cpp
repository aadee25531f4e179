#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "collectors/core/loopback_socket.hpp"

namespace zt::collector {
namespace {

std::string errno_text(std::string_view what, int error) {
  return std::string(what) + ": " + std::strerror(error);
}

}  // namespace

std::string live_check_refusal(const HostFs& fs, bool live, std::string_view consequence) {
  if (!live || fs.root().lexically_normal() == "/") return {};
  return "host root is " + fs.root().string() + ", not this machine's /: " +
         std::string(consequence);
}

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

int millis_left(DeadlineClock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        deadline - DeadlineClock::now())
                        .count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1'000'000));
}

int wait_for(int fd, short events, DeadlineClock::time_point deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    const int rc = ::poll(&p, 1, millis_left(deadline));
    if (rc < 0 && errno == EINTR) continue;
    return rc;
  }
}

int connect_to(const Endpoint& target, DeadlineClock::time_point deadline, std::string& error,
               bool& timed_out) {
  sockaddr_storage storage{};
  socklen_t length = 0;
  int parsed = 0;
  if (target.family == Family::ipv4) {
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
    error = "not a numeric " + std::string(to_string(target.family)) + " address: " +
            target.address;
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
    timed_out = true;
  } else if (ready < 0) {
    error = errno_text("poll", errno);
  } else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &so_length) != 0 ||
             so_error != 0) {
    error = errno_text("connect", so_error != 0 ? so_error : errno);
  } else {
    return fd;
  }
  ::close(fd);
  return -1;
}

}  // namespace zt::collector
