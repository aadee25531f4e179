#include "collectors/system/reboot_required.hpp"

#include <algorithm>

#include "collectors/core/text.hpp"

namespace zt::system {

std::vector<std::string> parse_reboot_required_packages(std::string_view text) {
  std::vector<std::string> names;
  for (std::string_view line : collector::split_lines(text)) {
    line = collector::trim(line);
    if (line.empty()) continue;
    if (std::find(names.begin(), names.end(), line) == names.end()) names.emplace_back(line);
  }
  return names;
}

}  // namespace zt::system
