// The Windows agent's build (docs/WINDOWS.md) as CMake configures it with the MinGW-w64
// toolchain file: it configures from the same sources, and its exe links the Windows
// facilities and the libraries built for MinGW, none of the Linux ones (libcurl, OpenSSL,
// libpq, libsystemd, SQLite). Needs what scripts/setup.sh installs and builds: without it the
// test says what is missing and passes over.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

namespace fs = std::filesystem;
using namespace zt;

namespace {

const fs::path kMingwPrefix = "/opt/zerotrace-mingw";

// What the Windows build needs that is not on this machine, by name.
std::vector<std::string> missing_windows_tools() {
  std::vector<std::string> missing;
  const std::pair<const char*, fs::path> needs[] = {
      {"the MinGW-w64 compiler (g++-mingw-w64-x86-64-posix)",
       "/usr/bin/x86_64-w64-mingw32-g++-posix"},
      {"Debian's MinGW zlib (libz-mingw-w64-dev)", "/usr/x86_64-w64-mingw32/include/zlib.h"},
      {"yaml-cpp built for MinGW (scripts/setup.sh)", kMingwPrefix / "lib/cmake/yaml-cpp"},
      {"libzip built for MinGW (scripts/setup.sh)", kMingwPrefix / "lib/cmake/libzip"}};
  for (const auto& [name, path] : needs)
    if (!fs::exists(path)) missing.emplace_back(name);
  return missing;
}

// The libraries on the link line of `target` in a Ninja build file, the project's own
// (lib/zt_*.a) left out.
std::set<std::string> linked_libraries(const fs::path& build_ninja, const std::string& target) {
  std::ifstream in(build_ninja);
  std::string line;
  bool in_target = false;
  while (std::getline(in, line)) {
    if (line.starts_with("build ")) in_target = line.starts_with("build " + target + ":");
    if (!in_target || !line.starts_with("  LINK_LIBRARIES = ")) continue;
    std::set<std::string> libraries;
    std::istringstream words(line.substr(line.find('=') + 1));
    for (std::string word; words >> word;)
      if (fs::path(word).filename().string().rfind("libzt_", 0) != 0) libraries.insert(word);
    return libraries;
  }
  return {};
}

}  // namespace

TEST_CASE("windows: the Windows agent configures with MinGW-w64 and links no Linux library",
          "[integration][windows]") {
  if (const auto missing = missing_windows_tools(); !missing.empty()) {
    std::string names;
    for (const std::string& name : missing) names += (names.empty() ? "" : ", ") + name;
    WARN("the Windows build is not checked: missing " << names);
    return;
  }
  const test::TempTree build;
  const auto configured = test::run_process(
      {ZT_CMAKE_COMMAND, "-S", ZT_SOURCE_DIR, "-B", build.root().string(), "-G", "Ninja",
       "-DCMAKE_TOOLCHAIN_FILE=" + std::string(ZT_SOURCE_DIR) + "/cmake/mingw-w64-x86_64.cmake"},
      {"PATH=/usr/bin:/bin"});
  INFO(configured.out << configured.err);
  REQUIRE(configured.exit_code == 0);
  // CMake's default Windows libraries, the system facilities that stand in for the Linux
  // libraries, and the three built for MinGW. The Windows collectors add iphlpapi (the
  // socket tables with their pids) and netapi32 (local accounts, groups and policy); their
  // registry and token calls are advapi32's.
  const std::set<std::string> expected = {
      "-ladvapi32", "-lbcrypt", "-lcomdlg32", "-lcrypt32", "-lgdi32", "-liphlpapi",
      "-lkernel32", "-lnetapi32", "-lole32", "-lmswsock", "-loleaut32", "-lpsapi", "-lshell32",
      "-luser32", "-luuid", "-lwinhttp", "-lwinspool", "-lws2_32",
      (kMingwPrefix / "lib/libyaml-cpp.a").string(), (kMingwPrefix / "lib/libzip.a").string(),
      "/usr/x86_64-w64-mingw32/lib/libz.a"};
  CHECK(linked_libraries(build.root() / "build.ninja", "agent/zerotrace-agent.exe") == expected);
}
