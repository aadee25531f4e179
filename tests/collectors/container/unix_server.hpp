#pragma once
// Unix-socket peers that misbehave, for the collector's failure paths: a socket file nobody
// listens on (connect is refused), a listener that never accepts (the client times out), and
// a server that answers every connection with fixed bytes and closes it.
#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

namespace zt::test {

enum class UnixPeer { refuse, stall, reply };

class UnixServer {
 public:
  // Creates the socket file at `path` (mode 0600); `reply` is what a `reply` peer sends.
  UnixServer(const std::filesystem::path& path, UnixPeer peer, std::string reply = {});
  ~UnixServer();
  UnixServer(const UnixServer&) = delete;
  UnixServer& operator=(const UnixServer&) = delete;

 private:
  void serve();
  int fd_ = -1;
  std::string reply_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace zt::test
