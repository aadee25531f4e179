#include "collectors/windows/servicing_package.hpp"

namespace zt::windows {

std::optional<std::string> kb_of_package(std::string_view name) {
  // The identity is what comes before the first '~'; the KB number follows "_for_KB" there
  // ("Package_for_KB…", "Package_1_for_KB…", "Package_for_RollupFix" has none).
  const std::string_view identity = name.substr(0, name.find('~'));
  const std::size_t at = identity.find("_for_KB");
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view digits = identity.substr(at + 7);
  std::size_t n = 0;
  while (n < digits.size() && digits[n] >= '0' && digits[n] <= '9') ++n;
  if (n == 0) return std::nullopt;
  return "KB" + std::string(digits.substr(0, n));
}

}  // namespace zt::windows
