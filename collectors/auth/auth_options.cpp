#include "collectors/auth/auth_options.hpp"

#include <algorithm>

namespace zt::auth {
namespace {

using collector::OptionSpec;
using collector::OptionType;

constexpr OptionSpec kOptions[] = {
    {"check_authorized_keys", OptionType::boolean, "true",
     "read every account's ~/.ssh/authorized_keys(2): writable files and folders, DSA keys, "
     "RSA keys under 2048 bits"},
    {"max_accounts", OptionType::integer, "10000",
     "most accounts whose authorized_keys are read; the rest are skipped and the "
     "inventory says so",
     1, 1000000},
    {"max_keys_per_file", OptionType::integer, "1000",
     "most keys read from one authorized_keys file; the rest are skipped", 1, 100000},
    {"min_password_length", OptionType::integer, "14",
     "smallest acceptable minimum password length of the PAM password stack (CIS: 14)", 6, 64},
};

}  // namespace

std::span<const OptionSpec> option_specs() { return kOptions; }

AuthOptions AuthOptions::from(const collector::OptionValues& values) {
  AuthOptions options;
  options.check_authorized_keys = values.boolean("check_authorized_keys");
  // The loader enforces the ranges; the clamps keep a hand-made OptionValues in bounds.
  options.max_accounts =
      static_cast<std::size_t>(std::clamp(values.integer("max_accounts"), 1LL, 1000000LL));
  options.max_keys_per_file =
      static_cast<std::size_t>(std::clamp(values.integer("max_keys_per_file"), 1LL, 100000LL));
  options.min_password_length =
      static_cast<int>(std::clamp(values.integer("min_password_length"), 6LL, 64LL));
  return options;
}

}  // namespace zt::auth
