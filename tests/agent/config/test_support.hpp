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

inline constexpr collector::OptionSpec kSystemOptions[] = {
    {"packages", OptionType::boolean, "true", "collect the package inventory"},
    {"max_packages", OptionType::integer, "5000", "at most this many packages", 1, 100000},
    {"dpkg_status", OptionType::text, "/var/lib/dpkg/status", "the dpkg database"},
    {"exclude", OptionType::text_list, "[]", "packages to leave out"},
    {"sources", OptionType::text_list, "[dpkg, apk]", "package databases to read"},
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
