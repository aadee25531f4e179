// The agent's Windows sources, and the portable ones the Windows service runs on (daemon,
// scheduler, collector runner, main), compiled for x86_64 Windows by MinGW-w64. Linking is
// out of reach here: Debian ships no MinGW builds of libcurl, yaml-cpp, spdlog or OpenSSL.
// The header-only libraries are taken from /usr/include through a folder of links, so the
// cross compiler never sees the Linux system headers.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

namespace fs = std::filesystem;
using namespace zt;

namespace {

const std::string kCompiler = "/usr/bin/x86_64-w64-mingw32-g++-posix";

// Compiles `source` (relative to the repository) to an object file; the compiler's output
// when it fails.
test::Completed cross_compile(const std::string& source) {
  static const test::TempTree includes;
  static const test::TempTree objects;
  if (fs::is_empty(includes.root()))
    for (const char* library : {"boost", "nlohmann", "spdlog", "fmt", "yaml-cpp", "CLI"})
      fs::create_directory_symlink(fs::path("/usr/include") / library,
                                   includes.root() / library);
  const fs::path object = objects.root() / (fs::path(source).filename().string() + ".obj");
  return test::run_process({kCompiler, "-std=c++20", "-Wall", "-Wextra", "-Werror",
                            "-Wno-unused-parameter", "-I", ZT_SOURCE_DIR, "-isystem",
                            includes.root().string(), "-DFMT_HEADER_ONLY",
                            "-DSPDLOG_FMT_EXTERNAL", "-D_WIN32_WINNT=0x0A00",
                            "-DZT_VERSION=\"0\"", "-c", std::string(ZT_SOURCE_DIR) + "/" + source,
                            "-o", object.string()});
}

// The Windows sources of the agent's targets, as the build lists them.
std::vector<std::string> windows_sources() {
  std::vector<std::string> sources;
  std::string_view list = ZT_WINDOWS_SOURCES;
  while (!list.empty()) {
    const std::size_t comma = std::min(list.find(','), list.size());
    sources.emplace_back(list.substr(0, comma));
    list.remove_prefix(std::min(comma + 1, list.size()));
  }
  return sources;
}

// Every file of the repository's source folders named *_windows.cpp.
std::vector<std::string> windows_files_on_disk() {
  std::vector<std::string> files;
  for (const char* folder : {"agent", "collectors", "transport", "schema-client"})
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(ZT_SOURCE_DIR) / folder))
      if (entry.path().filename().string().ends_with("_windows.cpp"))
        files.push_back(fs::relative(entry.path(), ZT_SOURCE_DIR).string());
  return files;
}

void require_compiles(const std::vector<std::string>& sources) {
  REQUIRE(fs::exists(kCompiler));
  for (const std::string& source : sources) {
    const auto done = cross_compile(source);
    INFO(source << "\n" << done.err);
    CHECK(done.exit_code == 0);
  }
}

}  // namespace

TEST_CASE("windows: every Windows source belongs to a target of the build",
          "[unit][windows]") {
  std::vector<std::string> listed = windows_sources();
  std::vector<std::string> on_disk = windows_files_on_disk();
  std::sort(listed.begin(), listed.end());
  std::sort(on_disk.begin(), on_disk.end());
  CHECK(listed == on_disk);
}

TEST_CASE("windows: the Windows sources of the agent's targets compile for Windows",
          "[integration][windows]") {
  require_compiles(windows_sources());
}

TEST_CASE("windows: the daemon and scheduler the service runs compile for Windows",
          "[integration][windows]") {
  require_compiles({"agent/daemon.cpp", "agent/scheduler.cpp", "agent/collector_runner.cpp"});
}
