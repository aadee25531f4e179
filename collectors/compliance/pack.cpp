#include "collectors/compliance/pack.hpp"

namespace zt::compliance {

std::string Probe::text_or(std::string_view key, std::string_view fallback) const {
  const auto it = text.find(key);
  return it == text.end() ? std::string(fallback) : it->second;
}

std::optional<bool> Probe::flag(std::string_view key) const {
  const auto it = flags.find(key);
  if (it == flags.end()) return std::nullopt;
  return it->second;
}

}  // namespace zt::compliance
