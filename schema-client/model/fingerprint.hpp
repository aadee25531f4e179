#pragma once
// A finding's fingerprint: the SHA-256 (hex) of the agent's identity, the category and the
// category's identifying fields (category.hpp), never of the time, so the same thing seen
// again has the same fingerprint and updates `last_seen` instead of adding a row.
#include <string>
#include <string_view>

#include "schema-client/model/finding.hpp"

namespace zt::model {

std::string compute_fingerprint(std::string_view agent_identity, const Finding& finding);

}  // namespace zt::model
