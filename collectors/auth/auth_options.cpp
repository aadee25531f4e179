#include "collectors/auth/auth_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::auth {
namespace {

const collector::OptionTable<AuthOptions>& table() {
  using namespace collector;  // the row makers: flag, integer, text, text_list
  using O = AuthOptions;
  static const OptionTable<O> kTable{
      flag<&O::check_authorized_keys>(
          "check_authorized_keys",
          "read every account's ~/.ssh/authorized_keys(2): writable files and folders, DSA "
          "keys, RSA keys under 2048 bits"),
      integer<&O::max_accounts>(
          "max_accounts", 1, 1000000,
          "most accounts whose authorized_keys are read; the rest are skipped and the "
          "inventory says so"),
      integer<&O::max_keys_per_file>(
          "max_keys_per_file", 1, 100000,
          "most keys read from one authorized_keys file; the rest are skipped"),
      integer<&O::min_password_length>(
          "min_password_length", 6, 64,
          "smallest acceptable minimum password length of the PAM password stack (CIS: 14)"),
  };
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

AuthOptions AuthOptions::from(const collector::OptionValues& values) {
  return table().read(values);
}

}  // namespace zt::auth
