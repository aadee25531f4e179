#pragma once
// The web3 collector's options (collectors.web3.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp).
// The walk's bounds default to the core's (content_walk.hpp WalkOptions).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "collectors/core/content_walk.hpp"
#include "collectors/core/options.hpp"

namespace zt::web3 {

std::span<const collector::OptionSpec> option_specs();

struct Web3Options {
  bool scan_files = true;
  bool check_nodes = true;
  // geth's standard scrypt cost (2^18); --lightkdf writes 4096.
  std::int64_t min_scrypt_n = 262144;
  // The PBKDF2 cost of the Web3 Secret Storage and EIP-2335 examples (2^18).
  std::int64_t min_pbkdf2_iterations = 262144;
  // Largest wallet.dat read whole when the walk's head did not decide it.
  std::int64_t max_wallet_bytes = std::int64_t{64} << 20;
  std::vector<std::string> node_config_files;
  std::vector<std::string> roots = collector::WalkOptions{}.roots;
  std::vector<std::string> exclude;
  std::int64_t max_files = static_cast<std::int64_t>(collector::WalkBudget{}.max_files);
  std::int64_t max_bytes = static_cast<std::int64_t>(collector::WalkBudget{}.max_bytes);
  // Under the collector's default timeout (5 minutes), so the nodes are still read after it.
  std::int64_t max_walk_seconds = 240;
  std::int64_t head_bytes = static_cast<std::int64_t>(collector::WalkOptions{}.head_bytes);

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static Web3Options from(const collector::OptionValues& values);
  collector::WalkOptions walk() const;
  friend bool operator==(const Web3Options&, const Web3Options&) = default;
};

}  // namespace zt::web3
