#include "collectors/database/database_options.hpp"

#include <algorithm>

namespace zt::database {
namespace {

using collector::OptionSpec;
using collector::OptionType;

constexpr OptionSpec kOptions[] = {
    {"live_checks", OptionType::boolean, "true",
     "contact local database servers through loopback (only when host_root is \"/\"): Redis "
     "PING/INFO and PostgreSQL login as postgres without a password (is it open?), memcached "
     "and MySQL versions; read-only, never a password"},
    {"live_timeout_ms", OptionType::integer, "1500",
     "time limit for the live check of one server, in milliseconds", 100, 10000},
};

}  // namespace

std::span<const OptionSpec> option_specs() { return kOptions; }

DatabaseOptions DatabaseOptions::from(const collector::OptionValues& values) {
  DatabaseOptions options;
  options.live_checks = values.boolean("live_checks");
  // The loader enforces the range; the clamp keeps a hand-made OptionValues in bounds.
  options.live_timeout =
      std::chrono::milliseconds{std::clamp(values.integer("live_timeout_ms"), 100LL, 10000LL)};
  return options;
}

}  // namespace zt::database
