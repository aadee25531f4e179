#pragma once
// Windows only (the *_windows.cpp sources): the text of a Win32 error code, for messages that
// name the path and the operation, as strerror's text does on Linux. std::system_category()
// cannot be used for it: MinGW's libstdc++ 12 gives the C library's text of an errno instead.
#include <string>

namespace zt::base {

// "Access is denied. (5)": the system's message for `code` (a GetLastError() value), in
// English where the system has it, with the number.
std::string windows_error_text(unsigned long code);

}  // namespace zt::base
