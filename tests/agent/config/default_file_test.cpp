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

}  // namespace
}  // namespace zt::agent
