#include "collectors/netconfig/checks.hpp"

#include <algorithm>
#include <cctype>

namespace zt::netconfig {

std::vector<Check> ios_checks() {
  std::vector<Check> all;
  for (const auto family : {password_checks, management_checks, snmp_checks, service_checks,
                            logging_checks, crypto_checks, acl_checks, firmware_checks}) {
    const std::span<const Check> checks = family();
    all.insert(all.end(), checks.begin(), checks.end());
  }
  return all;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return out;
}

}  // namespace zt::netconfig
