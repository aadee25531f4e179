// conf/agent.yaml against the real built-in collectors: it must load to exactly the defaults
// and spell out every key, with the environment variable of each key that has one.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "agent/config/config_loader.hpp"
#include "agent/config/sections.hpp"
#include "collectors/builtin.hpp"
#include "tests/support/config_env.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/yaml_keys.hpp"

namespace zt::agent {
namespace {

const std::string kFile = ZT_SOURCE_DIR "/conf/agent.yaml";
using zt::test::kNoEnv;

TEST_CASE("config: conf/agent.yaml loads to exactly the defaults", "[unit]") {
  const auto collectors = collector::builtin_collectors();
  const model::Result<AgentConfig> from_file = load_config(kFile, collectors, kNoEnv);
  INFO((from_file.ok() ? std::string() : from_file.error().message));
  REQUIRE(from_file.ok());
  const model::Result<AgentConfig> defaults = default_config(collectors, kNoEnv);
  REQUIRE(defaults.ok());

  CHECK(from_file->source == kFile);
  CHECK(from_file->agent == defaults->agent);
  CHECK(from_file->scheduler == defaults->scheduler);
  CHECK(from_file->server == defaults->server);
  REQUIRE(from_file->collectors.size() == defaults->collectors.size());
  for (const auto& [name, settings] : defaults->collectors) {
    INFO(name);
    const CollectorConfig& read = from_file->collectors.at(name);
    CHECK(read.enabled == settings.enabled);
    CHECK(read.interval == settings.interval);
    CHECK(read.timeout == settings.timeout);
    CHECK(read.options.as_json() == settings.options.as_json());
  }
}

TEST_CASE("config: conf/agent.yaml documents every key and environment variable", "[unit]") {
  const std::string text = test::read_text(kFile);
  const std::set<std::string> in_file = test::yaml_keys_in(text);
  for (const config::KeyDoc& doc : documented_keys(collector::builtin_collectors())) {
    INFO(doc.key);
    CHECK(in_file.contains(doc.key));
    if (!doc.environment.empty()) CHECK(text.find(doc.environment) != std::string::npos);
  }
}

// What `zerotrace-agent --check-config` runs (agent/main.cpp): load_config with the built-in
// collectors. A collector option with a syntax of its own is refused where it is written.
TEST_CASE("config: a bad collector option is refused at load with its file, line and key",
          "[unit]") {
  test::TempTree tree;
  const std::filesystem::path file = tree.write("agent.yaml",
                                                "collectors:\n"
                                                "  network:\n"
                                                "    probe_ports_allow: [\"x\"]\n"
                                                "    probe_ports_deny:\n"
                                                "      - 22\n"
                                                "      - 9000-8000\n"
                                                "  system:\n"
                                                "    eol_as_of: 2026-13-01\n");
  const model::Result<AgentConfig> config =
      load_config(file, collector::builtin_collectors(), kNoEnv);
  REQUIRE_FALSE(config.ok());
  const std::string where = file.string() + ":";
  CHECK(config.error().message ==
        where + "3:25: collectors.network.probe_ports_allow[0]: \"x\" is not a port (1..65535) "
                "or a range of ports (\"8000-8100\")\n" +
        where + "6:9: collectors.network.probe_ports_deny[1]: \"9000-8000\" is not a port "
                "(1..65535) or a range of ports (\"8000-8100\")\n" +
        where + "8:5: collectors.system.eol_as_of: expected a day as YYYY-MM-DD, got "
                "\"2026-13-01\"");
}

}  // namespace
}  // namespace zt::agent
