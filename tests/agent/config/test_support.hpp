#pragma once
// Fake collectors for the config tests (so they do not depend on the real ones), and helpers.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <string_view>

#include "agent/config/config_loader.hpp"
#include "tests/support/config_env.hpp"

namespace zt::agent::test {

using collector::OptionType;

// A fake option's own check (OptionSpec::check): a value is an even number of letters.
inline model::Status even_letters(std::string_view text) {
  if (text.size() % 2 == 0 && text.find_first_not_of("abcdefghijklmnopqrstuvwxyz") ==
                                  std::string_view::npos)
    return model::Ok{};
  return model::Error{"\"" + std::string(text) + "\" is not an even number of letters"};
}

inline const collector::OptionSpec kSystemOptions[] = {
    {"packages", OptionType::boolean, "collect the package inventory", true},
    {"max_packages", OptionType::integer, "at most this many packages", 5000, 1, 100000},
    {"dpkg_status", OptionType::text, "the dpkg database", "/var/lib/dpkg/status"},
    {"exclude", OptionType::text_list, "packages to leave out", nlohmann::json::array()},
    {"sources", OptionType::text_list, "package databases to read",
     nlohmann::json::array({"dpkg", "apk"})},
    {"pairs", OptionType::text_list, "checked items", nlohmann::json::array(), 0, 0,
     &even_letters},
    {"pair", OptionType::text, "a checked text", "", 0, 0, &even_letters},
};

inline const collector::CollectorDescriptor kCollectors[] = {
    {"system", model::Category::system, std::chrono::hours(1), "fake system", kSystemOptions,
     nullptr},
    {"network", model::Category::network, std::chrono::minutes(15), "fake network", {}, nullptr},
};

using zt::test::env_of;
using zt::test::kNoEnv;

inline model::Result<AgentConfig> parse(std::string_view yaml,
                                        const config::EnvLookup& env = kNoEnv) {
  return parse_config(yaml, "conf/agent.yaml", kCollectors, env);
}

// The error message of a file that must not load.
inline std::string errors_of(std::string_view yaml, const config::EnvLookup& env = kNoEnv) {
  const model::Result<AgentConfig> result = parse(yaml, env);
  REQUIRE_FALSE(result.ok());
  return result.error().message;
}

// The config of a file that must load.
inline AgentConfig loaded(std::string_view yaml, const config::EnvLookup& env = kNoEnv) {
  model::Result<AgentConfig> result = parse(yaml, env);
  INFO((result.ok() ? std::string() : result.error().message));
  REQUIRE(result.ok());
  return std::move(result).value();
}

}  // namespace zt::agent::test
