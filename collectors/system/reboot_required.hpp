#pragma once
// Parses the package list next to the reboot flag (/var/run/reboot-required.pkgs): one
// package name per line, appended to by each package that asks for a reboot, so a name may
// repeat. Pure; never throws.
#include <string>
#include <string_view>
#include <vector>

namespace zt::system {

// The names in first-seen order, each once, blank lines and surrounding spaces dropped.
std::vector<std::string> parse_reboot_required_packages(std::string_view text);

}  // namespace zt::system
