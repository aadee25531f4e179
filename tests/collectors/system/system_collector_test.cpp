#include "collectors/system/system_collector.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "schema-client/model/validation.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/collector_harness.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::collector::CollectResult;
using zt::collector::Context;
using zt::collector::HostFs;
using zt::collector::OptionType;
using zt::collector::OptionValues;
using zt::model::Dependency;
using zt::test::fixture_host;
using zt::test::TempTree;
using Deps = std::vector<Dependency>;
using Strings = std::vector<std::string>;

namespace {

OptionValues options(const json& overrides = json::object()) {
  return zt::test::options_of(zt::system::descriptor(), overrides);
}

// The day the fixture runs are pinned to: Debian 12 is in LTS (regular support ended
// 2026-06-10, LTS ends 2028-06-30), Debian 10 and Alpine 3.18 are past their end of life.
constexpr const char* kToday = "2026-11-26";

zt::system::Today fixed_day(const char* day) {
  return [date = *zt::system::parse_iso_date(day)] { return date; };
}

CollectResult collect_at(const std::filesystem::path& root,
                         const OptionValues& values = options(), const char* today = kToday) {
  return zt::test::collect_at(*zt::system::make_collector(values, fixed_day(today)), root);
}

std::string under(const std::filesystem::path& root, std::string_view host_path) {
  return std::string(host_path) + " (under " + root.string() + ")";
}

// As `dpkg-query -W -f='${binary:Package} ${Version} ${source:Package} ${source:Version}
// ${Architecture}'` lists the fixture's installed packages, in the release's ecosystem.
Deps debian12_deps() {
  const auto deb = [](std::string name, std::string version, std::string source,
                      std::string source_version, std::string arch) {
    return Dependency{std::move(name), std::move(version), "deb", "/var/lib/dpkg/status", "",
                      std::move(source), std::move(source_version), std::move(arch),
                      "Debian:12"};
  };
  return {
      // No Source field: the package is its own source.
      deb("base-files", "12.4+deb12u9", "base-files", "12.4+deb12u9", "amd64"),
      // "Source: util-linux (2.38.1-5+deb12u3)": the source's own version, without the epoch.
      deb("bsdutils", "1:2.38.1-5+deb12u3", "util-linux", "2.38.1-5+deb12u3", "amd64"),
      deb("dpkg", "1.21.22", "dpkg", "1.21.22", "amd64"),
      deb("hello:i386", "2.10-3", "hello", "2.10-3", "i386"),
      // "Source: glibc": the package's version.
      deb("libc6:amd64", "2.36-9+deb12u9", "glibc", "2.36-9+deb12u9", "amd64"),
      deb("libc6:i386", "2.36-9+deb12u9", "glibc", "2.36-9+deb12u9", "i386"),
      deb("libssl3:amd64", "3.0.15-1~deb12u1", "openssl", "3.0.15-1~deb12u1", "amd64"),
      deb("linux-image-6.1.0-28-amd64", "6.1.119-1", "linux-signed-amd64", "6.1.119+1",
          "amd64"),
      deb("linux-image-6.1.0-30-amd64", "6.1.124-1", "linux-signed-amd64", "6.1.124+1",
          "amd64"),
      deb("openssh-server", "1:9.2p1-2+deb12u3", "openssh", "1:9.2p1-2+deb12u3", "amd64"),
      deb("tzdata", "2024b-0+deb12u1", "tzdata", "2024b-0+deb12u1", "all"),
  };
}

// "<vulnerability_type> <component_name>" of each finding, in order; and every finding valid.
Strings finding_keys(const CollectResult& result) {
  Strings keys;
  for (const auto& f : result.findings) {
    INFO(f.title);
    CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});
    CHECK(f.fingerprint.empty());
    keys.push_back(f.fields.at("vulnerability_type").get<std::string>() + " " +
                   f.fields.at("component_name").get<std::string>());
  }
  return keys;
}

const zt::model::Finding* find_type(const CollectResult& result, std::string_view type) {
  for (const auto& f : result.findings)
    if (f.fields.at("vulnerability_type") == type) return &f;
  return nullptr;
}

const json kDebian12Os = {{"id", "debian"},
                          {"id_like", json::array()},
                          {"name", "Debian GNU/Linux"},
                          {"version_id", "12"},
                          {"version_codename", "bookworm"},
                          {"pretty_name", "Debian GNU/Linux 12 (bookworm)"}};

}  // namespace

TEST_CASE("system: descriptor", "[unit][system]") {
  const auto d = zt::system::descriptor();
  CHECK(d.name == "system");
  CHECK(d.category == zt::model::Category::system);
  CHECK(d.default_interval == 3600s);
  CHECK_FALSE(d.summary.empty());
  REQUIRE(d.make != nullptr);

  const auto packages = std::find_if(d.options.begin(), d.options.end(),
                                     [](const auto& o) { return o.key == "packages"; });
  REQUIRE(packages != d.options.end());
  CHECK(packages->type == OptionType::boolean);
  CHECK(packages->default_value == true);
  CHECK_FALSE(packages->help.empty());
  for (const auto& option : d.options) {
    INFO(option.key);
    CHECK_FALSE(option.help.empty());
  }
  CHECK(d.make(options()) != nullptr);
}

TEST_CASE("system: capabilities say what was found, or why not", "[unit][system]") {
  auto collector = zt::system::descriptor().make(options());

  const auto debian = collector->capabilities(HostFs(fixture_host("debian12")));
  CHECK(debian.usable);
  CHECK(debian.reason == "os-release, dpkg database");

  const auto alpine = collector->capabilities(HostFs(fixture_host("alpine318")));
  CHECK(alpine.usable);
  CHECK(alpine.reason == "os-release, apk database");

  TempTree bare;
  bare.write("usr/lib/os-release", "ID=scratch\n");
  const auto os_only = collector->capabilities(HostFs(bare.root()));
  CHECK(os_only.usable);
  CHECK(os_only.reason == "os-release");

  TempTree empty;
  const auto none = collector->capabilities(HostFs(empty.root()));
  CHECK_FALSE(none.usable);
  CHECK(none.reason == "no /etc/os-release or /usr/lib/os-release (under " +
                           empty.root().string() + "): No such file or directory");

  TempTree odd;
  odd.mkdir("etc/os-release");
  const auto odd_result = collector->capabilities(HostFs(odd.root()));
  CHECK_FALSE(odd_result.usable);
  CHECK(odd_result.reason == "no /etc/os-release or /usr/lib/os-release (under " +
                                 odd.root().string() +
                                 "): /etc/os-release: not a regular file; "
                                 "/usr/lib/os-release: No such file or directory");
}

TEST_CASE("system: the debian12 fixture host", "[unit][system]") {
  const auto result = collect_at(fixture_host("debian12"));

  CHECK(result.problems == Strings{});
  CHECK(result.dependencies == debian12_deps());
  CHECK(result.inventory == json{{"os", kDebian12Os},
                                 {"ecosystem", "Debian:12"},
                                 {"kernel",
                                  {{"release", "6.1.0-28-amd64"},
                                   {"running", "6.1.0-28-amd64"},
                                   {"newest_installed", "6.1.0-30-amd64"},
                                   {"installed_from", "/var/lib/dpkg/status"}}},
                                 {"uptime_seconds", 864123},
                                 {"reboot_required", true},
                                 {"reboot_required_packages",
                                  {"linux-image-6.1.0-30-amd64", "libssl3"}},
                                 {"package_manager", "dpkg"},
                                 {"package_count", 11},
                                 {"eol",
                                  {{"status", "supported"},
                                   {"date", "2028-06-30"},
                                   {"release", "Debian 12 (bookworm)"},
                                   {"security_support_end", "2026-06-10"},
                                   {"note", nullptr}}},
                                 {"security_support", nullptr}});

  // Running 6.1.0-28 while 6.1.0-30 is installed, and the reboot flag: two findings.
  CHECK(finding_keys(result) == Strings{"kernel_outdated kernel", "reboot_required kernel"});
  const auto& kernel = result.findings[0];
  CHECK(kernel.severity == zt::model::Severity::medium);
  CHECK(kernel.fields.at("component_version") == "6.1.0-28-amd64");
  CHECK(kernel.metadata.at("newest_installed") == "6.1.0-30-amd64");
  CHECK(kernel.metadata.at("newest_evidence") == "linux-image-6.1.0-30-amd64 6.1.124-1");
  CHECK(kernel.metadata.at("installed") == json{"6.1.0-28-amd64", "6.1.0-30-amd64"});
  const auto& f = result.findings[1];
  CHECK(f.category == zt::model::Category::system);
  CHECK(f.severity == zt::model::Severity::medium);
  CHECK(f.risk_score == zt::model::default_risk_score(zt::model::Severity::medium));
  CHECK(f.title == "Reboot required to finish applying updates");
  CHECK(f.fingerprint.empty());
  CHECK(f.fields == json{{"vulnerability_type", "reboot_required"},
                         {"os_name", "Debian GNU/Linux"},
                         {"os_version", "12"},
                         {"component_name", "kernel"},
                         {"component_version", "6.1.0-28-amd64"}});
  CHECK(f.metadata == json{{"file", "/var/run/reboot-required"},
                           {"packages", {"linux-image-6.1.0-30-amd64", "libssl3"}}});
  CHECK_THAT(f.description, Catch::Contains("linux-image-6.1.0-30-amd64, libssl3"));
  CHECK_FALSE(f.remediation.empty());
  CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});
}

TEST_CASE("system: the alpine318 fixture host", "[unit][system]") {
  const auto result = collect_at(fixture_host("alpine318"));

  CHECK(result.problems == Strings{});
  // The origin (o:) is the source package, at the package's version.
  const auto apk = [](std::string name, std::string version, std::string license,
                      std::string origin) {
    return Dependency{std::move(name), version, "apk", "/lib/apk/db/installed",
                      std::move(license), std::move(origin), version, "x86_64", "Alpine:v3.18"};
  };
  CHECK(result.dependencies == Deps{
                                   apk("musl", "1.2.4-r2", "MIT", "musl"),
                                   apk("busybox", "1.36.1-r7", "GPL-2.0-only", "busybox"),
                                   apk("ca-certificates-bundle", "20240226-r0",
                                       "MPL-2.0 AND MIT", "ca-certificates"),
                                   apk("libcrypto3", "3.1.7-r0", "Apache-2.0", "openssl"),
                                   apk("libssl3", "3.1.7-r0", "Apache-2.0", "openssl"),
                               });
  CHECK(result.inventory == json{{"ecosystem", "Alpine:v3.18"},
                                 {"os",
                                  {{"id", "alpine"},
                                   {"id_like", json::array()},
                                   {"name", "Alpine Linux"},
                                   {"version_id", "3.18.9"},
                                   {"version_codename", nullptr},
                                   {"pretty_name", "Alpine Linux v3.18"}}},
                                 {"kernel",
                                  {{"release", "6.1.62-0-lts"},
                                   {"running", "6.1.62-0-lts"},
                                   {"newest_installed", nullptr},
                                   {"installed_from", nullptr}}},
                                 {"uptime_seconds", 3725},
                                 {"reboot_required", false},
                                 {"reboot_required_packages", json::array()},
                                 {"package_manager", "apk"},
                                 {"package_count", 5},
                                 {"eol",
                                  {{"status", "ended"},
                                   {"date", "2025-05-09"},
                                   {"release", "Alpine Linux 3.18"},
                                   {"security_support_end", nullptr},
                                   {"note", nullptr}}},
                                 {"security_support", nullptr}});
  // Alpine 3.18's branch ended on 2025-05-09, more than a year before kToday.
  CHECK(finding_keys(result) == Strings{"os_end_of_life alpine"});
  const auto& eol = result.findings[0];
  CHECK(eol.severity == zt::model::Severity::critical);
  CHECK(eol.fields == json{{"vulnerability_type", "os_end_of_life"},
                           {"os_name", "Alpine Linux"},
                           {"os_version", "3.18.9"},
                           {"component_name", "alpine"},
                           {"component_version", "3.18"},
                           {"eol_date", "2025-05-09"},
                           {"patch_available", false}});
  CHECK(eol.metadata.at("file") == "/etc/os-release");
  CHECK(eol.metadata.at("value") == "Alpine Linux v3.18");
  CHECK_THAT(eol.remediation,
             Catch::Contains("https://wiki.alpinelinux.org/wiki/Upgrading_Alpine"));

  // Before the branch's end: nothing.
  CHECK(collect_at(fixture_host("alpine318"), options(), "2024-12-01").findings.empty());
}

TEST_CASE("system: an rpm host's packages from its sqlite or Berkeley DB database",
          "[unit][system]") {
  const auto rpm_fixtures = std::filesystem::path(ZT_SOURCE_DIR) / "tests/fixtures/rpm";
  const std::string os_release =
      "ID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=\"9.3\"\n"
      "NAME=\"Rocky Linux\"\nPRETTY_NAME=\"Rocky Linux 9.3 (Blue Onyx)\"\n";
  // What rpm listed from the fixture databases (expected.txt, one line a package:
  // name|epoch|version|release|arch|sourcerpm|license), as the dependencies of a Rocky 9 host.
  const auto expected = [&](const std::string& location) {
    Deps deps;
    std::istringstream lines(zt::test::read_text(rpm_fixtures / "expected.txt"));
    for (std::string line; std::getline(lines, line);) {
      std::vector<std::string> f;
      std::istringstream fields(line);
      for (std::string field; std::getline(fields, field, '|');) f.push_back(field);
      REQUIRE(f.size() == 7);
      const std::string evr = (f[1] == "0" ? "" : f[1] + ":") + f[2] + "-" + f[3];
      deps.push_back({f[0], evr, "rpm", location, f[6], f[5], "", f[4], "Rocky Linux:9"});
    }
    std::sort(deps.begin(), deps.end(),
              [](const Dependency& a, const Dependency& b) { return a.name < b.name; });
    return deps;
  };
  for (const auto& [fixture, host_path] :
       {std::pair<std::string, std::string>{"sqlite/rpmdb.sqlite", "/var/lib/rpm/rpmdb.sqlite"},
        {"bdb/Packages", "/var/lib/rpm/Packages"}}) {
    INFO(fixture);
    TempTree host;
    host.write("etc/os-release", os_release);
    host.write(host_path.substr(1), zt::test::read_text(rpm_fixtures / fixture));
    auto result = collect_at(host.root());
    CHECK(result.problems == Strings{});
    std::sort(result.dependencies.begin(), result.dependencies.end(),
              [](const Dependency& a, const Dependency& b) { return a.name < b.name; });
    CHECK(result.dependencies == expected(host_path));
    CHECK(result.inventory.at("package_manager") == "rpm");
    CHECK(result.inventory.at("ecosystem") == "Rocky Linux:9");
  }
}

TEST_CASE("system: packages: false skips the package inventory", "[unit][system]") {
  const auto result = collect_at(fixture_host("debian12"), options({{"packages", false}}));
  CHECK(result.problems == Strings{});
  CHECK(result.dependencies.empty());
  CHECK(result.inventory.at("package_manager") == "dpkg");
  CHECK(result.inventory.at("package_count") == nullptr);
  CHECK(result.findings.size() == 1);
}

TEST_CASE("system: an unreadable dpkg status file is a problem, the rest is collected",
          "[unit][system]") {
  TempTree tree;
  tree.copy_from(fixture_host("debian12"));
  const std::filesystem::path status = tree.root() / "var/lib/dpkg/status";

  SECTION("a directory where the file should be") {
    std::filesystem::remove(status);
    std::filesystem::create_directory(status);
    const auto result = collect_at(tree.root());
    CHECK(result.problems ==
          Strings{"cannot read " + under(tree.root(), "/var/lib/dpkg/status") +
                  ": not a regular file"});
    CHECK(result.dependencies.empty());
    CHECK(result.inventory.at("package_manager") == "dpkg");
    CHECK(result.inventory.at("package_count") == nullptr);
    CHECK(result.inventory.at("os") == kDebian12Os);
    CHECK(result.inventory.at("kernel").at("release") == "6.1.0-28-amd64");
    CHECK(result.findings.size() == 1);
  }

  SECTION("larger than package_db_max_mib") {
    // A valid database of a little over 1 MiB: one more package with a long description.
    std::string text = zt::test::read_text(status);
    text += "Package: big-docs\nStatus: install ok installed\nArchitecture: all\n"
            "Version: 1.0\nDescription: large\n";
    for (int i = 0; i < 30000; ++i) text += " A line of a long description, to pad it out.\n";
    REQUIRE(text.size() > (std::size_t{1} << 20));
    tree.write("var/lib/dpkg/status", text);

    const auto capped = collect_at(tree.root(), options({{"package_db_max_mib", 1}}));
    CHECK(capped.problems == Strings{"cannot read " +
                                     under(tree.root(), "/var/lib/dpkg/status") +
                                     ": larger than the limit of 1048576 bytes"});
    CHECK(capped.dependencies.empty());
    CHECK(capped.inventory.at("os") == kDebian12Os);
    CHECK(capped.inventory.at("uptime_seconds") == 864123);
    CHECK(capped.findings.size() == 1);

    // The default cap (128 MiB) reads it.
    const auto uncapped = collect_at(tree.root());
    CHECK(uncapped.problems == Strings{});
    CHECK(uncapped.dependencies.size() == 12);
    CHECK(uncapped.dependencies.back() == Dependency{"big-docs", "1.0", "deb",
                                                     "/var/lib/dpkg/status", "", "big-docs",
                                                     "1.0", "all", "Debian:12"});
  }

  SECTION("not a dpkg database at all") {
    tree.write("var/lib/dpkg/status", "\x7f" "ELF binary garbage\n\x01\x02\x03\n");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{under(tree.root(), "/var/lib/dpkg/status") +
                                     ": no package records found; not a dpkg database?"});
    CHECK(result.inventory.at("package_count") == nullptr);
    CHECK(result.findings.size() == 1);
  }

  SECTION("some malformed stanzas: the good ones are kept and the rest reported") {
    std::string text = zt::test::read_text(status);
    text += "Status: install ok installed\nVersion: 1\n\n";
    tree.write("var/lib/dpkg/status", text);
    const auto result = collect_at(tree.root());
    CHECK(result.problems ==
          Strings{under(tree.root(), "/var/lib/dpkg/status") +
                  ": 1 malformed record(s) without a package name or status left out"});
    CHECK(result.dependencies == debian12_deps());
  }

  SECTION("an empty database is an empty inventory, not a problem") {
    tree.write("var/lib/dpkg/status", "");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{});
    CHECK(result.inventory.at("package_count") == 0);
  }
}

TEST_CASE("system: reboot flag under /run, with or without a package list", "[unit][system]") {
  TempTree tree;
  tree.copy_from(fixture_host("debian12"));
  std::filesystem::remove_all(tree.root() / "var/run");

  SECTION("no flag at all") {
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{});
    CHECK(finding_keys(result) == Strings{"kernel_outdated kernel"});
    CHECK(result.inventory.at("reboot_required") == false);
  }
  SECTION("/run/reboot-required and its .pkgs") {
    tree.write("run/reboot-required", "*** System restart required ***\n");
    tree.write("run/reboot-required.pkgs", "libc6\n");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{});
    CHECK(finding_keys(result) == Strings{"kernel_outdated kernel", "reboot_required libc6"});
    const auto* reboot = find_type(result, "reboot_required");
    REQUIRE(reboot != nullptr);
    CHECK(reboot->metadata == json{{"file", "/run/reboot-required"}, {"packages", {"libc6"}}});
    CHECK(result.inventory.at("reboot_required_packages") == json{"libc6"});
  }
  SECTION("/var/run a symlink to /run, as on Debian") {
    tree.symlink("/run", "var/run");
    tree.write("run/reboot-required", "");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{});
    const auto* reboot = find_type(result, "reboot_required");
    REQUIRE(reboot != nullptr);
    CHECK(reboot->metadata.at("file") == "/var/run/reboot-required");
    CHECK(result.inventory.at("reboot_required_packages") == json::array());
  }
  SECTION("an unreadable .pkgs is a problem; the finding is still made") {
    tree.write("run/reboot-required", "");
    tree.mkdir("run/reboot-required.pkgs");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{"cannot read " +
                                     under(tree.root(), "/run/reboot-required.pkgs") +
                                     ": not a regular file"});
    CHECK(finding_keys(result) == Strings{"kernel_outdated kernel", "reboot_required kernel"});
  }
}

TEST_CASE("system: os-release and /proc edge cases", "[unit][system]") {
  TempTree tree;
  tree.copy_from(fixture_host("alpine318"));

  SECTION("missing /proc files are unknown values, not problems") {
    std::filesystem::remove_all(tree.root() / "proc");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{});
    CHECK(result.inventory.at("kernel") == json{{"release", nullptr},
                                                {"running", nullptr},
                                                {"newest_installed", nullptr},
                                                {"installed_from", nullptr}});
    CHECK(result.inventory.at("uptime_seconds") == nullptr);
  }
  SECTION("garbage in /proc/uptime and an empty osrelease are problems") {
    tree.write("proc/uptime", "soon\n");
    tree.write("proc/sys/kernel/osrelease", "\n");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{under(tree.root(), "/proc/sys/kernel/osrelease") +
                                         ": empty",
                                     under(tree.root(), "/proc/uptime") +
                                         ": no uptime in \"soon\""});
    CHECK(result.inventory.at("uptime_seconds") == nullptr);
    CHECK(result.inventory.at("package_count") == 5);
  }
  SECTION("/usr/lib/os-release is the fallback when /etc/os-release is missing") {
    std::filesystem::rename(tree.root() / "etc/os-release", tree.root() / "usr-os-release");
    tree.mkdir("usr/lib");
    std::filesystem::rename(tree.root() / "usr-os-release", tree.root() / "usr/lib/os-release");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{});
    CHECK(result.inventory.at("os").at("id") == "alpine");
  }
  SECTION("an unreadable /etc/os-release is a problem even when the fallback is read") {
    tree.write("usr/lib/os-release", "ID=fallback\n");
    std::filesystem::remove(tree.root() / "etc/os-release");
    tree.mkdir("etc/os-release");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{"cannot read " + under(tree.root(), "/etc/os-release") +
                                     ": not a regular file"});
    CHECK(result.inventory.at("os").at("id") == "fallback");
  }
  SECTION("no os-release at all: a problem, and the rest is still collected") {
    std::filesystem::remove(tree.root() / "etc/os-release");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{"no /etc/os-release or /usr/lib/os-release (under " +
                                     tree.root().string() + "): No such file or directory"});
    CHECK(result.inventory.at("os") == nullptr);
    CHECK(result.inventory.at("package_count") == 5);
  }
}

TEST_CASE("system: an empty or missing root gives problems, never an exception",
          "[unit][system]") {
  TempTree tree;
  const auto missing_root = tree.root() / "does-not-exist";
  CollectResult result;
  REQUIRE_NOTHROW(result = collect_at(missing_root));
  CHECK(result.problems.size() == 1);
  CHECK(result.dependencies.empty());
  CHECK(result.findings.empty());
  CHECK(result.inventory.at("package_manager") == nullptr);
}

TEST_CASE("system: a stop request or a passed deadline ends the run early", "[unit][system]") {
  const HostFs fs(fixture_host("debian12"));
  auto collector = zt::system::descriptor().make(options());
  const Strings expected{
      "stopped before reading the kernel release: deadline passed or shutdown requested"};

  SECTION("stop requested") {
    std::stop_source stop;
    stop.request_stop();
    Context context(fs, std::chrono::steady_clock::now() + 60s, stop.get_token());
    const auto result = collector->collect(context);
    CHECK(result.problems == expected);
    CHECK(result.inventory.at("os") == kDebian12Os);
    CHECK(result.inventory.at("kernel").at("release") == nullptr);
    CHECK(result.dependencies.empty());
  }
  SECTION("deadline passed") {
    Context context(fs, std::chrono::steady_clock::now() - 1s, std::stop_token{});
    const auto result = collector->collect(context);
    CHECK(result.problems == expected);
    CHECK(result.findings.empty());
  }
}
