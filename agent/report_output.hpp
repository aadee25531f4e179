#pragma once
// Writes a report to stdout, or to a file atomically (a temporary file beside it, then
// rename) with mode 0600 (on Windows, an ACL for its owner, SYSTEM and Administrators only):
// a report describes the host's weaknesses. report_output_linux.cpp, report_output_windows.cpp.
#include <filesystem>
#include <optional>
#include <string>

#include "schema-client/model/result.hpp"

namespace zt::agent {

model::Status write_report(const std::string& text,
                           const std::optional<std::filesystem::path>& file);

// Whether the agent's stdout or stderr is a terminal (colours, progress lines).
enum class Stream { out, err };
bool is_terminal(Stream stream);

}  // namespace zt::agent
