#pragma once
// A configuration line fit to be shown in a finding: every password, secret, key, hash and
// SNMP community in it replaced by its masked prefix (collectors/core/secret_evidence.hpp: at
// most 4 characters, never more than a quarter of the value, then "…"). Token rules, so a
// secret in an unknown command that follows `password`, `secret`, `key`, `key-string`,
// `community`, `pre-shared-key`, `encrypted-password` or `value` (Junos keys) is masked too. The line's indentation is kept; runs of
// spaces inside it become one. Pure.
#include <string>
#include <string_view>

namespace zt::netconfig {

std::string mask_secrets(std::string_view line);

// The masked prefix of one secret value.
std::string masked(std::string_view secret);

}  // namespace zt::netconfig
