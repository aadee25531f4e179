#include "schema-client/model/fingerprint.hpp"

#include "schema-client/model/digest.hpp"

namespace zt::model {
namespace {

const nlohmann::json* identity_value(const Finding& finding, std::string_view key) {
  const std::string k{key};
  if (auto it = finding.fields.find(k); it != finding.fields.end()) return &*it;
  if (auto it = finding.metadata.find(k); it != finding.metadata.end()) return &*it;
  return nullptr;
}

}  // namespace

std::string compute_fingerprint(std::string_view agent_identity, const Finding& finding) {
  // Unit separators between parts keep ("ab","c") and ("a","bc") apart.
  std::string material = "zt-fp-v1\x1f";
  material += agent_identity;
  material += '\x1f';
  material += to_string(finding.category);
  for (std::string_view key : spec(finding.category).identity) {
    material += '\x1f';
    material += key;
    material += '=';
    if (const nlohmann::json* value = identity_value(finding, key)) material += value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return sha256_hex(material);
}

}  // namespace zt::model
