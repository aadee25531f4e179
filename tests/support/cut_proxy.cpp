// CutProxy: a plain-TCP proxy that cuts the connection when the answer to a marked request
// starts (fault injection for the delivery tests; unencrypted HTTP only, see the header for
// its limits). Every socket is non-blocking and every wait also polls the stop pipe, so the
// destructor never waits for a peer.
#include "tests/support/cut_proxy.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace zt::test {
namespace {

constexpr std::size_t kTailBytes = 4096;  // how much of a request the marker is sought in
constexpr int kConnectTimeoutMs = 5000;

// Closes the descriptor it owns when it goes.
struct Fd {
  int fd;
  ~Fd() { if (fd >= 0) ::close(fd); }
};

// "HTTP/1.1 100 Continue": an interim answer, after which the real one still comes.
bool is_interim_answer(const char* data, std::size_t size) {
  return size > 9 && std::memcmp(data, "HTTP/1.", 7) == 0 && data[9] == '1';
}

}  // namespace

struct CutProxy::Request {
  std::string tail;        // the request's latest client bytes, while no marker matched
  bool marked = false;     // the request contains the marker
  bool answering = false;  // the answer's first bytes went to the client
};

CutProxy::CutProxy(std::string target_host, unsigned short target_port)
    : target_host_(std::move(target_host)), target_port_(target_port) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("cut proxy: pipe failed");
  stop_read_ = pipe_fds[0];
  stop_write_ = pipe_fds[1];

  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;  // a free port, picked by the kernel
  socklen_t length = sizeof address;
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::listen(listener_, 64) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const std::string reason = std::strerror(errno);
    close_fds();
    throw std::runtime_error("cut proxy: cannot listen on 127.0.0.1: " + reason);
  }
  port_ = ntohs(address.sin_port);
  try {
    acceptor_ = std::thread([this] { accept_loop(); });
  } catch (...) {
    close_fds();
    throw;
  }
}

CutProxy::~CutProxy() {
  const char byte = 0;
  [[maybe_unused]] const auto written = ::write(stop_write_, &byte, 1);
  if (acceptor_.joinable()) acceptor_.join();
  std::vector<std::thread> workers;
  {
    std::lock_guard lock(mutex_);
    workers.swap(workers_);
  }
  for (auto& worker : workers) worker.join();
  close_fds();
}

void CutProxy::close_fds() {
  for (int* fd : {&listener_, &stop_read_, &stop_write_}) {
    if (*fd >= 0) ::close(std::exchange(*fd, -1));
  }
}

void CutProxy::cut_answers(std::string request_marker, int count) {
  std::lock_guard lock(mutex_);
  marker_ = std::move(request_marker);
  remaining_ = count;
}

bool CutProxy::take_cut() {
  std::lock_guard lock(mutex_);
  if (remaining_ <= 0) return false;
  --remaining_;
  ++cuts_;
  return true;
}

// True when `fd` is ready for `events`; false on stop, timeout or a poll error.
bool CutProxy::wait_for(int fd, short events, int timeout_ms) const {
  for (;;) {
    pollfd fds[2] = {{fd, events, 0}, {stop_read_, POLLIN, 0}};
    const int ready = ::poll(fds, 2, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    return ready > 0 && fds[1].revents == 0 && fds[0].revents != 0;
  }
}

bool CutProxy::send_all(int fd, const char* data, std::size_t size) const {
  while (size > 0) {
    const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
    if (sent > 0) {
      data += sent;
      size -= static_cast<std::size_t>(sent);
    } else if (sent < 0 && errno == EINTR) {
      continue;
    } else if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!wait_for(fd, POLLOUT, -1)) return false;
    } else {
      return false;
    }
  }
  return true;
}

// A connected non-blocking socket to the target, or -1.
int CutProxy::connect_target() const {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(target_port_);
  if (::getaddrinfo(target_host_.c_str(), service.c_str(), &hints, &found) != 0) return -1;
  int connected = -1;
  for (const addrinfo* ai = found; ai != nullptr && connected < 0; ai = ai->ai_next) {
    const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                            ai->ai_protocol);
    if (fd < 0) continue;
    int error = 0;
    socklen_t error_size = sizeof error;
    const bool ok =
        ::connect(fd, ai->ai_addr, ai->ai_addrlen) == 0 ||
        (errno == EINPROGRESS && wait_for(fd, POLLOUT, kConnectTimeoutMs) &&
         ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &error_size) == 0 && error == 0);
    if (ok) connected = fd;
    else ::close(fd);
  }
  ::freeaddrinfo(found);
  return connected;
}

void CutProxy::accept_loop() {
  while (wait_for(listener_, POLLIN, -1)) {
    const int client = ::accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (client < 0) continue;  // aborted before we took it, or out of descriptors
    ++connections_;
    try {
      std::lock_guard lock(mutex_);
      workers_.emplace_back([this, client] {
        try {
          serve(client);
        } catch (...) {  // out of memory: the connection goes, the test process stays
        }
      });
    } catch (...) {
      ::close(client);
    }
  }
}

void CutProxy::on_client_bytes(Request& request, const char* data, std::size_t size) {
  if (request.answering) request = Request{};  // the previous request got its answer
  if (request.marked) return;
  std::string marker;
  {
    std::lock_guard lock(mutex_);
    marker = marker_;
  }
  request.tail.append(data, size);
  if (!marker.empty() && request.tail.find(marker) != std::string::npos) {
    request.marked = true;
    request.tail.clear();
  } else if (request.tail.size() > kTailBytes) {
    request.tail.erase(0, request.tail.size() - kTailBytes);
  }
}

void CutProxy::serve(int client_fd) {
  const Fd client{client_fd};
  const Fd server{connect_target()};
  if (server.fd < 0) return;  // target unreachable: the client sees its connection closed
  Request request;
  std::array<char, 16384> buffer;
  for (;;) {
    pollfd fds[3] = {{client.fd, POLLIN, 0}, {server.fd, POLLIN, 0}, {stop_read_, POLLIN, 0}};
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[2].revents != 0) return;
    if (fds[0].revents != 0) {
      const ssize_t got = ::recv(client.fd, buffer.data(), buffer.size(), 0);
      if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (got <= 0) return;
      const auto size = static_cast<std::size_t>(got);
      on_client_bytes(request, buffer.data(), size);
      if (!send_all(server.fd, buffer.data(), size)) return;
    }
    if (fds[1].revents != 0) {
      const ssize_t got = ::recv(server.fd, buffer.data(), buffer.size(), 0);
      if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (got <= 0) return;
      const auto size = static_cast<std::size_t>(got);
      if (!request.answering && !is_interim_answer(buffer.data(), size)) {
        // The server answered, so it has processed the request: cutting here is the fault.
        if (request.marked && take_cut()) return;
        request.answering = true;
      }
      if (!send_all(client.fd, buffer.data(), size)) return;
    }
  }
}

}  // namespace zt::test
