#pragma once
// Where a configuration comes from, besides its defaults: the file (read whole, at most
// 1 MiB) and the process environment. The parsing touches neither; tests pass their own
// EnvLookup and text.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"

namespace zt::config {

// A variable's value, or nullopt when it is not set. Tests pass their own.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// Looks variables up in this process's environment.
EnvLookup process_environment();

// The text of a configuration file, or "<file>: cannot read the configuration file: <why>"
// when it is missing, unreadable, a directory or larger than 1 MiB.
model::Result<std::string> read_config_file(const std::filesystem::path& file);

}  // namespace zt::config
