#pragma once
// Shell-style glob matching, the same on Linux and Windows (MinGW has no fnmatch): what
// fnmatch(3) does with no flags. `*` matches any run of characters ("/" and a leading "."
// included), `?` any one character, `[abc]`, `[a-z]` and `[!a-z]` (or `[^a-z]`) one character
// of a set, and a backslash makes the next character literal. A `[` without its `]` is a
// literal "[". Bytes are compared as they are (no locale, no case folding). Pure.
#include <string_view>

namespace zt::collector {

bool glob_match(std::string_view glob, std::string_view text);

}  // namespace zt::collector
