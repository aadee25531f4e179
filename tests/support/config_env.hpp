#pragma once
// Environments for the configuration tests: none at all, or a fixed set of variables, so no
// test reads the real process environment.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "schema-client/config/sources.hpp"

namespace zt::test {

inline const config::EnvLookup kNoEnv = [](std::string_view) {
  return std::optional<std::string>();
};

inline config::EnvLookup env_of(std::map<std::string, std::string, std::less<>> variables) {
  return [variables = std::move(variables)](std::string_view name) -> std::optional<std::string> {
    const auto found = variables.find(name);
    if (found == variables.end()) return std::nullopt;
    return found->second;
  };
}

}  // namespace zt::test
