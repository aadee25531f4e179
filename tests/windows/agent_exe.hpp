#pragma once
// zerotrace-agent.exe under wine64 for the Windows tests (agent_exe_test.cpp,
// agent_collectors_test.cpp, agent_delivery_test.cpp): where the exe is, what is missing to run
// it, a runner with its own HOME in a given Wine prefix, the test programs of wine/ built for
// Windows, and the host name Wine reports.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/windows/wine_run.hpp"

namespace zt::test {

inline const std::string kAgentExe = ZT_WINDOWS_AGENT_EXE;

// What is missing to run the Windows agent here, by name; "" when nothing.
inline std::string missing_for_agent() {
  namespace fs = std::filesystem;
  std::string missing;
  if (!fs::exists(kMingwCompiler)) missing += " the MinGW-w64 compiler";
  if (!fs::exists("/opt/zerotrace-mingw/lib/cmake/yaml-cpp"))
    missing += " the MinGW libraries of scripts/setup.sh";
  if (!fs::exists(kWine)) missing += " wine64";
  return missing;
}

inline std::set<std::string> split_list(const std::string& list) {
  std::set<std::string> out;
  std::istringstream in(list);
  for (std::string item; std::getline(in, item, ',');) out.insert(item);
  return out;
}

// Runs Windows programs under wine64 in the prefix `prefix` of the build tree.
struct Wine {
  std::string prefix;  // its folder in the build tree (wine_run.hpp)
  TempTree home{};     // its HOME, a fresh one per Wine
  // `program` and its arguments; the agent when no program is named.
  Completed run(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {kWine, kAgentExe};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, wine_env(home.root().string(), prefix));
  }
  // A program of Wine's own: "reg", "cmd".
  Completed tool(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {kWine};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, wine_env(home.root().string(), prefix));
  }
};

// Builds tests/windows/wine/<name>.cpp into <dir>/<name>.exe, linked with `library`
// ("-lws2_32"); the exe's path. Fails the test when MinGW fails.
inline std::string build_wine_program(const TempTree& dir, const std::string& name,
                                      const std::string& library) {
  const std::string exe = (dir.root() / (name + ".exe")).string();
  const auto built =
      run_process({kMingwCompiler, "-std=c++20", "-O1", "-static", "-o", exe,
                   std::string(ZT_SOURCE_DIR) + "/tests/windows/wine/" + name + ".cpp", library});
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  return exe;
}

// Wine hands the Linux host's name to Windows programs.
inline std::string linux_hostname() {
  std::ifstream in("/proc/sys/kernel/hostname");
  std::string name;
  std::getline(in, name);
  return name;
}

}  // namespace zt::test
