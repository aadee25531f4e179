// zerotrace-agent.exe as a daemon under wine64, delivering to the real ingest of this machine
// over HTTPS: the ingest's CA put in the Wine prefix's Trusted Root store (as an administrator
// does with certutil), the agent enrolled with a token, and its scans written to PostgreSQL.
// Checked against PostgreSQL and against Wine's own registry. Passes over, saying what is
// missing, without the MinGW compiler, the libraries scripts/setup.sh builds, or wine64.
#include <signal.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tests/ingest/api/ingest_process.hpp"
#include "tests/windows/agent_exe.hpp"
#include "tests/windows/wine_registry.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace zt;

namespace {

// The agent's configuration: the Windows collectors system and auth, every other one off,
// the state in the test's tree (a Windows path: Z: is Wine's drive for /). Not network:
// under Wine, in a new prefix while the suite ran, its GetExtendedTcpTable once did not
// return for minutes (the collectors test covers it, the Linux e2e tests its delivery).
std::string agent_yaml(const std::string& url, const std::string& token, const fs::path& state) {
  std::string yaml = "agent:\n  log_level: debug\n  state_dir: Z:" + state.string() +
                     "\nscheduler:\n  splay_percent: 0\nserver:\n  url: " + url +
                     "\n  enrollment_token: " + token +
                     "\n  heartbeat_interval: 10s\nupload:\n  backoff_initial: 1s\n"
                     "  backoff_cap: 2s\ncollectors:\n";
  for (const std::string& name : test::split_list(ZT_COLLECTOR_NAMES)) {
    const bool on = name == "system" || name == "auth";
    yaml += "  " + name + ":\n    enabled: " + (on ? "true" : "false") + "\n";
  }
  return yaml;
}

// Puts `certificate` in the Trusted Root store of `wine`'s prefix with
// wine/add_root_certificate.cpp, built in `dir`.
void trust_in_wine(const test::Wine& wine, const test::TempTree& dir, const fs::path& certificate) {
  const std::string exe = test::build_wine_program(dir, "add_root_certificate", "-lcrypt32");
  const auto added = wine.tool({exe, "Z:" + certificate.string()});
  INFO(added.out << added.err);
  REQUIRE(added.exit_code == 0);
}

std::vector<std::string> column(testing::IngestProcess& ingest, const std::string& sql) {
  const pg::Rows rows = ingest.owner().exec(sql);
  std::vector<std::string> out;
  for (int r = 0; r < rows.size(); ++r) out.emplace_back(rows.text(r, 0));
  return out;
}

}  // namespace

TEST_CASE(
    "windows: the Windows agent daemon enrolls and delivers its scans to the ingest over "
    "HTTPS under Wine",
    "[integration][windows]") {
  if (const std::string missing = test::missing_for_agent(); !missing.empty()) {
    WARN("zerotrace-agent.exe is not run: missing" << missing);
    return;
  }
  REQUIRE(fs::exists(test::kAgentExe));
  testing::IngestProcess ingest;
  const std::string company = ingest.create_company("acme");
  const std::string token = ingest.create_token(company);

  const test::Wine wine{.prefix = "wine-prefix-delivery"};
  test::TempTree dir;
  trust_in_wine(wine, dir, ingest.tls().certificate());
  // A program in each registry view (a new prefix has none), and a pending restart, which is
  // a finding.
  test::reg_add(wine, {test::kRebootRequired, "/reg:64"});
  test::reg_add(wine, {test::kUninstall + "\\ZeroTraceDeliveryApp", "/v", "DisplayName", "/d",
                       "ZeroTrace Delivery App", "/reg:64"});
  test::reg_add(wine, {test::kUninstall + "\\ZeroTraceDeliveryApp", "/v", "DisplayVersion", "/d",
                       "2.0.1", "/reg:64"});
  test::reg_add(wine, {test::kUninstall + "\\ZeroTraceDeliveryApp32", "/v", "DisplayName", "/d",
                       "ZeroTrace Delivery App (x86)", "/reg:32"});
  // The certificate names localhost and 127.0.0.1; Wine checks the name of the url.
  const std::string url = "https://localhost:" + std::to_string(ingest.port());
  const fs::path config = dir.write("agent.yaml", agent_yaml(url, token, dir.root() / "state"));

  test::Child agent({test::kWine, test::kAgentExe, "--config", "Z:" + config.string()},
                    test::wine_env(wine.home.root().string(), wine.prefix));
  // One scan per collector; each is a batch the ingest writes with its scan row.
  const auto deadline = std::chrono::steady_clock::now() + 180s;
  while (ingest.count("SELECT count(*) FROM scans") < 2 &&
         std::chrono::steady_clock::now() < deadline) {
    agent.drain();
    std::this_thread::sleep_for(200ms);
  }
  INFO(agent.stderr_text());
  REQUIRE(ingest.count("SELECT count(*) FROM scans") == 2);

  CHECK(column(ingest,
               "SELECT hostname || ' | ' || os || ' | ' || status || ' | ' || "
               "company_id FROM agents") ==
        std::vector<std::string>{test::linux_hostname() + " | Windows | online | " + company});
  // The auth scan is partial under Wine, which does not implement NetUserModalsGet
  // (agent_collectors_test.cpp).
  CHECK(column(ingest,
               "SELECT k || ' | ' || scan_type || ' | ' || status FROM scans, "
               "jsonb_object_keys(results) k ORDER BY 1") ==
        std::vector<std::string>{"auth | scheduled | partial", "system | scheduled | completed"});
  // The installed programs, as Wine's registry lists them (name and version).
  std::set<std::string> expected;
  for (const std::string view : {"64-bit", "32-bit"})
    for (const auto& [name, version, publisher, v] : test::programs_in_registry(wine, view))
      expected.insert(name + " | " + version);
  const std::vector<std::string> stored =
      column(ingest,
             "SELECT name || ' | ' || coalesce(version, '') FROM dependencies "
             "WHERE type = 'windows_program'");
  CHECK(expected.contains("ZeroTrace Delivery App | 2.0.1"));
  CHECK(expected.contains("ZeroTrace Delivery App (x86) | "));
  CHECK(std::set<std::string>(stored.begin(), stored.end()) == expected);
  CHECK(stored.size() == expected.size());
  // The findings are those of a one-shot scan in the same prefix.
  const auto once = wine.run({"--once", "--format", "json", "--collectors", "system,auth",
                              "--config", "Z:" + config.string()});
  INFO(once.err);
  REQUIRE(once.exit_code == 0);
  const nlohmann::json report = nlohmann::json::parse(once.out);
  std::vector<std::string> found;
  for (const nlohmann::json& f : report.at("findings"))
    found.push_back(f.at("category").get<std::string>() + " | " +
                    f.at("severity").get<std::string>() + " | " + f.at("title").get<std::string>());
  std::sort(found.begin(), found.end());
  CHECK(std::ranges::count_if(found, [](const std::string& f) {
          return f.ends_with("| Reboot required to finish applying updates");
        }) == 1);
  CHECK(column(ingest,
               "SELECT category || ' | ' || severity || ' | ' || title FROM "
               "vulnerabilities_v2 ORDER BY 1") == found);

  // The ingest counted the enrollment (the other test sees none when the CA is not trusted).
  CHECK_THAT(ingest.get("/metrics").body, Catch::Contains("route=\"/api/v1/enroll\""));

  // Ctrl+C (SIGINT, which Wine hands to the console program) stops the daemon cleanly.
  REQUIRE(::kill(agent.pid(), SIGINT) == 0);
  CHECK(agent.wait_for_exit(60s) == 0);
}

TEST_CASE(
    "windows: the Windows agent refuses an ingest whose CA the Windows store does not "
    "trust and sends it nothing",
    "[integration][windows]") {
  if (const std::string missing = test::missing_for_agent(); !missing.empty()) {
    WARN("zerotrace-agent.exe is not run: missing" << missing);
    return;
  }
  testing::IngestProcess ingest;
  const std::string token = ingest.create_token(ingest.create_company("acme"));
  const test::Wine wine{.prefix = "wine-prefix-untrusted"};
  test::TempTree dir;
  const std::string url = "https://localhost:" + std::to_string(ingest.port());
  const fs::path config = dir.write("agent.yaml", agent_yaml(url, token, dir.root() / "state"));

  test::Child agent({test::kWine, test::kAgentExe, "--config", "Z:" + config.string()},
                    test::wine_env(wine.home.root().string(), wine.prefix));
  REQUIRE(agent.wait_for_stderr("next attempt in", 120s));
  INFO(agent.stderr_text());
  CHECK_THAT(agent.stderr_text(),
             Catch::Contains("the server's TLS certificate could not be verified") &&
                 Catch::Contains("Trusted Root Certification Authorities store"));
  // The handshake failed before the request: the enrollment token never left the machine.
  const test::HttpReply metrics = ingest.get("/metrics");
  REQUIRE(metrics.status == 200);
  CHECK_THAT(metrics.body, !Catch::Contains("route=\"/api/v1/enroll\""));
  CHECK(ingest.count("SELECT count(*) FROM agents") == 0);

  REQUIRE(::kill(agent.pid(), SIGINT) == 0);
  CHECK(agent.wait_for_exit(60s) == 0);
}
