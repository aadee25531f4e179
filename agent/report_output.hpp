#pragma once
// Writes a report to stdout, or to a file atomically (a temporary file beside it, then
// rename) with mode 0600: a report describes the host's weaknesses.
#include <filesystem>
#include <optional>
#include <string>

#include "schema-client/model/result.hpp"

namespace zt::agent {

model::Status write_report(const std::string& text,
                           const std::optional<std::filesystem::path>& file);

}  // namespace zt::agent
