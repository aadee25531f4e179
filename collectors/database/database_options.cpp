#include "collectors/database/database_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::database {
namespace {

const collector::OptionTable<DatabaseOptions>& table() {
  using namespace collector;  // the row makers: flag, integer, text, text_list
  using O = DatabaseOptions;
  static const OptionTable<O> kTable{
      flag<&O::live_checks>(
          "live_checks",
          "contact local database servers through loopback (only when host_root is \"/\"): "
          "Redis PING/INFO and PostgreSQL login as postgres without a password (is it open?), "
          "memcached and MySQL versions; read-only, never a password"),
      integer<&O::live_timeout>("live_timeout_ms", 100, 10000,
                                "time limit for the live check of one server, in milliseconds"),
  };
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

DatabaseOptions DatabaseOptions::from(const collector::OptionValues& values) {
  return table().read(values);
}

}  // namespace zt::database
