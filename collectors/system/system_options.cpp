#include "collectors/system/system_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::system {
namespace {

// eol_as_of: a day as YYYY-MM-DD, or empty for today.
model::Result<std::optional<Date>> eol_day(std::string_view text) {
  if (text.empty()) return std::optional<Date>();
  if (auto day = parse_iso_date(text)) return std::optional<Date>(*day);
  return model::Error{"expected a day as YYYY-MM-DD, got \"" + std::string(text) + "\""};
}

const collector::OptionTable<SystemOptions>& table() {
  using namespace collector;  // the row makers: flag, integer, text, text_list
  using O = SystemOptions;
  static const OptionTable<O> kTable{
      flag<&O::packages>(
          "packages", "collect the package inventory (dpkg or apk database) as dependencies"),
      integer<&O::package_db_max_mib>(
          "package_db_max_mib", 1, 4096,
          "largest package database read, in MiB; a larger one is reported as a problem"),
      integer<&O::eol_warning_days>(
          "eol_warning_days", 0, 730,
          "days before the OS release's end of life from which it is reported as ending soon"),
      flag<&O::limited_security_support>(
          "limited_security_support",
          "report installed packages on Debian's limited-security-support list (low "
          "severity)"),
      text<&O::eol_as_of, &eol_day>(
          "eol_as_of",
          "judge end of life as of this day (YYYY-MM-DD) instead of today: to audit a date "
          "ahead, or to make a report reproducible; empty: today"),
  };
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

SystemOptions SystemOptions::from(const collector::OptionValues& values) {
  return table().read(values);
}

}  // namespace zt::system
