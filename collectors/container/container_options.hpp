#pragma once
// The container collector's options (collectors.container.<key>): the table the agent's
// config loader validates against and --list-collectors prints, and the typed struct made
// from the validated values once.
#include <chrono>
#include <cstddef>
#include <span>
#include <string>

#include "collectors/core/options.hpp"

namespace zt::container {

std::span<const collector::OptionSpec> option_specs();

struct ContainerOptions {
  // The defaults are those of option_specs().
  std::string socket;  // host path of the engine's API socket; "" = the usual places
  std::chrono::milliseconds api_timeout{3000};
  std::size_t max_response_bytes = std::size_t{8} << 20;
  std::size_t max_containers = 500;

  // `values` must hold every key of option_specs().
  static ContainerOptions from(const collector::OptionValues& values);
};

}  // namespace zt::container
