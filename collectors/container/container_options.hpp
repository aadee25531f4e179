#pragma once
// The container collector's options (collectors.container.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp),
// which the agent's config loader validates against and --list-collectors prints.
#include <chrono>
#include <cstddef>
#include <span>
#include <string>

#include "collectors/core/options.hpp"

namespace zt::container {

std::span<const collector::OptionSpec> option_specs();

struct ContainerOptions {
  std::string socket;  // host path of the engine's API socket; "" = the usual places
  std::chrono::milliseconds api_timeout{3000};
  std::size_t max_response_bytes = std::size_t{8} << 20;
  std::size_t max_containers = 500;

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static ContainerOptions from(const collector::OptionValues& values);
  friend bool operator==(const ContainerOptions&, const ContainerOptions&) = default;
};

}  // namespace zt::container
