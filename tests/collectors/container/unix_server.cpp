#include "tests/collectors/container/unix_server.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace zt::test {

UnixServer::UnixServer(const std::filesystem::path& path, UnixPeer peer, std::string reply)
    : reply_(std::move(reply)) {
  fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string text = path.string();
  if (fd_ < 0 || text.size() >= sizeof addr.sun_path)
    throw std::runtime_error("cannot make a unix socket at " + text);
  std::memcpy(addr.sun_path, text.c_str(), text.size() + 1);
  if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    throw std::runtime_error("cannot bind " + text + ": " + std::strerror(errno));
  ::chmod(text.c_str(), 0600);
  if (peer == UnixPeer::refuse) return;
  if (::listen(fd_, 8) != 0) throw std::runtime_error("cannot listen on " + text);
  if (peer == UnixPeer::reply) thread_ = std::thread([this] { serve(); });
}

UnixServer::~UnixServer() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  if (fd_ >= 0) ::close(fd_);
}

void UnixServer::serve() {
  while (!stop_) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int client = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    char request[4096];
    pollfd c{client, POLLIN, 0};
    if (::poll(&c, 1, 1000) > 0) (void)::read(client, request, sizeof request);
    // MSG_NOSIGNAL: a client that hangs up early must not kill the test with SIGPIPE.
    (void)::send(client, reply_.data(), reply_.size(), MSG_NOSIGNAL);
    ::close(client);
  }
}

}  // namespace zt::test
