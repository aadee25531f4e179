#pragma once
// The database collector's options (collectors.database.<key>): the table the agent's
// config loader validates against and --list-collectors prints, and the typed struct made
// from the validated values once.
#include <chrono>
#include <span>

#include "collectors/core/options.hpp"

namespace zt::database {

std::span<const collector::OptionSpec> option_specs();

struct DatabaseOptions {
  // The defaults are those of option_specs().
  bool live_checks = true;
  std::chrono::milliseconds live_timeout{1500};

  // `values` must hold every key of option_specs().
  static DatabaseOptions from(const collector::OptionValues& values);
};

}  // namespace zt::database
