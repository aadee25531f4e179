// Firmware: the `version` line against the dated end-of-support table of the standards file.
#include <cstdio>

#include "collectors/netconfig/checks.hpp"

namespace zt::netconfig {
namespace {

void end_of_support(const CheckContext& c, std::vector<Issue>& out) {
  const auto& version = c.config.version;
  if (!version) return;
  for (const EndOfSupport& e : c.standards.firmware) {
    if (e.vendor != "cisco_ios" || e.release != version->value || e.last_support >= c.today)
      continue;
    const std::chrono::year_month_day day{e.last_support};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    out.push_back({"ios_firmware_end_of_support", {version->line}, "version " + version->value,
                   "support ended on " + std::string(text) + " (" + e.source + ")"});
  }
}

constexpr Check kChecks[] = {{"ios_firmware_end_of_support", &end_of_support}};

}  // namespace

std::span<const Check> firmware_checks() { return kChecks; }

}  // namespace zt::netconfig
