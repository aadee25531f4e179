#pragma once
// Windows only (the *_windows.cpp sources of collectors/windows): UTF-16, which the Windows
// API speaks, to and from the UTF-8 the model carries. Unpaired surrogates become U+FFFD.
#include <string>
#include <string_view>

namespace zt::windows {

std::string utf8(std::wstring_view text);
std::wstring wide(std::string_view text);

}  // namespace zt::windows
