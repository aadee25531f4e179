#pragma once
// The web3 collector's options (collectors.web3.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp).
#include <cstddef>
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "collectors/core/options.hpp"
#include "collectors/core/walk_settings.hpp"

namespace zt::web3 {

std::span<const collector::OptionSpec> option_specs();

// Its part of the shared walk (roots, budget, head size) is the core's WalkSettings.
struct Web3Options : collector::WalkSettings {
  bool scan_files = true;
  bool check_nodes = true;
  bool live_checks = true;
  std::chrono::milliseconds live_timeout{1500};
  // geth's standard scrypt cost (2^18); --lightkdf writes 4096.
  std::int64_t min_scrypt_n = 262144;
  // The PBKDF2 cost of the Web3 Secret Storage and EIP-2335 examples (2^18).
  std::int64_t min_pbkdf2_iterations = 262144;
  // Largest wallet.dat read whole when the walk's head did not decide it.
  std::int64_t max_wallet_bytes = std::int64_t{64} << 20;
  std::vector<std::string> node_config_files;

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static Web3Options from(const collector::OptionValues& values);
  friend bool operator==(const Web3Options&, const Web3Options&) = default;
};

}  // namespace zt::web3
