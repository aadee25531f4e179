#pragma once
// The privacy collector's options (collectors.privacy.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp).
// The walk's options (roots, exclusions, budget) are its part of the shared content walk
// (collectors/core/content_collector.hpp).
#include <chrono>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "collectors/core/content_walk.hpp"
#include "collectors/core/options.hpp"

namespace zt::privacy {

std::span<const collector::OptionSpec> option_specs();

// The detector families, by their option names.
inline constexpr std::string_view kDetectorNames[] = {"tokens", "private_keys", "config_secrets",
                                                      "credential_files", "personal_data"};

struct PrivacyOptions {
  std::vector<std::string> roots{"/home", "/root", "/etc", "/opt", "/srv", "/var/www", "/tmp"};
  std::vector<std::string> exclude{"*/.cache", "*/node_modules", "*/.git/objects",
                                   "/var/lib/docker", "/var/lib/containerd"};
  bool cross_filesystems = false;
  std::size_t max_files = 200000;
  std::size_t max_megabytes = 512;
  int max_depth = 24;
  std::chrono::seconds max_seconds{240};  // under the default timeout (5m): the walk stops itself
  std::size_t head_kilobytes = 1024;
  std::vector<std::string> detectors;  // empty: all of kDetectorNames
  std::size_t max_findings = 1000;
  std::string hash_salt;

  bool detector_on(std::string_view name) const;
  collector::WalkOptions walk_options() const;

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static PrivacyOptions from(const collector::OptionValues& values);
  friend bool operator==(const PrivacyOptions&, const PrivacyOptions&) = default;
};

}  // namespace zt::privacy
