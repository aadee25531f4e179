#pragma once
// Helpers of the ingest config tests: an environment of their own, and the config or the
// errors of a text.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "ingest/config/ingest_config.hpp"
#include "tests/support/config_env.hpp"

namespace zt::ingest::test {

using zt::test::env_of;
using zt::test::kNoEnv;

// The error message of a text that must not load.
inline std::string errors_of(std::string_view yaml, const config::EnvLookup& env = kNoEnv) {
  const model::Result<IngestConfig> result = parse_ingest_config(yaml, "ingest.yaml", env);
  REQUIRE_FALSE(result.ok());
  return result.error().message;
}

// The config of a text that must load.
inline IngestConfig loaded(std::string_view yaml, const config::EnvLookup& env = kNoEnv) {
  model::Result<IngestConfig> result = parse_ingest_config(yaml, "ingest.yaml", env);
  INFO((result.ok() ? std::string() : result.error().message));
  REQUIRE(result.ok());
  return std::move(result).value();
}

}  // namespace zt::ingest::test
