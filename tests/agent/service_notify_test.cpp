// The daemon under a service manager: a unix datagram socket of the test's stands in for
// systemd's NOTIFY_SOCKET, and the test reads what the real zerotrace-agent says on it.
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

class NotifySocket {
 public:
  explicit NotifySocket(const std::string& path) : path_(path) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    REQUIRE(path.size() < sizeof(address.sun_path));
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
  }
  ~NotifySocket() { ::close(fd_); }

  // The next datagram, or nothing when `limit` passes first.
  std::optional<std::string> receive(std::chrono::milliseconds limit) {
    pollfd ready{fd_, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(limit.count())) != 1) return std::nullopt;
    char buffer[4096];
    const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
    if (n < 0) return std::nullopt;
    return std::string(buffer, static_cast<std::size_t>(n));
  }

  // Every datagram that arrives within `window`.
  std::vector<std::string> receive_for(std::chrono::milliseconds window) {
    std::vector<std::string> messages;
    const auto end = Clock::now() + window;
    for (auto now = Clock::now(); now < end; now = Clock::now())
      if (auto m = receive(std::chrono::duration_cast<std::chrono::milliseconds>(end - now)))
        messages.push_back(*m);
    return messages;
  }

  // Reads until a datagram contains `text`; every datagram read is kept in `seen`.
  std::optional<std::string> wait_for(const std::string& text, std::chrono::milliseconds limit,
                                      std::vector<std::string>& seen) {
    const auto end = Clock::now() + limit;
    for (auto now = Clock::now(); now < end; now = Clock::now()) {
      auto m = receive(std::chrono::duration_cast<std::chrono::milliseconds>(end - now));
      if (!m) break;
      seen.push_back(*m);
      if (m->find(text) != std::string::npos) return m;
    }
    return std::nullopt;
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

std::size_t count_of(const std::vector<std::string>& messages, const std::string& text) {
  std::size_t n = 0;
  for (const std::string& m : messages) n += m == text ? 1 : 0;
  return n;
}

test::Child start_daemon(const test::TempTree& dir, std::vector<std::string> env) {
  const auto config = dir.write("agent.yaml",
                                "agent:\n  state_dir: " + (dir.root() / "state").string() +
                                    "\nscheduler:\n  splay_percent: 0\n");
  return test::Child({ZT_AGENT_BINARY, "--config", config.string(), "--host-root",
                      test::fixture_host("debian12").string()},
                     env);
}

}  // namespace

TEST_CASE("the daemon notifies systemd: READY once armed, watchdog pings, STATUS, STOPPING",
          "[integration]") {
  test::TempTree dir;
  NotifySocket notify((dir.root() / "notify").string());
  test::Child daemon = start_daemon(dir, {"NOTIFY_SOCKET=" + notify.path(),
                                          "WATCHDOG_USEC=400000"});
  INFO(daemon.stderr_text());

  std::vector<std::string> seen;
  const auto ready = notify.wait_for("READY=1", 20s, seen);
  REQUIRE(ready);
  CHECK_THAT(*ready, Catch::Matches("READY=1\nSTATUS=[0-9]+ collector\\(s\\) scheduled"));
  const auto status = notify.wait_for("; last run ", 20s, seen);
  REQUIRE(status);
  CHECK_THAT(*status, Catch::StartsWith("STATUS="));
  CHECK_THAT(*status, Catch::Contains("findings"));

  // Half of WATCHDOG_USEC between pings: about 6 in 1.2 s; a loaded machine may delay some.
  const auto window = notify.receive_for(1200ms);
  CHECK(count_of(window, "WATCHDOG=1") >= 3);
  CHECK(count_of(seen, "WATCHDOG=1") + count_of(window, "WATCHDOG=1") >= 4);

  ::kill(daemon.pid(), SIGTERM);
  CHECK(notify.wait_for("STOPPING=1", 10s, seen));
  CHECK(daemon.wait_for_exit(10s) == 0);
}

TEST_CASE("the daemon pings no watchdog that is not its own", "[integration]") {
  test::TempTree dir;
  NotifySocket notify((dir.root() / "notify").string());
  // WATCHDOG_PID names another process (systemd sets it to the main pid): not ours to ping.
  test::Child daemon = start_daemon(
      dir, {"NOTIFY_SOCKET=" + notify.path(), "WATCHDOG_USEC=200000", "WATCHDOG_PID=1"});
  INFO(daemon.stderr_text());
  std::vector<std::string> seen;
  REQUIRE(notify.wait_for("READY=1", 20s, seen));
  const auto window = notify.receive_for(800ms);
  CHECK(count_of(seen, "WATCHDOG=1") + count_of(window, "WATCHDOG=1") == 0);
  ::kill(daemon.pid(), SIGTERM);
  CHECK(daemon.wait_for_exit(10s) == 0);
}
