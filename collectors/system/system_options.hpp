#pragma once
// The system collector's options (collectors.system.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp),
// which the agent's config loader validates against and --list-collectors prints.
#include <cstddef>
#include <optional>
#include <span>

#include "collectors/core/options.hpp"
#include "collectors/system/civil_date.hpp"

namespace zt::system {

std::span<const collector::OptionSpec> option_specs();

struct SystemOptions {
  bool packages = true;
  std::size_t package_db_max_mib = 128;
  int eol_warning_days = 90;
  bool limited_security_support = true;
  std::optional<Date> eol_as_of;  // nullopt: today

  std::size_t package_db_max_bytes() const { return package_db_max_mib << 20; }

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static SystemOptions from(const collector::OptionValues& values);
  friend bool operator==(const SystemOptions&, const SystemOptions&) = default;
};

}  // namespace zt::system
