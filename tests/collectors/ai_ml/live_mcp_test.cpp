// The collector on this machine (host root "/") against the Model Context Protocol's reference
// server (@modelcontextprotocol/server-everything, npm, where scripts/setup.sh installs it)
// over Streamable HTTP on every interface, as it listens: the live initialize handshake
// decides, and no tool is listed or called. Only the test's port is looked at.
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <set>

#include "collectors/ai_ml/ai_ml_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/loopback.hpp"
#include "tests/support/process.hpp"

using namespace std::chrono_literals;
using Set = std::set<std::string>;

TEST_CASE(
    "live MCP: the reference server over HTTP on every interface answers initialize "
    "without credentials: high",
    "[integration]") {
  if (!std::filesystem::exists(ZT_MCP_EVERYTHING_JS)) {
    WARN("the MCP reference server is not installed at " ZT_MCP_EVERYTHING_JS
         " (scripts/setup.sh installs it with npm): not run");
    return;
  }
  std::unique_ptr<zt::test::Child> server;
  const unsigned short port = zt::test::start_on_free_port([&](unsigned short p) {
    // Its log goes to stderr, which Child reads (Child closes stdout).
    server = std::make_unique<zt::test::Child>(
        std::vector<std::string>{"/bin/sh", "-c", "exec /usr/bin/node \"$0\" streamableHttp 1>&2",
                                 ZT_MCP_EVERYTHING_JS},
        std::vector<std::string>{"PORT=" + std::to_string(p)});
    return zt::test::wait_for_child_port(*server, p, 120s);
  });

  auto collector = zt::ai_ml::descriptor().make(
      zt::test::options_of(zt::ai_ml::descriptor(), {{"scan_files", false}}));
  const auto result = zt::test::collect_at(*collector, "/", std::stop_token{}, 60s);
  // Node listens on "::" (both families).
  CHECK(zt::test::findings_on_port(result, "model_name", port) ==
        Set{"MCP server [::]:" + std::to_string(port) + "|mcp_server_open|high"});
}
