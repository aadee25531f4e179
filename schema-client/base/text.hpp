#pragma once
// Small text helpers every layer shares (collectors' parsers, the transport, the ingest).
// Pure functions over views: no allocation beyond the returned vector, no I/O.
#include <string_view>
#include <vector>

namespace zt::base {

// Without leading and trailing spaces, tabs, CRs and LFs.
std::string_view trim(std::string_view text);
// Lines without their '\n' (and a trailing '\r'); the last line may lack a newline.
std::vector<std::string_view> split_lines(std::string_view text);
// Splits on runs of spaces and tabs.
std::vector<std::string_view> split_whitespace(std::string_view text);
// Strips one pair of matching surrounding quotes (' or ").
std::string_view unquote(std::string_view text);

}  // namespace zt::base
