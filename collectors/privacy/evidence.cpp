#include "collectors/privacy/evidence.hpp"

#include <algorithm>

#include "schema-client/model/digest.hpp"

namespace zt::privacy {

Evidence evidence_of(std::string_view value, std::string_view salt) {
  const std::size_t shown = std::min<std::size_t>(4, value.size() / 4);
  std::string salted(salt);
  salted += '\n';
  salted += value;
  return {std::string(value.substr(0, shown)) + "...", model::sha256_hex(salted).substr(0, 16)};
}

}  // namespace zt::privacy
