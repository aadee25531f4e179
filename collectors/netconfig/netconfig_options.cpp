#include "collectors/netconfig/netconfig_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::netconfig {
namespace {

const collector::OptionTable<NetconfigOptions>& table() {
  using namespace collector;  // the row makers
  using O = NetconfigOptions;
  static const OptionTable<O> kTable{
      text_list<&O::paths>(
          "paths",
          "the device configurations to audit: files, folders (read to max_depth) or globs, as "
          "host paths; the defaults are RANCID's and Oxidized's usual output folders"),
      integer<&O::max_file_mib>("max_file_mib", 1, 1024,
                                "largest configuration file read, in MiB; a larger one is "
                                "reported as not parsed"),
      integer<&O::max_files>("max_files", 1, 1000000,
                             "most configuration files audited in one run; the rest is a problem"),
      integer<&O::max_depth>("max_depth", 0, 16, "how deep folders are read below a listed folder"),
      text<&O::hash_salt>(
          "hash_salt",
          "salt of the hashes that name SNMP communities in findings; empty: the host's "
          "(collectors/core/host_salt.hpp)"),
  };
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

NetconfigOptions NetconfigOptions::from(const collector::OptionValues& values) {
  return table().read(values);
}

}  // namespace zt::netconfig
