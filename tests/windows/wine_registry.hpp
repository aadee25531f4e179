#pragma once
// Wine's registry as `reg query` prints it, for the Windows tests' oracles
// (agent_collectors_test.cpp, agent_delivery_test.cpp): a key's values, and the installed
// programs of the Uninstall keys; and `reg add`, which the tests fill the registry with.
#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "tests/windows/agent_exe.hpp"

namespace zt::test {

inline const std::string kUninstall =
    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall";
// Windows Update's marker of a pending restart.
inline const std::string kRebootRequired =
    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\"
    "RebootRequired";

// `reg query` output: each key's values, name to data as reg prints them ("0x1" for a
// DWORD); nullopt when reg fails (the key does not exist).
using RegKeys = std::map<std::string, std::map<std::string, std::string>>;

inline std::optional<RegKeys> reg_query(const Wine& wine, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"reg", "query"};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto done = wine.tool(argv);
  if (done.exit_code != 0) return std::nullopt;
  RegKeys keys;
  std::string key;
  for (const std::string& line : lines_of(done.out)) {
    if (line.starts_with("HKEY_")) {
      key = line;
      keys[key];
    } else if (line.starts_with("    ") && !key.empty()) {
      // "    Name    REG_SZ    data": four spaces between the three.
      const std::string rest = line.substr(4);
      const std::size_t type_at = rest.find("    REG_");
      if (type_at == std::string::npos) continue;
      const std::size_t data_at = rest.find("    ", type_at + 4);
      keys[key][rest.substr(0, type_at)] =
          data_at == std::string::npos ? "" : rest.substr(data_at + 4);
    }
  }
  return keys;
}

// `reg add <args> /f`; fails the test when reg fails.
inline void reg_add(const Wine& wine, std::vector<std::string> args) {
  args.insert(args.begin(), {"reg", "add"});
  args.push_back("/f");
  const auto done = wine.tool(args);
  INFO(done.out << done.err);
  REQUIRE(done.exit_code == 0);
}

inline std::string value_or_empty(const std::map<std::string, std::string>& values,
                                  const std::string& name) {
  const auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

// name, version, publisher, view
using Program = std::tuple<std::string, std::string, std::string, std::string>;

// The programs Programs and Features would show, as `reg query` lists the Uninstall key of
// one view ("64-bit": /reg:64, "32-bit": /reg:32).
inline std::set<Program> programs_in_registry(const Wine& wine, const std::string& view) {
  std::set<Program> out;
  const auto keys = reg_query(wine, {kUninstall, "/s", view == "64-bit" ? "/reg:64" : "/reg:32"});
  if (!keys) return out;
  for (const auto& [key, values] : *keys)
    if (values.contains("DisplayName") && value_or_empty(values, "SystemComponent") != "0x1" &&
        !values.contains("ParentKeyName"))
      out.insert({values.at("DisplayName"), value_or_empty(values, "DisplayVersion"),
                  value_or_empty(values, "Publisher"), view});
  return out;
}

}  // namespace zt::test
