#include "collectors/system/system_options.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace zt::system {
namespace {

using collector::OptionSpec;
using collector::OptionType;

constexpr OptionSpec kOptions[] = {
    {"packages", OptionType::boolean, "true",
     "collect the package inventory (dpkg or apk database) as dependencies"},
    {"package_db_max_mib", OptionType::integer, "128",
     "largest package database read, in MiB; a larger one is reported as a problem", 1, 4096},
    {"eol_warning_days", OptionType::integer, "90",
     "days before the OS release's end of life from which it is reported as ending soon", 0,
     730},
    {"limited_security_support", OptionType::boolean, "true",
     "report installed packages on Debian's limited-security-support list (low severity)"},
    {"eol_as_of", OptionType::text, "",
     "judge end of life as of this day (YYYY-MM-DD) instead of today: to audit a date ahead, "
     "or to make a report reproducible; empty: today"},
};

}  // namespace

std::span<const OptionSpec> option_specs() { return kOptions; }

SystemOptions SystemOptions::from(const collector::OptionValues& values) {
  SystemOptions options;
  options.packages = values.boolean("packages");
  // The loader enforces the range; the clamp keeps a hand-made OptionValues from wrapping.
  const long long mib = std::clamp(values.integer("package_db_max_mib"), 1LL, 4096LL);
  options.package_db_max_bytes = static_cast<std::size_t>(mib) << 20;
  options.eol_warning_days =
      static_cast<int>(std::clamp(values.integer("eol_warning_days"), 0LL, 730LL));
  options.limited_security_support = values.boolean("limited_security_support");
  if (const std::string day = values.text("eol_as_of"); !day.empty()) {
    options.eol_as_of = parse_iso_date(day);
    if (!options.eol_as_of)
      throw std::invalid_argument(
          "collectors.system.eol_as_of: expected a day as YYYY-MM-DD, got \"" + day + "\"");
  }
  return options;
}

}  // namespace zt::system
