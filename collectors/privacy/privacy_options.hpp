#pragma once
// The privacy collector's options (collectors.privacy.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp).
// The walk's options (roots, exclusions, budget) are its part of the shared content walk
// (collectors/core/content_collector.hpp).
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "collectors/core/options.hpp"
#include "collectors/core/walk_settings.hpp"

namespace zt::privacy {

std::span<const collector::OptionSpec> option_specs();

// The detector families, by their option names.
inline constexpr std::string_view kDetectorNames[] = {"tokens", "private_keys", "config_secrets",
                                                      "credential_files", "personal_data"};

// Its part of the shared walk (roots, budget, head size) is the core's WalkSettings.
struct PrivacyOptions : collector::WalkSettings {
  std::vector<std::string> detectors;  // empty: all of kDetectorNames
  std::size_t max_findings = 1000;
  std::string hash_salt;

  bool detector_on(std::string_view name) const;

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static PrivacyOptions from(const collector::OptionValues& values);
  friend bool operator==(const PrivacyOptions&, const PrivacyOptions&) = default;
};

}  // namespace zt::privacy
