#pragma once
// The auth collector's options (collectors.auth.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp),
// which the agent's config loader validates against and --list-collectors prints.
#include <cstddef>
#include <span>

#include "collectors/core/options.hpp"

namespace zt::auth {

std::span<const collector::OptionSpec> option_specs();

struct AuthOptions {
  bool check_authorized_keys = true;
  std::size_t max_accounts = 10000;
  std::size_t max_keys_per_file = 1000;
  // 14: the CIS Debian Linux 12 Benchmark's minimum for pam_pwquality minlen. NIST SP
  // 800-63B-4 (2024) asks for 15 when a password is the only factor and 8 when it
  // is one of several; 14 sits between, as most hardening baselines do.
  int min_password_length = 14;

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static AuthOptions from(const collector::OptionValues& values);
  friend bool operator==(const AuthOptions&, const AuthOptions&) = default;
};

}  // namespace zt::auth
