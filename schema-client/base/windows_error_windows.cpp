#include "schema-client/base/windows_error.hpp"

#include <windows.h>

namespace zt::base {

std::string windows_error_text(unsigned long code) {
  char* buffer = nullptr;
  const DWORD length = FormatMessageA(
      FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
      nullptr, code, MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US),
      reinterpret_cast<LPSTR>(&buffer), 0, nullptr);
  std::string text = buffer != nullptr ? std::string(buffer, length) : "Unknown error";
  LocalFree(buffer);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.pop_back();
  return text + " (" + std::to_string(code) + ")";
}

}  // namespace zt::base
