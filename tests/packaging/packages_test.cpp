// The .deb and .rpm packages, built by CPack from this build tree, as an operator meets them:
// dpkg -i on this machine, files, owners and modes, the installed binary run, an upgrade to a
// rebuilt package with another version that keeps config, key and spool, and a purge that
// leaves nothing. Needs root (CI runs as root) and refuses to touch a machine where ZeroTrace
// is already installed.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

namespace fs = std::filesystem;
using namespace zt;

namespace {

const fs::path kBuild = ZT_BINARY_DIR;
const std::string kVersion = ZT_TEST_VERSION;

// The rule packs the agent's package ships: conf/compliance/*.yaml.
std::vector<fs::path> compliance_packs() {
  std::vector<fs::path> packs;
  const fs::path dir = fs::path(ZT_SOURCE_DIR) / "conf/compliance";
  if (fs::exists(dir))
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().extension() == ".yaml") packs.push_back(entry.path());
  return packs;
}

test::Completed run(const std::vector<std::string>& argv) {
  auto done = test::run_process(argv, {"DEBIAN_FRONTEND=noninteractive"});
  INFO(argv.front() << " " << (argv.size() > 1 ? argv[1] : "") << "\n" << done.out << done.err);
  return done;
}

void require_ok(const std::vector<std::string>& argv) {
  const auto done = run(argv);
  INFO(done.out << done.err);
  REQUIRE(done.exit_code == 0);
}

// Builds both packages of `generator` ("DEB", "RPM") at `version` into `out`.
void build_packages(const std::string& generator, const std::string& version, const fs::path& out) {
  require_ok({"/usr/bin/cpack", "--config", (kBuild / "CPackConfig.cmake").string(), "-G",
              generator, "-B", out.string(), "-D", "CPACK_PACKAGE_VERSION=" + version});
}

fs::path package_file(const fs::path& dir, const std::string& prefix, const std::string& suffix) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(prefix) && name.ends_with(suffix)) return entry.path();
  }
  FAIL("no " << prefix << "*" << suffix << " in " << dir);
  return {};
}

bool installed(const std::string& package) {
  const auto status = run({"/usr/bin/dpkg-query", "-W", "-f=${db:Status-Status}", package});
  return status.exit_code == 0 && status.out == "installed";
}

std::uint32_t mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

void require_root_owned(const fs::path& path, std::uint32_t mode) {
  INFO(path);
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK(st.st_uid == 0);
  CHECK(st.st_gid == 0);
  CHECK(mode_of(path) == mode);
}

void append(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::app) << text;
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Purges the packages at the end whatever happened, so a failed run leaves the machine clean.
struct PurgeOnExit {
  ~PurgeOnExit() {
    test::run_process({"/usr/bin/dpkg", "--purge", "zerotrace-agent", "zerotrace-ingest"});
  }
};

// Fails (rather than passes unseen) where it cannot run: not root, or ZeroTrace installed.
void require_a_machine_to_install_on() {
  INFO("dpkg -i needs root");
  REQUIRE(::geteuid() == 0);
  INFO("ZeroTrace is already installed on this machine: not touching it");
  REQUIRE_FALSE(installed("zerotrace-agent"));
  REQUIRE_FALSE(installed("zerotrace-ingest"));
}

}  // namespace

TEST_CASE("deb: computed library dependencies, description, maintainer, lintian clean",
          "[integration][packaging]") {
  test::TempTree dir;
  build_packages("DEB", kVersion, dir.root());
  const fs::path agent = package_file(dir.root(), "zerotrace-agent_", ".deb");
  const fs::path ingest = package_file(dir.root(), "zerotrace-ingest_", ".deb");

  const auto fields =
      run({"/usr/bin/dpkg-deb", "-f", agent.string(), "Depends", "Maintainer", "Description"});
  REQUIRE(fields.exit_code == 0);
  CHECK_THAT(fields.out, Catch::Contains("libcurl4"));
  CHECK_THAT(fields.out, Catch::Contains("libssl3"));
  CHECK_THAT(fields.out, Catch::Contains("libyaml-cpp"));
  CHECK_THAT(fields.out, Catch::Contains("Maintainer: ZeroTrace engineering"));
  CHECK_THAT(fields.out, Catch::Contains("endpoint scanning agent"));
  // The agent never links libpq (docs/ARCHITECTURE.md); the ingest does.
  CHECK_THAT(fields.out, !Catch::Contains("libpq"));
  CHECK_THAT(run({"/usr/bin/dpkg-deb", "-f", ingest.string(), "Depends"}).out,
             Catch::Contains("libpq5"));

  const auto lintian =
      run({"/usr/bin/lintian", "--no-tag-display-limit", agent.string(), ingest.string()});
  INFO(lintian.out << lintian.err);
  CHECK(lintian.exit_code == 0);
  CHECK_FALSE(std::regex_search(lintian.out, std::regex("^E: ", std::regex::multiline)));
}

TEST_CASE("deb: install, run, upgrade keeping config, key and spool, purge leaving nothing",
          "[integration][packaging]") {
  require_a_machine_to_install_on();
  test::TempTree dir;
  build_packages("DEB", kVersion, dir.root() / "v1");
  build_packages("DEB", kVersion + "+1", dir.root() / "v2");
  const fs::path agent_v1 = package_file(dir.root() / "v1", "zerotrace-agent_", ".deb");
  const fs::path ingest_v1 = package_file(dir.root() / "v1", "zerotrace-ingest_", ".deb");
  const fs::path agent_v2 = package_file(dir.root() / "v2", "zerotrace-agent_", ".deb");

  PurgeOnExit purge;
  const auto install = run({"/usr/bin/dpkg", "-i", agent_v1.string(), ingest_v1.string()});
  REQUIRE(install.exit_code == 0);
  REQUIRE(installed("zerotrace-agent"));
  // The scripts say what comes next: where systemd is not running (a chroot, a container)
  // how to start each service, and the ingest what it lacks (no database URL, no TLS key).
  if (!fs::exists("/run/systemd/system")) {
    CHECK_THAT(install.err, Catch::Contains("zerotrace-agent: systemd is not running here"));
    CHECK_THAT(install.err, Catch::Contains("zerotrace-ingest: systemd is not running here"));
  }
  CHECK_THAT(install.err, Catch::Contains("ZEROTRACE_DATABASE_URL in /etc/default/zerotrace-ingest"));
  CHECK_THAT(install.err, Catch::Contains("/etc/zerotrace/ingest.key (0600)"));

  require_root_owned("/usr/bin/zerotrace-agent", 0755);
  require_root_owned("/usr/bin/zerotrace-ingest", 0755);
  require_root_owned("/etc/zerotrace/agent.yaml", 0600);  // may hold a token or api_key
  require_root_owned("/etc/zerotrace/ingest.yaml", 0644);
  require_root_owned("/var/lib/zerotrace-agent", 0700);
  require_root_owned("/usr/lib/systemd/system/zerotrace-agent.service", 0644);
  require_root_owned("/usr/lib/systemd/system/zerotrace-ingest.service", 0644);
  // The compliance rule packs, as shipped in conf/compliance.
  for (const fs::path& pack : compliance_packs()) {
    const std::string installed_pack = "/usr/share/zerotrace/compliance/" + pack.filename().string();
    require_root_owned(installed_pack, 0644);
    CHECK(read(installed_pack) == test::read_text(pack));
  }
  const auto conffiles = run({"/usr/bin/dpkg-query", "-W", "-f=${Conffiles}", "zerotrace-agent"});
  CHECK_THAT(conffiles.out, Catch::Contains("/etc/zerotrace/agent.yaml"));
  // The ingest's unit runs as a dynamic user: the key reaches it as a systemd credential, and
  // the packaged configuration (valid as shipped) reads it there.
  CHECK_THAT(read("/usr/lib/systemd/system/zerotrace-ingest.service"),
             Catch::Contains("\nLoadCredential=ingest.key:/etc/zerotrace/ingest.key\n"));
  CHECK_THAT(read("/etc/zerotrace/ingest.yaml"),
             Catch::Contains("\n  key_file: /run/credentials/zerotrace-ingest.service/ingest.key\n"));
  const auto no_database = run({"/usr/bin/zerotrace-ingest", "migrate"});
  CHECK(no_database.exit_code == 2);
  CHECK_THAT(no_database.err, Catch::StartsWith("zerotrace-ingest: no database URL"));

  const auto version = run({"/usr/bin/zerotrace-agent", "--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out == "zerotrace-agent " + kVersion + "\n");
  // The configuration is valid as shipped, and a one-shot scan runs from the installed path.
  CHECK(run({"/usr/bin/zerotrace-agent", "--check-config"}).exit_code == 0);
  const auto once = run({"/usr/bin/zerotrace-agent", "--once", "--format", "json", "--collectors",
                         "system", "--host-root", test::fixture_host("debian12").string()});
  REQUIRE(once.exit_code == 0);
  const auto report = nlohmann::json::parse(once.out);
  CHECK(report.at("scan").at("results").contains("system"));
  CHECK_FALSE(report.at("findings").empty());

  // What an operator's host holds after a while: an edited config, the key, a spool.
  append("/etc/zerotrace/agent.yaml", "# edited by the admin\n");
  std::ofstream("/var/lib/zerotrace-agent/agent.key") << "zt_key_kept";
  fs::create_directories("/var/lib/zerotrace-agent/spool");
  std::ofstream("/var/lib/zerotrace-agent/spool/0001.batch") << "spooled";

  require_ok({"/usr/bin/dpkg", "-i", agent_v2.string()});
  CHECK(run({"/usr/bin/dpkg-query", "-W", "-f=${Version}", "zerotrace-agent"}).out ==
        kVersion + "+1");
  CHECK_THAT(read("/etc/zerotrace/agent.yaml"), Catch::EndsWith("# edited by the admin\n"));
  CHECK(read("/var/lib/zerotrace-agent/agent.key") == "zt_key_kept");
  CHECK(read("/var/lib/zerotrace-agent/spool/0001.batch") == "spooled");
  CHECK(mode_of("/var/lib/zerotrace-agent") == 0700);

  require_ok({"/usr/bin/dpkg", "--purge", "zerotrace-agent", "zerotrace-ingest"});
  CHECK_FALSE(installed("zerotrace-agent"));
  CHECK_FALSE(installed("zerotrace-ingest"));
  for (const char* path :
       {"/usr/bin/zerotrace-agent", "/usr/bin/zerotrace-ingest", "/etc/zerotrace",
        "/var/lib/zerotrace-agent", "/usr/lib/systemd/system/zerotrace-agent.service",
        "/usr/share/doc/zerotrace-agent", "/usr/share/zerotrace"}) {
    INFO(path);
    CHECK_FALSE(fs::exists(path));
  }
}

TEST_CASE("rpm: both packages built, their files, config files, scripts and requirements",
          "[integration][packaging]") {
  test::TempTree dir;
  build_packages("RPM", kVersion, dir.root());
  const fs::path agent = package_file(dir.root(), "zerotrace-agent-", ".rpm");
  const fs::path ingest = package_file(dir.root(), "zerotrace-ingest-", ".rpm");

  const auto files = run({"/usr/bin/rpm", "-qlp", "-v", agent.string()});
  REQUIRE(files.exit_code == 0);
  CHECK(std::regex_search(files.out,
                          std::regex("-rwxr-xr-x +1 root +root .* /usr/bin/zerotrace-agent\n")));
  CHECK(std::regex_search(files.out,
                          std::regex("-rw------- +1 root +root .* /etc/zerotrace/agent.yaml\n")));
  CHECK_THAT(files.out, Catch::Contains("/usr/lib/systemd/system/zerotrace-agent.service"));
  CHECK_THAT(files.out, !Catch::Contains(".build-id"));
  for (const fs::path& pack : compliance_packs())
    CHECK_THAT(files.out,
               Catch::Contains(" /usr/share/zerotrace/compliance/" + pack.filename().string()));
  CHECK(run({"/usr/bin/rpm", "-qcp", agent.string()}).out == "/etc/zerotrace/agent.yaml\n");
  CHECK(run({"/usr/bin/rpm", "-qcp", ingest.string()}).out == "/etc/zerotrace/ingest.yaml\n");

  const auto requires_ = run({"/usr/bin/rpm", "-qp", "--requires", agent.string()});
  CHECK_THAT(requires_.out, Catch::Contains("libcurl.so.4"));
  CHECK_THAT(requires_.out, !Catch::Contains("libpq"));
  CHECK_THAT(run({"/usr/bin/rpm", "-qp", "--requires", ingest.string()}).out,
             Catch::Contains("libpq.so.5"));

  const auto scripts = run({"/usr/bin/rpm", "-qp", "--scripts", agent.string()});
  CHECK_THAT(scripts.out,
             Catch::Contains("install -d -m 0700 -o root -g root /var/lib/zerotrace-agent"));
  CHECK_THAT(scripts.out, Catch::Contains("systemctl disable --now zerotrace-agent.service"));
  CHECK_THAT(run({"/usr/bin/rpm", "-qip", agent.string()}).out,
             Catch::Contains("License     : Proprietary"));
}

TEST_CASE("systemd units: verify clean, exposure OK or better", "[integration][packaging]") {
  for (const char* unit : {"zerotrace-agent.service", "zerotrace-ingest.service"}) {
    const fs::path path = fs::path(ZT_SOURCE_DIR) / "packaging/systemd" / unit;
    INFO(unit);
    const auto security =
        run({"/usr/bin/systemd-analyze", "security", "--offline=true", path.string()});
    INFO(security.out << security.err);
    std::smatch level;
    REQUIRE(std::regex_search(security.out, level,
                              std::regex("Overall exposure level for [^:]+: ([0-9.]+) (\\w+)")));
    CHECK(std::stod(level[1]) < 4.0);
    CHECK((level[2] == "OK" || level[2] == "SAFE" || level[2] == "PERFECT"));
    // `verify` wants the binaries where ExecStart says; it checks the directives meanwhile.
    const auto verify = run({"/usr/bin/systemd-analyze", "verify", path.string()});
    const std::string complaints = std::regex_replace(
        verify.err, std::regex(".*Command /usr/bin/zerotrace-[a-z]+ is not executable.*\n?"), "");
    INFO(verify.err);
    CHECK(complaints.empty());
  }
}
