#include "collectors/core/secret_evidence.hpp"

#include <algorithm>

#include "schema-client/model/digest.hpp"

namespace zt::collector {

SecretEvidence secret_evidence(std::string_view secret, std::string_view salt, std::size_t shown) {
  const std::size_t count = std::min(shown, secret.size() / 4);
  std::string salted(salt);
  salted += '\n';
  salted += secret;
  return {std::string(secret.substr(0, count)) + "…", model::sha256_hex(salted).substr(0, 16)};
}

nlohmann::json to_json(const SecretEvidence& evidence) {
  return {{"masked", evidence.masked}, {"hash", evidence.hash}};
}

}  // namespace zt::collector
