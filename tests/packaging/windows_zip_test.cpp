// The Windows agent's zip (packaging/windows) as an administrator meets it: made by CPack in
// the Windows build the test build cross-builds (cmake/WindowsAgentTarget.cmake), read back
// with Python's zipfile, its exe's imports read by MinGW's objdump, and installed, started,
// stopped and removed as the service ZeroTraceAgent under wine64, in a Wine prefix of its
// own. The registry and the files of the prefix are the oracles. Without the MinGW compiler,
// the libraries scripts/setup.sh builds, or wine64, the test says what is missing and passes
// over.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/windows/wine_run.hpp"

namespace fs = std::filesystem;
using namespace zt;

namespace {

const fs::path kWindowsBuild = ZT_WINDOWS_BUILD_DIR;
const std::string kVersion = ZT_TEST_VERSION;
const std::string kFolder = "zerotrace-agent-" + kVersion + "-windows-x86_64";
const fs::path kWineSystem = "/usr/lib/x86_64-linux-gnu/wine/x86_64-windows";
const std::string kWineServer = "/usr/lib/wine/wineserver";
const std::string kService = "ZeroTraceAgent";

std::string missing_for_zip() {
  std::string missing;
  if (!fs::exists(test::kMingwCompiler)) missing += " the MinGW-w64 compiler";
  if (!fs::exists("/opt/zerotrace-mingw/lib/cmake/libzip"))
    missing += " the MinGW libraries of scripts/setup.sh";
  if (!fs::exists(test::kWine)) missing += " wine64";
  return missing;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::set<std::string> lines_set(const std::string& text) {
  std::set<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.insert(line);
  return lines;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// "Z:\tmp\..." for a Linux path: Wine's Z: drive is the Linux root.
std::string windows_path(const fs::path& path) {
  std::string text = "Z:" + path.string();
  for (char& c : text)
    if (c == '/') c = '\\';
  return text;
}

// A Wine prefix of the test's own (the service changes its registry), with its wineserver
// kept running while the test lasts: when the server exits, the next Wine command boots the
// prefix again, which starts every service marked automatic.
class WinePrefix {
 public:
  // The server and the processes the prefix's boot leaves running (services.exe, rpcss.exe,
  // ...) live as long as the prefix: they are started with their output on /dev/null, or
  // they would hold the pipes of the command that started them (and the services they start
  // would block writing their logs into a pipe nobody reads).
  WinePrefix() {
    fs::create_directories(home_.root() / "prefix");
    run({"/bin/sh", "-c", "exec " + kWineServer + " -p >/dev/null 2>&1"});
    // Booted by a first command, as a user's would; `wineboot --init` under a persistent
    // server left two services.exe, and a service started by one never reached the other.
    run({"/bin/sh", "-c", "exec " + test::kWine + " cmd /c echo ready >/dev/null 2>&1"});
  }
  ~WinePrefix() { run({kWineServer, "-k"}); }  // ends the prefix's processes and its server
  WinePrefix(const WinePrefix&) = delete;
  WinePrefix& operator=(const WinePrefix&) = delete;

  std::vector<std::string> env() const {
    return {"WINEPREFIX=" + (home_.root() / "prefix").string(), "WINEDEBUG=-all",
            "HOME=" + home_.root().string(), "PATH=/usr/bin:/bin"};
  }
  test::Completed run(const std::vector<std::string>& argv) const {
    return test::run_process(argv, env());
  }
  test::Completed wine(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {test::kWine};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
  }
  fs::path drive_c() const { return home_.root() / "prefix/drive_c"; }

  // The service's state name in `sc query` (RUNNING, STOPPED, ...), "" when it is not there.
  std::string service_state() const {
    for (const std::string& line : test::lines_of(wine({"sc", "query", kService}).out))
      if (line.find("STATE") != std::string::npos) return line.substr(line.find_last_of(' ') + 1);
    return "";
  }
  // The value of the service's WIN32_EXIT_CODE line, e.g. "0  (0x0)".
  std::string service_exit_code() const {
    for (const std::string& line : test::lines_of(wine({"sc", "query", kService}).out))
      if (line.find("WIN32_EXIT_CODE") != std::string::npos)
        return line.substr(line.find(": ") + 2);
    return "";
  }
  // Waits for the state, with a deadline a loaded machine cannot reach.
  bool wait_for_state(const std::string& state) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (std::chrono::steady_clock::now() < deadline) {
      if (service_state() == state) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    return false;
  }
  // One value of the service's registry key, as `reg query` prints it.
  std::string registry_value(const std::string& name) const {
    const auto query = wine({"reg", "query",
                             "HKLM\\System\\CurrentControlSet\\Services\\" + kService, "/v", name});
    for (const std::string& line : test::lines_of(query.out))
      if (const auto at = line.find("    " + name + "    "); at != std::string::npos) {
        const std::string rest = line.substr(at + name.size() + 8);
        return rest.substr(rest.find("    ") + 4);  // after the type (REG_SZ, REG_DWORD)
      }
    return "";
  }

 private:
  test::TempTree home_;
};

// The zip's entries and, unpacked under `into`, its files: read by Python's zipfile.
std::set<std::string> unzip(const fs::path& zip, const fs::path& into) {
  const auto done = test::run_process(
      {"/usr/bin/python3", "-c",
       "import sys, zipfile\n"
       "z = zipfile.ZipFile(sys.argv[1])\n"
       "print('\\n'.join(z.namelist()))\n"
       "z.extractall(sys.argv[2])\n",
       zip.string(), into.string()});
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  return lines_set(done.out);
}

// The DLLs an exe imports, by objdump's "DLL Name:" lines.
std::set<std::string> imported_dlls(const fs::path& exe) {
  const auto dump = test::run_process({"/usr/bin/x86_64-w64-mingw32-objdump", "-p", exe.string()});
  REQUIRE(dump.exit_code == 0);
  std::set<std::string> dlls;
  std::istringstream in(dump.out);
  for (std::string line; std::getline(in, line);)
    if (const auto at = line.find("DLL Name: "); at != std::string::npos)
      dlls.insert(lower(line.substr(at + 10)));
  return dlls;
}

bool crlf_only(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) return false;
  return !text.empty();
}

}  // namespace

TEST_CASE("windows zip: the agent, its configuration and its service scripts, installed as a "
          "service under Wine",
          "[integration][windows]") {
  if (const std::string missing = missing_for_zip(); !missing.empty()) {
    WARN("the Windows zip is not made: missing" << missing);
    return;
  }
  REQUIRE(fs::exists(kWindowsBuild / "CPackConfig.cmake"));
  test::TempTree out;
  const auto pack = test::run_process({ZT_CPACK_COMMAND, "--config",
                                       (kWindowsBuild / "CPackConfig.cmake").string(), "-B",
                                       out.root().string()});
  INFO(pack.out << pack.err);
  REQUIRE(pack.exit_code == 0);
  const fs::path zip = out.root() / (kFolder + ".zip");
  REQUIRE(fs::exists(zip));

  // The files, in one folder named after the version: no DLL beside the exe.
  const fs::path unpacked = out.root() / "unpacked";
  const std::set<std::string> expected = {
      kFolder + "/zerotrace-agent.exe",   kFolder + "/agent.yaml",
      kFolder + "/install-service.cmd",   kFolder + "/uninstall-service.cmd",
      kFolder + "/README.txt",            kFolder + "/copyright"};
  CHECK(unzip(zip, unpacked) == expected);
  const fs::path folder = unpacked / kFolder;
  CHECK(read_file(folder / "agent.yaml") == read_file(fs::path(ZT_SOURCE_DIR) /
                                                      "conf/agent-windows.yaml"));
  // cmd.exe misreads labels (goto) in a file with bare LF line ends.
  for (const char* name : {"install-service.cmd", "uninstall-service.cmd", "README.txt"}) {
    INFO(name);
    CHECK(crlf_only(read_file(folder / name)));
  }

  // Every DLL the exe imports is one Windows itself has (Wine ships Windows' system DLLs
  // under the same names); none is a MinGW runtime that would have to travel with it.
  const std::set<std::string> dlls = imported_dlls(folder / "zerotrace-agent.exe");
  CHECK(dlls.count("kernel32.dll") == 1);
  for (const std::string& dll : dlls) {
    INFO(dll);
    CHECK(fs::exists(kWineSystem / dll));
    CHECK_FALSE(dll.starts_with("libstdc++"));
    CHECK_FALSE(dll.starts_with("libgcc"));
    CHECK_FALSE(dll.starts_with("libwinpthread"));
    CHECK_FALSE(dll.starts_with("zlib"));
  }

  const WinePrefix wine;
  // The shipped configuration is valid as it is.
  const auto check = wine.wine({(folder / "zerotrace-agent.exe").string(), "--check-config",
                                "--config", windows_path(folder / "agent.yaml")});
  INFO(check.out << check.err);
  CHECK(check.exit_code == 0);

  // install-service.cmd: the program, the configuration, the service set to start at boot.
  const auto install = wine.wine({"cmd", "/c", windows_path(folder / "install-service.cmd")});
  INFO(install.out << install.err);
  REQUIRE(install.exit_code == 0);
  const fs::path program = wine.drive_c() / "Program Files/ZeroTrace/zerotrace-agent.exe";
  const fs::path data = wine.drive_c() / "ProgramData/ZeroTrace";
  CHECK(read_file(program) == read_file(folder / "zerotrace-agent.exe"));
  CHECK(read_file(data / "agent.yaml") == read_file(folder / "agent.yaml"));
  CHECK(wine.registry_value("ImagePath") == "\"C:\\Program Files\\ZeroTrace\\zerotrace-agent.exe\"");
  CHECK(wine.registry_value("Start") == "0x2");  // SERVICE_AUTO_START
  CHECK(wine.service_state() == "STOPPED");

  // Started with a server that does not answer, the daemon runs (it retries with backoff);
  // stopped, it ends with exit code 0. Wine's icacls accepts the ACL and sets none: the
  // folder's ACL is not checked here.
  std::ofstream(data / "agent.yaml", std::ios::trunc)
      << "agent:\n  log_level: debug\nserver:\n  url: https://127.0.0.1:9/\n"
         "  enrollment_token: zt-test-token\n";
  const auto start = wine.wine({"sc", "start", kService});
  INFO("sc start: " << start.out << start.err);
  CHECK(start.exit_code == 0);
  CHECK(wine.wait_for_state("RUNNING"));
  CHECK(wine.wine({"sc", "stop", kService}).exit_code == 0);
  CHECK(wine.wait_for_state("STOPPED"));
  CHECK(wine.service_exit_code() == "0  (0x0)");

  // A second install (an upgrade) keeps the administrator's configuration.
  const std::string configured = read_file(data / "agent.yaml");
  REQUIRE(wine.wine({"cmd", "/c", windows_path(folder / "install-service.cmd")}).exit_code == 0);
  CHECK(read_file(data / "agent.yaml") == configured);

  // uninstall-service.cmd: the service and the program are gone, the configuration is kept.
  const auto uninstall = wine.wine({"cmd", "/c", windows_path(folder / "uninstall-service.cmd")});
  INFO(uninstall.out << uninstall.err);
  CHECK(uninstall.exit_code == 0);
  CHECK(wine.service_state().empty());
  CHECK_FALSE(fs::exists(program.parent_path()));
  CHECK(read_file(data / "agent.yaml") == configured);
}
