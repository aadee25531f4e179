#pragma once
// The folder part of a slash-separated path, as text (paths inside a host root are not
// std::filesystem paths of this machine): "/a/b" → "/a", "/a" → "/", "a" → "".
#include <string>
#include <string_view>

namespace zt::base {

std::string parent_of(std::string_view path);

}  // namespace zt::base
