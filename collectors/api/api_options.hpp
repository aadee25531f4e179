#pragma once
// The api collector's options (collectors.api.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp).
#include <chrono>
#include <cstdint>
#include <span>

#include "collectors/core/options.hpp"

namespace zt::api {

std::span<const collector::OptionSpec> option_specs();

struct ApiOptions {
  bool live_checks = true;
  std::chrono::milliseconds live_timeout{1500};
  // Listeners probed per run for an application's HTTP API (web_api.hpp); 0: none.
  std::int64_t http_api_probes = 16;

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static ApiOptions from(const collector::OptionValues& values);
  friend bool operator==(const ApiOptions&, const ApiOptions&) = default;
};

}  // namespace zt::api
