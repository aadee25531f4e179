// The collector on this machine (host root "/") against two real Node-RED runtimes (npm,
// installed by scripts/setup.sh) on every interface: one as installed, whose editor asks for
// no login, and one whose settings.js sets adminAuth. Node-RED sets its process title, which
// hides its arguments, so the live GET /auth/login is what decides. Only the test's ports
// are looked at.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "collectors/iot_ot/iot_ot_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/loopback.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using namespace std::chrono_literals;
using zt::collector::CollectResult;
using Set = std::set<std::string>;

namespace {

// A Node-RED runtime with its user folder in a temporary directory, on a free port.
class NodeRedRuntime {
 public:
  explicit NodeRedRuntime(const std::string& settings_js) {
    if (!settings_js.empty()) dir_.write("settings.js", settings_js);
    port_ = zt::test::start_on_free_port([&](unsigned short port) {
      // Its log goes to stderr, which Child reads (Child closes stdout: a write there would
      // end the runtime).
      child_ = std::make_unique<zt::test::Child>(std::vector<std::string>{
          "/bin/sh", "-c", "exec /usr/bin/node \"$0\" -u \"$1\" -p \"$2\" 1>&2", ZT_NODE_RED_JS,
          dir_.root().string(), std::to_string(port)});
      return zt::test::wait_for_child_port(*child_, port, 120s);
    });
  }
  unsigned short port() const { return port_; }

 private:
  zt::test::TempTree dir_;
  std::unique_ptr<zt::test::Child> child_;
  unsigned short port_ = 0;
};

}  // namespace

TEST_CASE("live Node-RED: an editor that asks for no login on every interface is critical, one "
          "with adminAuth gives nothing",
          "[integration]") {
  if (!std::filesystem::exists(ZT_NODE_RED_JS)) {
    WARN("Node-RED is not installed at " ZT_NODE_RED_JS " (scripts/setup.sh installs it with "
         "npm): not run");
    return;
  }
  NodeRedRuntime open("");
  NodeRedRuntime guarded(
      "module.exports = {\n  adminAuth: {\n    type: \"credentials\",\n    users: [{ username: "
      "\"admin\", password: \"$2b$08$zZWtXTja0fB1pzD4sHCMyOCMYz2Z6dNbM6tl8sJogENOMcxWV9DN.\", "
      "permissions: \"*\" }]\n  },\n}\n");

  auto collector = zt::iot_ot::descriptor().make(zt::test::options_of(zt::iot_ot::descriptor()));
  const CollectResult result = zt::test::collect_at(*collector, "/", std::stop_token{}, 60s);
  CHECK(zt::test::findings_on_port(result, "device_id", open.port()) ==
        Set{"0.0.0.0:" + std::to_string(open.port()) + "|node_red_no_admin_auth|critical"});
  CHECK(zt::test::findings_on_port(result, "device_id", guarded.port()).empty());
}
