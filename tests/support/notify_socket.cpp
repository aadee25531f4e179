#include "tests/support/notify_socket.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace zt::test {
namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds until(Clock::time_point end) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now());
}

}  // namespace

NotifySocket::NotifySocket(std::string path) : path_(std::move(path)) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path_.size() >= sizeof(address.sun_path))
    throw std::runtime_error("notify socket path too long: " + path_);
  std::memcpy(address.sun_path, path_.c_str(), path_.size() + 1);
  fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    const std::string reason = std::strerror(errno);
    if (fd_ >= 0) ::close(fd_);
    throw std::runtime_error("cannot bind notify socket " + path_ + ": " + reason);
  }
}

NotifySocket::~NotifySocket() {
  ::close(fd_);
  ::unlink(path_.c_str());
}

std::optional<std::string> NotifySocket::receive(std::chrono::milliseconds limit) {
  pollfd ready{fd_, POLLIN, 0};
  if (::poll(&ready, 1, static_cast<int>(std::max<long long>(limit.count(), 0))) != 1)
    return std::nullopt;
  char buffer[4096];
  const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
  if (n < 0) return std::nullopt;
  return std::string(buffer, static_cast<std::size_t>(n));
}

std::vector<std::string> NotifySocket::receive_for(std::chrono::milliseconds window) {
  std::vector<std::string> messages;
  const auto end = Clock::now() + window;
  while (Clock::now() < end)
    if (auto m = receive(until(end))) messages.push_back(*m);
  return messages;
}

std::optional<std::string> NotifySocket::wait_for(const std::string& text,
                                                  std::chrono::milliseconds limit,
                                                  std::vector<std::string>& seen) {
  const auto end = Clock::now() + limit;
  while (Clock::now() < end) {
    auto m = receive(until(end));
    if (!m) break;
    seen.push_back(*m);
    if (m->find(text) != std::string::npos) return m;
  }
  return std::nullopt;
}

}  // namespace zt::test
