#pragma once
// The netconfig collector's options (collectors.netconfig.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp).
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "collectors/core/options.hpp"
#include "collectors/netconfig/host_paths.hpp"

namespace zt::netconfig {

std::span<const collector::OptionSpec> option_specs();

struct NetconfigOptions {
  std::vector<std::string> paths = default_config_paths();
  std::size_t max_file_mib = 16;
  std::size_t max_files = 5000;
  int max_depth = 4;
  std::string hash_salt;

  std::size_t max_file_bytes() const { return max_file_mib << 20; }

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static NetconfigOptions from(const collector::OptionValues& values);
  friend bool operator==(const NetconfigOptions&, const NetconfigOptions&) = default;
};

}  // namespace zt::netconfig
