// zerotrace-agent.exe, the Windows agent cross-built in this build tree (tests/windows/
// CMakeLists.txt builds it with the test), run under wine64 as a user runs it: --version,
// --check-config, and a one-shot scan whose batch the strict reader (wire_format.hpp)
// accepts. Without the MinGW compiler, the libraries scripts/setup.sh builds, or wine64, the
// test says what is missing and passes over.
#include "tests/windows/agent_exe.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "schema-client/model/wire_format.hpp"

namespace fs = std::filesystem;
using namespace zt;
using test::missing_for_agent;
using test::Wine;

TEST_CASE("windows: zerotrace-agent.exe --version and --check-config under Wine",
          "[integration][windows]") {
  if (const std::string missing = missing_for_agent(); !missing.empty()) {
    WARN("zerotrace-agent.exe is not run: missing" << missing);
    return;
  }
  REQUIRE(fs::exists(test::kAgentExe));
  const Wine wine{.prefix = "wine-prefix-check"};
  const auto version = wine.run({"--version"});
  INFO(version.err);
  CHECK(version.exit_code == 0);
  CHECK(test::lines_of(version.out) ==
        std::vector<std::string>{"zerotrace-agent " + std::string(ZT_TEST_VERSION)});

  test::TempTree dir;
  const fs::path good = dir.write(
      "good.yaml", "agent:\n  log_level: debug\nserver:\n  url: https://ingest.example:8443\n");
  const auto ok = wine.run({"--check-config", "--config", good.string()});
  INFO(ok.out << ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(test::lines_of(ok.out) == std::vector<std::string>{"configuration OK: " + good.string()});

  const fs::path bad = dir.write("bad.yaml", "agent:\n  log_level: debug\n  hots_root: /\n");
  const auto rejected = wine.run({"--check-config", "--config", bad.string()});
  CHECK(rejected.exit_code == 2);
  CHECK_THAT(rejected.err, Catch::Contains(bad.string() + ":3:3: agent.hots_root: unknown key"));
}

TEST_CASE("windows: zerotrace-agent.exe --once --format json under Wine prints a valid batch",
          "[integration][windows]") {
  if (const std::string missing = missing_for_agent(); !missing.empty()) {
    WARN("zerotrace-agent.exe is not run: missing" << missing);
    return;
  }
  REQUIRE(fs::exists(test::kAgentExe));
  const Wine wine{.prefix = "wine-prefix-once"};
  test::TempTree dir;
  const fs::path config = dir.write("agent.yaml", "agent:\n  log_level: warn\n");
  // Every collector named, so each one's absence is reported in the scan's results.
  const auto scan = wine.run({"--once", "--format", "json", "--config", config.string(),
                              "--collectors", ZT_COLLECTOR_NAMES});
  INFO(scan.err);
  // The Windows collectors ran; what they could not read under Wine (agent_collectors_test.cpp)
  // makes the scan partial, which is still a scan: --once exits 0.
  CHECK(scan.exit_code == 0);
  const auto batch = model::parse_batch(scan.out);
  INFO(scan.out.substr(0, 2000));
  REQUIRE(batch.ok());

  CHECK(batch->agent.version == ZT_TEST_VERSION);
  CHECK(batch->agent.os == "Windows");
  // Wine's default Windows version in a new prefix is Windows 7, by RtlGetVersion (a real
  // Windows 10 or 11 says 10.0).
  CHECK(batch->agent.os_version == "6.1");
  CHECK(batch->agent.hostname == test::linux_hostname());
  CHECK(batch->agent.cpu_cores > 0);
  CHECK(batch->scan.scan_type == "once");
  CHECK(batch->scan.status == model::ScanStatus::partial);

  // system, network and auth run on Windows (collectors/windows); every other built-in
  // collector (ZT_COLLECTORS) says it is not available on Windows, and why.
  const std::set<std::string> names = test::split_list(ZT_COLLECTOR_NAMES);
  const std::set<std::string> windows_collectors = {"system", "network", "auth"};
  std::set<std::string> reported, unavailable, available;
  for (const auto& [name, outcome] : batch->scan.results) {
    reported.insert(name);
    const bool capable =
        batch->agent.capabilities.at("collectors").at(name).at("available") == true;
    if (outcome.status == model::CollectorStatus::unavailable && outcome.errors.size() == 1 &&
        outcome.errors[0].starts_with("not available on Windows: ") && !capable)
      unavailable.insert(name);
    if (outcome.status != model::CollectorStatus::unavailable && capable) available.insert(name);
  }
  std::set<std::string> others;
  for (const std::string& name : names)
    if (!windows_collectors.contains(name)) others.insert(name);
  CHECK(reported == names);
  CHECK(available == windows_collectors);
  CHECK(unavailable == others);
  CHECK(batch->scan.results.at("container").errors ==
        std::vector<std::string>{
            "not available on Windows: reads the Docker and containerd state of a Linux host"});
}
