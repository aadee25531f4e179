// The Windows collectors (collectors/windows) in zerotrace-agent.exe under wine64, against
// what Wine itself says: the Windows version and the installed programs as `reg query`
// lists them (with programs and reboot markers this test adds to its own Wine prefix), the
// TCP and UDP sockets this test opens on loopback, one of them held by a Windows program
// (wine/tcp_listener.cpp) with its own, and the accounts Wine has. Wine's gaps
// are named where the test expects them. Passes over, saying what is missing, without the
// MinGW compiler, the libraries scripts/setup.sh builds, or wine64.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "schema-client/model/wire_format.hpp"
#include "tests/support/loopback.hpp"
#include "tests/windows/agent_exe.hpp"
#include "tests/windows/wine_registry.hpp"

namespace fs = std::filesystem;
using namespace zt;
using nlohmann::json;
using test::kRebootRequired;
using test::kUninstall;
using test::Program;
using test::programs_in_registry;
using test::reg_add;
using test::reg_query;
using test::value_or_empty;

namespace {

// This test's own prefix: it adds keys that the other Windows tests should not see.
const std::string kPrefix = "wine-prefix-collectors";

const std::string kCurrentVersion = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
const std::string kHotfix = kCurrentVersion + "\\Hotfix";
const std::string kServicingPackages =
    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";

// Pending file renames: (file, new name) pairs, "" to delete one, "!" to replace one. `reg add`
// cannot write the empty strings of such a value; `reg import` of a REGEDIT4 file (hex(7):
// the strings' bytes) can.
const std::vector<std::string> kRenames = {"\\??\\C:\\zt-old.tmp", "", "\\??\\C:\\zt-new.dll",
                                           "!\\??\\C:\\zt.dll"};

void reg_import_renames(const test::Wine& wine, test::TempTree& dir) {
  std::string hex;
  for (const std::string& text : kRenames)
    for (const char c : text + '\0') {
      char byte[4];
      std::snprintf(byte, sizeof(byte), "%02x,", static_cast<unsigned char>(c));
      hex += byte;
    }
  hex += "00";  // the list's end
  const fs::path file =
      dir.write("renames.reg",
                "REGEDIT4\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session "
                "Manager]\r\n\"PendingFileRenameOperations\"=hex(7):" +
                    hex + "\r\n");
  const auto done = wine.tool({"reg", "import", "Z:" + file.string(), "/reg:64"});
  INFO(done.out << done.err);
  REQUIRE(done.exit_code == 0);
}

// A socket of this (Linux) process bound to a free loopback port; TCP ones listen. Closed on
// exec unless `inherited`: then the programs this process starts hold it too.
class BoundSocket {
 public:
  BoundSocket(int family, int type, bool inherited = false)
      : fd_(::socket(family, type | (inherited ? 0 : SOCK_CLOEXEC), 0)) {
    REQUIRE(fd_ >= 0);
    sockaddr_storage address{};
    socklen_t size = 0;
    if (family == AF_INET) {
      auto* in = reinterpret_cast<sockaddr_in*>(&address);
      in->sin_family = AF_INET;
      in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      size = sizeof(sockaddr_in);
    } else {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(&address);
      in6->sin6_family = AF_INET6;
      in6->sin6_addr = in6addr_loopback;
      size = sizeof(sockaddr_in6);
    }
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), size) == 0);
    if (type == SOCK_STREAM) REQUIRE(::listen(fd_, 4) == 0);
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) == 0);
    port_ = ntohs(family == AF_INET ? reinterpret_cast<sockaddr_in*>(&address)->sin_port
                                    : reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
  }
  ~BoundSocket() { ::close(fd_); }
  BoundSocket(const BoundSocket&) = delete;
  BoundSocket& operator=(const BoundSocket&) = delete;
  int port() const { return port_; }

 private:
  int fd_;
  int port_ = 0;
};

const json& inventory_of(const model::Batch& batch, const std::string& collector) {
  return *batch.scan.results.at(collector).inventory;
}

// The Windows listener (wine/tcp_listener.cpp), built in `dir` and running until the scan
// is over, when a connection ends it.
std::unique_ptr<test::Child> windows_listener;

// Builds and starts it; its port.
int start_windows_listener(const test::Wine& wine, const test::TempTree& dir) {
  const std::string exe = test::build_wine_program(dir, "tcp_listener", "-lws2_32");
  windows_listener =
      std::make_unique<test::Child>(std::vector<std::string>{test::kWine, exe},
                                    test::wine_env(wine.home.root().string(), wine.prefix));
  REQUIRE(windows_listener->wait_for_stderr(" ready", std::chrono::seconds(60)));
  const std::string& err = windows_listener->stderr_text();
  const std::size_t at = err.find("tcp_listener port ");
  REQUIRE(at != std::string::npos);
  return std::stoi(err.substr(at + 18));
}

// One scan for every section below (Catch2 runs a test case again for each section): the
// prefix set up, the sockets opened, the agent run once.
struct Scan {
  test::Wine wine;
  int tcp4 = 0, udp4 = 0, tcp6 = 0, udp6 = 0;  // the ports of the sockets the scan saw open
  int windows_tcp = 0;  // the port of wine/tcp_listener.cpp, a Windows program's socket
  int handed_tcp = 0;   // a socket of this test that the Windows program inherited
  int windows_pid = 0;  // the Windows program's pid, as Wine's tasklist names it
  test::Completed run;
  std::optional<model::Batch> batch;
};

const Scan& scan_once() {
  static std::unique_ptr<Scan> done;
  if (done) return *done;
  auto scan = std::make_unique<Scan>();
  scan->wine.prefix = kPrefix;
  const test::Wine& wine = scan->wine;
  test::TempTree dir;

  const BoundSocket tcp4(AF_INET, SOCK_STREAM), udp4(AF_INET, SOCK_DGRAM);
  const BoundSocket tcp6(AF_INET6, SOCK_STREAM), udp6(AF_INET6, SOCK_DGRAM);
  const BoundSocket handed(AF_INET, SOCK_STREAM, true);
  scan->handed_tcp = handed.port();
  scan->tcp4 = tcp4.port();
  scan->udp4 = udp4.port();
  scan->tcp6 = tcp6.port();
  scan->udp6 = udp6.port();
  // First, so that it keeps one wineserver session open until the scan is over: Wine carries
  // out PendingFileRenameOperations (and deletes it) when a session starts.
  scan->windows_tcp = start_windows_listener(wine, dir);

  // Programs in both registry views (one hidden from Programs and Features) and pending
  // restarts; `reg add /f` makes this the same on every run.
  reg_add(wine, {kUninstall + "\\ZeroTraceTestApp", "/v", "DisplayName", "/d", "ZeroTrace Test App",
                 "/reg:64"});
  reg_add(wine,
          {kUninstall + "\\ZeroTraceTestApp", "/v", "DisplayVersion", "/d", "1.2.3", "/reg:64"});
  reg_add(wine, {kUninstall + "\\ZeroTraceTestApp", "/v", "Publisher", "/d", "ZeroTrace Tests",
                 "/reg:64"});
  reg_add(wine, {kUninstall + "\\ZeroTraceTestApp32", "/v", "DisplayName", "/d",
                 "ZeroTrace Test App (x86)", "/reg:32"});
  reg_add(wine,
          {kUninstall + "\\ZeroTraceTestApp32", "/v", "DisplayVersion", "/d", "4.5", "/reg:32"});
  reg_add(wine, {kUninstall + "\\ZeroTraceComponent", "/v", "DisplayName", "/d",
                 "ZeroTrace Hidden Component", "/reg:64"});
  reg_add(wine, {kUninstall + "\\ZeroTraceComponent", "/v", "SystemComponent", "/t", "REG_DWORD",
                 "/d", "1", "/reg:64"});
  reg_add(wine, {kRebootRequired, "/reg:64"});
  reg_import_renames(wine, dir);

  const fs::path config = dir.write("agent.yaml", "agent:\n  log_level: warn\n");
  scan->run = wine.run({"--once", "--format", "json", "--config", config.string(), "--collectors",
                        "system,network,auth"});
  if (auto batch = model::parse_batch(scan->run.out); batch.ok()) scan->batch = std::move(*batch);
  // A connection ends the Windows program; killing it could leave wineserver shutting down
  // under the next Wine command.
  REQUIRE(test::wait_for_loopback_port(static_cast<unsigned short>(scan->windows_tcp),
                                       std::chrono::seconds(10)));
  REQUIRE(windows_listener->wait_for_exit(std::chrono::seconds(60)) == 0);
  windows_listener.reset();
  done = std::move(scan);
  return *done;
}

}  // namespace

TEST_CASE("windows: the Windows collectors report Wine's registry and sockets and accounts",
          "[integration][windows]") {
  if (const std::string missing = test::missing_for_agent(); !missing.empty()) {
    WARN("zerotrace-agent.exe is not run: missing" << missing);
    return;
  }
  REQUIRE(fs::exists(test::kAgentExe));
  const Scan& scan = scan_once();
  const test::Wine& wine = scan.wine;
  INFO(scan.run.err);
  CHECK(scan.run.exit_code == 0);
  INFO(scan.run.out.substr(0, 3000));
  REQUIRE(scan.batch);
  const model::Batch* batch = &*scan.batch;

  SECTION("system: Wine's Windows version, as its registry holds it") {
    const auto keys = reg_query(wine, {kCurrentVersion});
    REQUIRE(keys);
    const auto& values = keys->at(
        "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\"
        "CurrentVersion");
    const json& os = inventory_of(*batch, "system").at("os");
    CHECK(os.at("name") == values.at("ProductName"));
    // Wine 8's prefix has no CurrentMajorVersionNumber (Windows 10 has): CurrentVersion.
    CHECK(!values.contains("CurrentMajorVersionNumber"));
    CHECK(os.at("version") == values.at("CurrentVersion"));
    CHECK(os.at("build") == values.at("CurrentBuild"));
    CHECK(os.at("build") == values.at("CurrentBuildNumber"));
    // Neither DisplayVersion nor ReleaseId nor UBR exists before Windows 10: none in Wine's.
    CHECK(!values.contains("DisplayVersion"));
    CHECK(!values.contains("ReleaseId"));
    CHECK(!values.contains("UBR"));
    CHECK(os.at("display_version").is_null());
    CHECK(os.at("ubr").is_null());
    CHECK(os.at("full_version") == values.at("CurrentVersion") + "." + values.at("CurrentBuild"));
    CHECK(batch->scan.results.at("system").status == model::CollectorStatus::completed);
  }

  SECTION("system: the installed programs of both views, as reg query lists them") {
    std::set<Program> expected = programs_in_registry(wine, "64-bit");
    expected.merge(programs_in_registry(wine, "32-bit"));
    // What the test added is there, the hidden component is not.
    CHECK(expected.contains({"ZeroTrace Test App", "1.2.3", "ZeroTrace Tests", "64-bit"}));
    CHECK(expected.contains({"ZeroTrace Test App (x86)", "4.5", "", "32-bit"}));
    std::set<Program> inventory;
    for (const json& p : inventory_of(*batch, "system").at("programs"))
      inventory.insert(Program{p.at("name"), p.at("version").is_null() ? "" : p.at("version"),
                               p.at("publisher").is_null() ? "" : p.at("publisher"), p.at("view")});
    CHECK(inventory == expected);
    std::set<std::tuple<std::string, std::string, std::string>> dependencies, programs;
    for (const model::Dependency& d : batch->dependencies)
      dependencies.insert({d.name, d.version, d.type});
    for (const auto& [name, version, publisher, view] : expected)
      programs.insert({name, version, "windows_program"});
    CHECK(dependencies == programs);
  }

  SECTION("system: hotfixes from the legacy Hotfix key; Wine has no servicing packages") {
    std::set<std::string> expected;
    if (const auto keys = reg_query(wine, {kHotfix, "/s"}))
      for (const auto& [key, values] : *keys)
        if (value_or_empty(values, "Installed") == "1" ||
            value_or_empty(values, "Installed") == "0x1")
          expected.insert(key.substr(key.rfind('\\') + 1));
    CHECK(!expected.empty());  // Wine's prefix lists Q246009
    std::set<std::string> reported;
    for (const json& h : inventory_of(*batch, "system").at("hotfixes"))
      reported.insert(h.at("id").get<std::string>());
    CHECK(reported == expected);
    // Wine limitation: no Component Based Servicing store (Windows Vista and later keep their
    // updates there), so a missing key is reported as absent, not as a problem.
    CHECK(!reg_query(wine, {kServicingPackages}));
    const json absent = inventory_of(*batch, "system").at("absent_keys");
    CHECK(std::find(absent.begin(), absent.end(),
                    json("HKLM\\SOFTWARE\\Microsoft\\Windows\\"
                         "CurrentVersion\\Component Based "
                         "Servicing\\Packages")) != absent.end());
  }

  SECTION("system: the pending restart is one medium reboot_required finding") {
    std::vector<model::Finding> reboot;
    for (const model::Finding& f : batch->findings)
      if (f.category == model::Category::system) reboot.push_back(f);
    REQUIRE(reboot.size() == 1);
    CHECK(reboot[0].fields.at("vulnerability_type") == "reboot_required");
    CHECK(reboot[0].severity == model::Severity::medium);
    // Windows Update's marker makes it medium; the renames alone would be low (unit test).
    CHECK(reboot[0].metadata.at("markers") ==
          json::array(
              {{{"kind", "windows_update"}, {"where", kRebootRequired}, {"files", json::array()}},
               {{"kind", "file_renames"},
                {"where",
                 "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session "
                 "Manager\\PendingFileRenameOperations"},
                {"files", {kRenames[0], kRenames[2]}}}}));
  }

  SECTION("network: the loopback sockets of this test and of a Windows program") {
    using Socket = std::tuple<std::string, std::string, int>;
    std::set<Socket> listed, findings;
    for (const json& l : inventory_of(*batch, "network").at("listeners"))
      listed.insert(Socket{l.at("protocol"), l.at("host"), l.at("port")});
    for (const model::Finding& f : batch->findings)
      if (f.category == model::Category::network &&
          f.metadata.at("finding_type") == "listening_service")
        findings.insert(Socket{f.fields.at("protocol"), f.fields.at("host"), f.fields.at("port")});
    for (const Socket& socket :
         {Socket{"tcp", "127.0.0.1", scan.tcp4}, Socket{"udp", "127.0.0.1", scan.udp4},
          Socket{"tcp", "::1", scan.tcp6}, Socket{"udp", "::1", scan.udp6}}) {
      INFO(std::get<0>(socket) << " " << std::get<1>(socket) << " " << std::get<2>(socket));
      CHECK(listed.contains(socket));
      CHECK(findings.contains(socket));
    }
    // A socket is attributed to the Wine process that holds its Linux file descriptor: the
    // one this test handed to the Windows program is owned by tcp_listener (Wine's tasklist
    // is a stub, so its name is the oracle). Wine limitation: a Winsock socket's descriptor
    // is held by wineserver, so the program's own listener has no owning pid (0), where
    // Windows gives it; and the test's other sockets belong to no Windows process.
    CHECK(listed.contains(Socket{"tcp", "127.0.0.1", scan.windows_tcp}));
    CHECK(listed.contains(Socket{"tcp", "127.0.0.1", scan.handed_tcp}));
    std::map<int, json> processes;
    for (const json& l : inventory_of(*batch, "network").at("listeners"))
      if (!l.at("process").is_null()) processes[l.at("port").get<int>()] = l.at("process");
    REQUIRE(processes.size() == 1);
    REQUIRE(processes.contains(scan.handed_tcp));
    const json& owner = processes.at(scan.handed_tcp);
    CHECK(owner.at("name") == "tcp_listener");
    CHECK(owner.at("pid").get<int>() > 0);
    const auto whoami = wine.tool({"whoami"});  // "DOMAIN\\user", as the token names it
    CHECK(test::lines_of(whoami.out) == std::vector<std::string>{owner.at("user")});
    for (const model::Finding& f : batch->findings)
      if (f.category == model::Category::network && f.fields.at("port") == scan.handed_tcp)
        CHECK(f.metadata.at("process") == owner);
    CHECK(!listed.contains(Socket{"udp", "127.0.0.1", scan.tcp4}));
    CHECK(!listed.contains(Socket{"tcp", "127.0.0.1", scan.udp4}));
    CHECK(batch->scan.results.at("network").status == model::CollectorStatus::completed);
  }

  SECTION("auth: Wine's one account; its policy calls are not implemented") {
    const auto user = wine.tool({"cmd", "/c", "echo %USERNAME%"});
    REQUIRE(user.exit_code == 0);
    const std::vector<std::string> name = test::lines_of(user.out);
    REQUIRE(name.size() == 1);
    const json& inventory = inventory_of(*batch, "auth");
    std::set<std::string> accounts;
    for (const json& a : inventory.at("accounts")) accounts.insert(a.at("name").get<std::string>());
    // Wine limitation: NetUserEnum lists the Unix user only (no built-in Administrator or
    // Guest), and NetLocalGroupGetMembers answers that user for any group.
    CHECK(accounts == std::set<std::string>{name[0]});
    CHECK(inventory.at("administrators") == json::array({name[0]}));
    CHECK(inventory.at("guest_enabled").is_null());
    // Wine limitation: NetUserModalsGet levels 0 and 3 are not implemented (Wine 8 answers
    // NERR_InternalError, 2140): the run is partial and says so.
    const model::CollectorOutcome& outcome = batch->scan.results.at("auth");
    CHECK(outcome.status == model::CollectorStatus::partial);
    CHECK(outcome.errors ==
          std::vector<std::string>{
              "NetUserModalsGet level 0 (password policy) failed: Unknown error (2140)",
              "NetUserModalsGet level 3 (lockout policy) failed: Unknown error (2140)"});
    CHECK(inventory.at("password_policy").is_null());
    CHECK(inventory.at("lockout_policy").is_null());
  }
}
