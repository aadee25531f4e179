#include "collectors/compliance/compliance_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::compliance {
namespace {

using collector::text_list;
using O = ComplianceOptions;

const collector::OptionTable<O>& table() {
  static const collector::OptionTable<O> t{
      text_list<&O::packs>("packs", "the ids of the rule packs to run; empty: every pack found"),
      text_list<&O::pack_dirs>(
          "pack_dirs",
          "the folders the rule packs (*.yaml) are loaded from, on the agent's own file system "
          "(not under host_root); a later folder's pack may not reuse an id"),
      text_list<&O::profiles>(
          "profiles", "the profiles whose controls run (level1_server, …); empty: every one"),
  };
  return t;
}

}  // namespace

ComplianceOptions ComplianceOptions::from(const collector::OptionValues& values) {
  return table().read(values);
}

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

}  // namespace zt::compliance
