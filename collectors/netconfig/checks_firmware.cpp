// Firmware: the `version` line against the dated end-of-support table of the standards file.
#include <cstdio>

#include "collectors/netconfig/checks.hpp"

namespace zt::netconfig {
namespace {

bool same_release(std::string_view release, std::string_view version) { return release == version; }

void end_of_support(const CheckContext& c, std::vector<Issue>& out) {
  if (c.config.version)
    firmware_past_support(c, "cisco_ios", "ios_firmware_end_of_support", *c.config.version,
                          &same_release, out);
}

constexpr Check kChecks[] = {{"ios_firmware_end_of_support", &end_of_support}};

}  // namespace

void firmware_past_support(const CheckContext& c, std::string_view vendor, std::string_view check_id,
                           const Located& version,
                           bool (*matches)(std::string_view release, std::string_view version),
                           std::vector<Issue>& out) {
  for (const EndOfSupport& e : c.standards.firmware) {
    if (e.vendor != vendor || !matches(e.release, version.value) || e.last_support >= c.today)
      continue;
    const std::chrono::year_month_day day{e.last_support};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    out.push_back({std::string(check_id), {version.line}, "version " + version.value,
                   "support ended on " + std::string(text) + " (" + e.source + ")"});
  }
}

std::span<const Check> firmware_checks() { return kChecks; }

}  // namespace zt::netconfig
