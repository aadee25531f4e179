#pragma once
// The ai_ml collector's options (collectors.ai_ml.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp).
#include <chrono>
#include <cstdint>
#include <span>

#include "collectors/core/options.hpp"
#include "collectors/core/walk_settings.hpp"

namespace zt::ai_ml {

std::span<const collector::OptionSpec> option_specs();

// Its part of the shared walk (roots, budget, head size) is the core's WalkSettings.
struct AiMlOptions : collector::WalkSettings {
  bool scan_files = true;
  bool check_services = true;
  bool live_checks = true;
  std::chrono::milliseconds live_timeout{1500};
  // Largest model file read whole when its first bytes (the walk's head) cut a pickle.
  std::int64_t max_model_megabytes = 64;

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static AiMlOptions from(const collector::OptionValues& values);
  friend bool operator==(const AiMlOptions&, const AiMlOptions&) = default;
};

}  // namespace zt::ai_ml
