#pragma once
// A TCP proxy for fault-injection tests: "the connection is cut after the server committed
// but before the client read the answer". It listens on 127.0.0.1 on a free port and forwards
// bytes both ways to a target. After cut_answers(marker, n), the next n requests whose
// client->server bytes contain `marker` (e.g. "POST /api/v1/batches") are cut: when the first
// bytes of the server's answer arrive, the proxy drops them and closes both sockets, so the
// server has processed the request and the client sees the connection closed without an answer.
//
// Limits: plain TCP only, so a marker is visible on unencrypted HTTP only. A request ends when
// its answer starts; the next client bytes on the connection start a new one (HTTP/1.1
// keep-alive, no pipelining). Interim "HTTP/1.x 1xx" answers (100 Continue) are forwarded, not
// cut. A marker is matched within the last 4 KiB of a request's bytes. A half-close from either
// side ends the whole connection.
//
// Threads: one accepting thread and one per connection; every public function is thread-safe.
// Errors: the constructor throws std::runtime_error when it cannot listen; afterwards, errors
// (target unreachable, peer gone) close the affected connection and nothing else.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace zt::test {

class CutProxy {
 public:
  CutProxy(std::string target_host, unsigned short target_port);
  // Closes the listener and every connection, and joins all threads.
  ~CutProxy();
  CutProxy(const CutProxy&) = delete;
  CutProxy& operator=(const CutProxy&) = delete;

  unsigned short port() const { return port_; }

  // Cuts the answers to the next `count` requests containing `request_marker`; replaces an
  // earlier setting (count 0 stops cutting).
  void cut_answers(std::string request_marker, int count);

  int cuts() const { return cuts_.load(); }               // answers cut so far
  int connections() const { return connections_.load(); }  // connections accepted so far

 private:
  struct Request;  // per-request state of one connection

  void accept_loop();
  void serve(int client);
  int connect_target() const;
  bool wait_for(int fd, short events, int timeout_ms) const;
  bool send_all(int fd, const char* data, std::size_t size) const;
  void on_client_bytes(Request& request, const char* data, std::size_t size);
  bool take_cut();
  void close_fds();

  std::string target_host_;
  unsigned short target_port_;
  int listener_ = -1;
  int stop_read_ = -1;  // a pipe: readable once the destructor runs
  int stop_write_ = -1;
  unsigned short port_ = 0;

  std::mutex mutex_;  // guards marker_, remaining_ and workers_
  std::string marker_;
  int remaining_ = 0;
  std::vector<std::thread> workers_;
  std::atomic<int> cuts_{0};
  std::atomic<int> connections_{0};
  std::thread acceptor_;
};

}  // namespace zt::test
