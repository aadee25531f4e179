#include "tests/support/loopback.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <random>
#include <stdexcept>
#include <string>
#include <thread>

namespace zt::test {
namespace {

sockaddr_in loopback(unsigned short port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

bool bindable(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const sockaddr_in address = loopback(port);
  const bool ok = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

bool accepts(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const sockaddr_in address = loopback(port);
  const bool up = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return up;
}

}  // namespace

unsigned short free_loopback_port() {
  constexpr unsigned short kLowest = 20000, kHighest = 32767;
  thread_local std::mt19937 random{std::random_device{}()};
  std::uniform_int_distribution<unsigned> draw(kLowest, kHighest);
  for (int attempt = 0; attempt < 1000; ++attempt) {
    const auto port = static_cast<unsigned short>(draw(random));
    if (bindable(port)) return port;
  }
  throw std::runtime_error("no free loopback port in 20000-32767");
}

unsigned short start_on_free_port(const std::function<bool(unsigned short port)>& start) {
  constexpr int kAttempts = 5;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    const unsigned short port = free_loopback_port();
    if (start(port)) return port;
  }
  throw std::runtime_error("a server could not bind a free loopback port in " +
                           std::to_string(kAttempts) + " attempts");
}

bool wait_for_loopback_port(unsigned short port, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  for (;;) {
    if (accepts(port)) return true;
    if (std::chrono::steady_clock::now() >= until) return false;
    // Servers start in tens of milliseconds; polling is what waiting on a port means.
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

bool wait_for_child_port(Child& child, unsigned short port, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  for (;;) {
    child.drain();
    if (child.wait_for_exit(std::chrono::milliseconds(0)) != -1) return false;
    if (accepts(port)) return true;
    if (std::chrono::steady_clock::now() >= until)
      throw std::runtime_error("the server did not listen on 127.0.0.1:" + std::to_string(port) +
                               " within " + std::to_string(limit.count()) +
                               " ms: " + child.stderr_text());
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace zt::test
