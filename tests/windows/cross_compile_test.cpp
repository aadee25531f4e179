// The agent's Windows sources, and the portable ones the Windows service runs on (daemon,
// scheduler, collector runner, main), compiled for x86_64 Windows by MinGW-w64. Linking is
// out of reach here: Debian ships no MinGW builds of libcurl, yaml-cpp, spdlog or OpenSSL.
// The header-only libraries are taken from /usr/include through a folder of links, so the
// cross compiler never sees the Linux system headers.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
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

void require_compiles(const std::vector<std::string>& sources) {
  REQUIRE(fs::exists(kCompiler));
  for (const std::string& source : sources) {
    const auto done = cross_compile(source);
    INFO(source << "\n" << done.err);
    CHECK(done.exit_code == 0);
  }
}

}  // namespace

TEST_CASE("windows: the service, its controls and paths compile for Windows",
          "[integration][windows]") {
  require_compiles({"agent/service_windows.cpp", "agent/daemon_control_windows.cpp",
                    "agent/config/platform_paths_windows.cpp"});
}

TEST_CASE("windows: the daemon and scheduler the service runs compile for Windows",
          "[integration][windows]") {
  require_compiles({"agent/daemon.cpp", "agent/scheduler.cpp", "agent/collector_runner.cpp"});
}
