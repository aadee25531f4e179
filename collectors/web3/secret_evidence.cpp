#include "collectors/web3/secret_evidence.hpp"

#include <string>

#include "schema-client/model/digest.hpp"

namespace zt::web3 {

SecretEvidence secret_evidence(std::string_view secret, std::string_view salt, std::size_t shown) {
  // A short value shows at most half of itself.
  const std::size_t count = std::min(shown, secret.size() / 2);
  std::string material = "zt-web3-secret-v1\x1f";
  material += salt;
  material += '\x1f';
  material += secret;
  return {std::string(secret.substr(0, count)) + "…", model::sha256_hex(material).substr(0, 16)};
}

nlohmann::json to_json(const SecretEvidence& evidence) {
  return {{"masked", evidence.masked}, {"salted_hash", evidence.salted_hash}};
}

}  // namespace zt::web3
