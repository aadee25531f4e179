#pragma once
// The iot_ot collector's options (collectors.iot_ot.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp).
#include <chrono>
#include <span>

#include "collectors/core/options.hpp"

namespace zt::iot_ot {

std::span<const collector::OptionSpec> option_specs();

struct IotOtOptions {
  bool live_checks = true;
  std::chrono::milliseconds live_timeout{1500};

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static IotOtOptions from(const collector::OptionValues& values);
  friend bool operator==(const IotOtOptions&, const IotOtOptions&) = default;
};

}  // namespace zt::iot_ot
