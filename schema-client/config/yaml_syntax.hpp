#pragma once
// What yaml-cpp 0.7 gets wrong or says unhelpfully, checked beside it:
// - it accepts a quoted scalar that is never closed (`name: "x` followed by more keys) and
//   swallows the rest of the file into that one value; libyaml and PyYAML refuse such a file.
//   unclosed_quote() finds it from the scalars' marks in the parsed document.
// - a tab where YAML wants spaces gets a bare "illegal tab" or "end of map not found": the
//   hint says that YAML indents with spaces and where the tab is.
// Pure; never throw.
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

namespace zt::config {

// The mark of the first scalar of `root` (keys included) that opens a quote in `text` and
// never closes it before the end of the text; nullopt when every quote is closed.
std::optional<YAML::Mark> unclosed_quote(const YAML::Node& root, std::string_view text);

// " (YAML indents with spaces; line N holds a tab)" for the first line of `text` whose
// indentation holds a tab, "" when there is none.
std::string tab_hint(std::string_view text);

}  // namespace zt::config
