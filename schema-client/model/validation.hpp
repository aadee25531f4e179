#pragma once
// Semantic checks of a finding, shared by the wire-format parser (input from the network or
// the disk) and the scan runner (output of a collector). Each problem names its JSON path,
// e.g. "$.findings[3].fields.port: expected integer, got string".
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/finding.hpp"
#include "schema-client/model/result.hpp"

namespace zt::model {

std::vector<Problem> finding_problems(const Finding& finding, std::string_view path);

// The name of a JSON value's type as the messages use it.
std::string_view json_type_name(const nlohmann::json& value);

}  // namespace zt::model
