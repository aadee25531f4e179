#pragma once
// Small text helpers for the pure parse functions of collectors. No I/O, no logging.
#include <string_view>
#include <vector>

namespace zt::collector {

std::string_view trim(std::string_view text);
// Lines without their '\n' (and a trailing '\r'); the last line may lack a newline.
std::vector<std::string_view> split_lines(std::string_view text);
// Splits on runs of spaces and tabs.
std::vector<std::string_view> split_whitespace(std::string_view text);
// Strips one pair of matching surrounding quotes (' or ").
std::string_view unquote(std::string_view text);

}  // namespace zt::collector
