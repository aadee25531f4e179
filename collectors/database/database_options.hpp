#pragma once
// The database collector's options (collectors.database.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp),
// which the agent's config loader validates against and --list-collectors prints.
#include <chrono>
#include <span>

#include "collectors/core/options.hpp"

namespace zt::database {

std::span<const collector::OptionSpec> option_specs();

struct DatabaseOptions {
  bool live_checks = true;
  std::chrono::milliseconds live_timeout{1500};

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static DatabaseOptions from(const collector::OptionValues& values);
  friend bool operator==(const DatabaseOptions&, const DatabaseOptions&) = default;
};

}  // namespace zt::database
