#pragma once
// The system collector's options (collectors.system.<key>): the table the agent's config
// loader validates against and --list-collectors prints, and the typed struct made from the
// validated values once.
#include <cstddef>
#include <optional>
#include <span>

#include "collectors/core/options.hpp"
#include "collectors/system/civil_date.hpp"

namespace zt::system {

std::span<const collector::OptionSpec> option_specs();

struct SystemOptions {
  // The defaults are those of option_specs().
  bool packages = true;
  std::size_t package_db_max_bytes = std::size_t{128} << 20;
  int eol_warning_days = 90;
  bool limited_security_support = true;
  std::optional<Date> eol_as_of;  // nullopt: today

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  // Throws std::invalid_argument naming the key when eol_as_of is not a YYYY-MM-DD day.
  static SystemOptions from(const collector::OptionValues& values);
};

}  // namespace zt::system
