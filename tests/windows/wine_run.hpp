#pragma once
// Running Windows programs under wine64 in the Windows tests: where the tools are, Wine's
// environment (one prefix per build tree: making one takes seconds) and the lines of a
// Windows program's stdout.
#include <sstream>
#include <string>
#include <vector>

namespace zt::test {

inline const std::string kMingwCompiler = "/usr/bin/x86_64-w64-mingw32-g++-posix";
// Debian's wine64 package has no /usr/bin entry (docs/WINDOWS.md).
inline const std::string kWine = "/usr/lib/wine/wine64";

// Wine's environment for a program run with HOME `home` in the prefix `prefix` of the build
// tree (made on first use, kept for the next runs); Wine's own messages kept out of the
// program's stderr. Each test case names its own prefix: when two test processes (ctest -j2)
// shared one, a scan once hung for minutes.
inline std::vector<std::string> wine_env(const std::string& home, const std::string& prefix) {
  return {"WINEPREFIX=" + std::string(ZT_BINARY_DIR) + "/" + prefix, "WINEDEBUG=-all",
          "HOME=" + home, "PATH=/usr/bin:/bin"};
}

// The lines of a Windows program's stdout, which ends them with "\r\n" (text mode).
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.ends_with('\r')) line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

}  // namespace zt::test
