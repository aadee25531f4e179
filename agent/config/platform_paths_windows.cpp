#include <windows.h>
#include <shlobj.h>

#include "agent/config/platform_paths.hpp"

namespace zt::agent {
namespace {

// %ProgramData% (C:\ProgramData) from the shell, which does not depend on the service's
// environment block; the environment variable, then the usual place, if that fails.
std::filesystem::path program_data() {
  PWSTR path = nullptr;
  if (SUCCEEDED(SHGetKnownFolderPath(FOLDERID_ProgramData, 0, nullptr, &path))) {
    std::filesystem::path result(path);
    CoTaskMemFree(path);
    return result;
  }
  CoTaskMemFree(path);
  if (const wchar_t* env = _wgetenv(L"ProgramData"); env && *env) return env;
  return L"C:\\ProgramData";
}

}  // namespace

std::filesystem::path default_config_file() { return program_data() / "ZeroTrace" / "agent.yaml"; }
std::filesystem::path default_state_dir() { return program_data() / "ZeroTrace" / "state"; }

}  // namespace zt::agent
