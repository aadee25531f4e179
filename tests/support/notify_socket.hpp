#pragma once
// A unix datagram socket that stands in for systemd's NOTIFY_SOCKET in a test: the program
// under test is given its path and the test reads the messages it sends (READY=1, …).
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace zt::test {

class NotifySocket {
 public:
  // Binds at `path` (shorter than a sun_path); throws std::runtime_error when it cannot.
  explicit NotifySocket(std::string path);
  ~NotifySocket();
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

  const std::string& path() const { return path_; }
  // The next datagram, or nothing when `limit` passes first.
  std::optional<std::string> receive(std::chrono::milliseconds limit);
  // Every datagram that arrives within `window`.
  std::vector<std::string> receive_for(std::chrono::milliseconds window);
  // Reads until a datagram contains `text`; every datagram read is kept in `seen`.
  std::optional<std::string> wait_for(const std::string& text, std::chrono::milliseconds limit,
                                      std::vector<std::string>& seen);

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace zt::test
