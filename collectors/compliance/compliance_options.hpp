#pragma once
// The compliance collector's options (collectors.compliance.*): the packs to run, where they
// are found (agent-side folders, not under the host root) and the profiles. The member
// initializers are the defaults; the table is in compliance_options.cpp.
#include <span>
#include <string>
#include <vector>

#include "collectors/core/options.hpp"

namespace zt::compliance {

struct ComplianceOptions {
  std::vector<std::string> packs;  // empty: every pack found
  std::vector<std::string> pack_dirs{"/usr/share/zerotrace/compliance",
                                     "/etc/zerotrace/compliance.d"};
  std::vector<std::string> profiles;  // empty: every profile

  static ComplianceOptions from(const collector::OptionValues& values);
};

std::span<const collector::OptionSpec> option_specs();

}  // namespace zt::compliance
