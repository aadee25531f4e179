// The daemon under a service manager: a unix datagram socket of the test's stands in for
// systemd's NOTIFY_SOCKET, and the test reads what the real zerotrace-agent says on it.
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "tests/support/notify_socket.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt;
using namespace std::chrono_literals;
using test::NotifySocket;

namespace {

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

  // A ping every half WATCHDOG_USEC while the daemon idles. A loaded machine may delay them,
  // so the test waits for three more with a generous deadline instead of counting a window.
  const auto before = count_of(seen, "WATCHDOG=1");
  for (int ping = 0; ping < 3; ++ping) REQUIRE(notify.wait_for("WATCHDOG=1", 20s, seen));
  CHECK(count_of(seen, "WATCHDOG=1") == before + 3);

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
