// conf/agent.yaml against the real built-in collectors: it must load to exactly the defaults
// and spell out every key, with the environment variable of each key that has one.
#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "agent/config/config_loader.hpp"
#include "agent/config/sections.hpp"
#include "collectors/builtin.hpp"

namespace zt::agent {
namespace {

const std::string kFile = ZT_SOURCE_DIR "/conf/agent.yaml";
const EnvLookup kNoEnv = [](std::string_view) { return std::optional<std::string>(); };

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The dotted keys the file spells out, found by indentation: enough for a file of block maps
// like agent.yaml.
std::set<std::string> keys_in(const std::string& text) {
  std::set<std::string> keys;
  std::vector<std::pair<std::size_t, std::string>> parents;  // indent, dotted key
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos || line[indent] == '#') continue;
    const std::size_t colon = line.find(':', indent);
    if (colon == std::string::npos) continue;
    while (!parents.empty() && parents.back().first >= indent) parents.pop_back();
    std::string key = line.substr(indent, colon - indent);
    if (!parents.empty()) key = parents.back().second + "." + key;
    keys.insert(key);
    parents.emplace_back(indent, key);
  }
  return keys;
}

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
  const std::string text = read_file(kFile);
  const std::set<std::string> in_file = keys_in(text);
  for (const KeyDoc& doc : documented_keys(collector::builtin_collectors())) {
    INFO(doc.key);
    CHECK(in_file.contains(doc.key));
    if (!doc.environment.empty()) CHECK(text.find(doc.environment) != std::string::npos);
  }
}

}  // namespace
}  // namespace zt::agent
