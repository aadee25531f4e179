// The collector on the sys-hardened and sys-weak fixture hosts (exact findings, at injected
// dates), and the kernel and security-support sources on modified trees.
#include <catch2/catch.hpp>

#include "collectors/system/system_collector.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/collector_harness.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::collector::CollectResult;
using zt::collector::Context;
using zt::collector::HostFs;
using zt::collector::OptionValues;
using zt::model::Severity;
using zt::test::fixture_host;
using zt::test::TempTree;
using Strings = std::vector<std::string>;

namespace {

OptionValues options(const json& overrides = json::object()) {
  return zt::test::options_of(zt::system::descriptor(), overrides);
}

CollectResult collect_on(const std::filesystem::path& root, const char* today,
                         const OptionValues& values = options()) {
  const zt::system::Date date = *zt::system::parse_iso_date(today);
  return zt::test::collect_at(*zt::system::make_collector(values, [date] { return date; }), root);
}

// "<type> <component_name> <severity>" of each finding, in order; every finding valid.
Strings keys(const CollectResult& result) {
  Strings out;
  for (const auto& f : result.findings) {
    INFO(f.title);
    CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});
    CHECK(f.fingerprint.empty());
    CHECK_FALSE(f.remediation.empty());
    CHECK(f.metadata.contains("file"));
    out.push_back(f.fields.at("vulnerability_type").get<std::string>() + " " +
                  f.fields.at("component_name").get<std::string>() + " " +
                  std::string(zt::model::to_string(f.severity)));
  }
  return out;
}

}  // namespace

TEST_CASE("system: the descriptor declares the new options", "[unit][system]") {
  const auto d = zt::system::descriptor();
  const auto find = [&](std::string_view key) {
    return std::find_if(d.options.begin(), d.options.end(),
                        [&](const auto& o) { return o.key == key; });
  };
  REQUIRE(find("eol_warning_days") != d.options.end());
  CHECK(find("eol_warning_days")->default_value == 90);
  CHECK(find("eol_warning_days")->min == 0);
  CHECK(find("eol_warning_days")->max == 730);
  REQUIRE(find("limited_security_support") != d.options.end());
  CHECK(find("limited_security_support")->default_value == true);
}

TEST_CASE("system: sys-hardened gives no findings", "[unit][system]") {
  const auto root = fixture_host("sys-hardened");
  const auto result = collect_on(root, "2026-11-26");
  CHECK(result.problems == Strings{});
  CHECK(keys(result) == Strings{});
  CHECK(result.dependencies.size() == 9);
  CHECK(result.inventory.at("kernel") == json{{"release", "6.1.0-40-amd64"},
                                              {"running", "6.1.0-40-amd64"},
                                              {"newest_installed", "6.1.0-40-amd64"},
                                              {"installed_from", "/var/lib/dpkg/status"}});
  CHECK(result.inventory.at("reboot_required") == false);
  CHECK(result.inventory.at("eol").at("status") == "supported");
  CHECK(result.inventory.at("security_support") ==
        json{{"ended", 0},
             {"ending", 0},
             {"limited", 0},
             {"ended_list", "/usr/share/debian-security-support/security-support-ended.deb12"},
             {"limited_list", "/usr/share/debian-security-support/security-support-limited"}});

  SECTION("91 days before the end of Debian 12 LTS: still nothing") {
    CHECK(keys(collect_on(root, "2028-03-31")) == Strings{});
  }
  SECTION("within 90 days of it: the end of life is near") {
    const auto soon = collect_on(root, "2028-05-15");
    CHECK(keys(soon) == Strings{"os_end_of_life_soon debian medium"});
    CHECK(soon.findings[0].fields.at("eol_date") == "2028-06-30");
    CHECK(soon.findings[0].metadata.at("days_left") == 46);
    CHECK(soon.inventory.at("eol").at("status") == "ending_soon");
  }
  SECTION("after it: ended, then critical a year on") {
    CHECK(keys(collect_on(root, "2028-07-01")) == Strings{"os_end_of_life debian high"});
    CHECK(keys(collect_on(root, "2029-07-01")) == Strings{"os_end_of_life debian critical"});
  }
  SECTION("eol_as_of replaces the clock, and a day that is not YYYY-MM-DD is refused") {
    CHECK(keys(collect_on(root, "2026-11-26", options({{"eol_as_of", "2028-07-01"}}))) ==
          Strings{"os_end_of_life debian high"});
    CHECK_THROWS_WITH(collect_on(root, "2026-11-26", options({{"eol_as_of", "2028-7-1"}})),
                      "eol_as_of: expected a day as YYYY-MM-DD, got "
                      "\"2028-7-1\"");
  }
  SECTION("eol_warning_days widens the window") {
    CHECK(keys(collect_on(root, "2027-12-01", options({{"eol_warning_days", 365}}))) ==
          Strings{"os_end_of_life_soon debian medium"});
  }
}

TEST_CASE("system: sys-weak fires every check", "[unit][system]") {
  const auto result = collect_on(fixture_host("sys-weak"), "2026-11-26");
  CHECK(result.problems == Strings{});
  CHECK(keys(result) == Strings{
                            "os_end_of_life debian critical",
                            "kernel_outdated kernel medium",
                            "reboot_required kernel medium",
                            "package_security_support_ended chromium medium",
                            "package_security_support_ended libxenstore3.0:amd64 medium",
                            "package_security_support_ended xen-hypervisor-4.11-amd64 medium",
                            "package_security_support_limited binutils low",
                        });
  REQUIRE(result.findings.size() == 7);

  const auto& eol = result.findings[0];
  CHECK(eol.fields == json{{"vulnerability_type", "os_end_of_life"},
                           {"os_name", "Debian GNU/Linux"},
                           {"os_version", "10"},
                           {"component_name", "debian"},
                           {"component_version", "10"},
                           {"eol_date", "2024-06-30"},
                           {"patch_available", false}});
  CHECK(eol.metadata.at("security_support_end") == "2022-09-10");
  CHECK_THAT(eol.remediation, Catch::Contains("Debian 11 (bullseye)") &&
                                  Catch::Contains("https://www.debian.org/releases/bullseye/"
                                                  "releasenotes"));

  const auto& kernel = result.findings[1];
  CHECK(kernel.fields.at("component_version") == "4.19.0-20-amd64");
  CHECK(kernel.metadata.at("newest_installed") == "4.19.0-27-amd64");
  CHECK_THAT(kernel.remediation, Catch::Contains("apt install linux-image-amd64"));

  const auto& chromium = result.findings[3];
  CHECK(chromium.fields.at("component_version") == "90.0.4430.212-1~deb10u1");
  CHECK(chromium.fields.at("eol_date") == "2022-01-14");
  CHECK(chromium.metadata.at("file") ==
        "/usr/share/debian-security-support/security-support-ended.deb10");
  CHECK(chromium.metadata.at("line") == 9);
  CHECK(chromium.metadata.at("source_package") == "chromium");
  CHECK(result.findings[4].metadata.at("source_package") == "xen");

  const auto& binutils = result.findings[6];
  CHECK(binutils.metadata.at("packages") ==
        json{"binutils 2.31.1-16", "libbinutils:amd64 2.31.1-16"});
  CHECK(result.inventory.at("security_support").at("ended") == 3);
  CHECK(result.inventory.at("security_support").at("limited") == 1);

  SECTION("limited_security_support: false drops the low finding") {
    const auto quieter = collect_on(fixture_host("sys-weak"), "2026-11-26",
                                    options({{"limited_security_support", false}}));
    CHECK(quieter.findings.size() == 6);
  }
  SECTION("before Debian 10's end of LTS: no end-of-life finding") {
    const auto earlier = collect_on(fixture_host("sys-weak"), "2023-01-01");
    CHECK(keys(earlier).front() == "kernel_outdated kernel medium");
    CHECK(earlier.findings.size() == 6);
  }
}

TEST_CASE("system: sys-centos7, a RHEL-like host past its end of life", "[unit][system]") {
  const auto result = collect_on(fixture_host("sys-centos7"), "2026-11-26");
  CHECK(result.problems == Strings{});
  CHECK(keys(result) == Strings{"os_end_of_life centos critical"});
  CHECK(result.findings.at(0).fields.at("eol_date") == "2024-06-30");
  CHECK(result.findings.at(0).metadata.at("matched_by") == "ID");
  // Its /boot kernels need rpm's ordering (out of scope): not compared, not listed.
  CHECK(result.inventory.at("kernel").at("newest_installed") == nullptr);
  CHECK(result.inventory.at("package_manager") == nullptr);
  CHECK(result.dependencies.empty());
  // Before CentOS 7's end: nothing at all.
  CHECK(keys(collect_on(fixture_host("sys-centos7"), "2024-01-01")) == Strings{});
}

TEST_CASE("system: installed kernels from /boot and /lib/modules when packages name none",
          "[unit][system]") {
  TempTree tree;
  tree.copy_from(fixture_host("alpine318"));  // apk, no linux-* package, runs 6.1.62-0-lts

  SECTION("apk linux-lts package") {
    std::string db = zt::test::read_text(tree.root() / "lib/apk/db/installed");
    db += "\nP:linux-lts\nV:6.1.70-r0\nA:x86_64\nL:GPL-2.0-only\n";
    tree.write("lib/apk/db/installed", db);
    const auto result = collect_on(tree.root(), "2024-12-01");
    CHECK(keys(result) == Strings{"kernel_outdated kernel medium"});
    CHECK(result.inventory.at("kernel").at("newest_installed") == "6.1.70-0-lts");
    CHECK(result.inventory.at("kernel").at("installed_from") == "/lib/apk/db/installed");
    CHECK_THAT(result.findings.at(0).remediation, Catch::Contains("apk upgrade"));
  }
  SECTION("/boot/vmlinuz-<release>") {
    tree.write("boot/vmlinuz-6.1.62-0-lts", "");
    tree.write("boot/vmlinuz-6.1.90-0-lts", "");
    tree.write("boot/vmlinuz-lts", "");
    tree.write("lib/modules/6.1.99-0-lts/modules.dep", "");  // /boot wins
    const auto result = collect_on(tree.root(), "2024-12-01");
    CHECK(keys(result) == Strings{"kernel_outdated kernel medium"});
    CHECK(result.findings.at(0).metadata.at("newest_evidence") == "/boot/vmlinuz-6.1.90-0-lts");
    CHECK(result.inventory.at("kernel").at("installed_from") == "/boot");
  }
  SECTION("/lib/modules/<release> with a modules.dep; leftovers without one ignored") {
    tree.write("lib/modules/6.1.62-0-lts/modules.dep", "");
    tree.mkdir("lib/modules/6.1.99-0-lts");  // removed kernel's leftover
    auto result = collect_on(tree.root(), "2024-12-01");
    CHECK(keys(result) == Strings{});
    CHECK(result.inventory.at("kernel").at("newest_installed") == "6.1.62-0-lts");
    tree.write("lib/modules/6.1.80-0-lts/modules.dep", "");
    result = collect_on(tree.root(), "2024-12-01");
    CHECK(keys(result) == Strings{"kernel_outdated kernel medium"});
    CHECK(result.inventory.at("kernel").at("installed_from") == "/lib/modules");
  }
  SECTION("a /boot that is not a folder is a problem; /lib/modules is still looked at") {
    tree.write("boot", "not a folder\n");
    tree.write("lib/modules/6.1.80-0-lts/modules.dep", "");
    const auto result = collect_on(tree.root(), "2024-12-01");
    REQUIRE(result.problems.size() == 1);
    CHECK_THAT(result.problems[0], Catch::StartsWith("cannot list /boot (under "));
    CHECK(keys(result) == Strings{"kernel_outdated kernel medium"});
  }
}

TEST_CASE("system: the security-support lists are optional, bad lines are a problem",
          "[unit][system]") {
  TempTree tree;
  tree.copy_from(fixture_host("sys-weak"));
  const std::string dir = "usr/share/debian-security-support/";

  SECTION("no lists: no such findings, security_support null") {
    std::filesystem::remove_all(tree.root() / dir);
    const auto result = collect_on(tree.root(), "2026-11-26");
    CHECK(result.problems == Strings{});
    CHECK(result.findings.size() == 3);
    CHECK(result.inventory.at("security_support") == nullptr);
  }
  SECTION("a list for another release only: nothing ended") {
    std::filesystem::rename(tree.root() / (dir + "security-support-ended.deb10"),
                            tree.root() / (dir + "security-support-ended.deb11"));
    const auto result = collect_on(tree.root(), "2026-11-26");
    CHECK(result.inventory.at("security_support").at("ended") == nullptr);
    CHECK(result.inventory.at("security_support").at("limited") == 1);
  }
  SECTION("malformed lines are reported, the good ones used") {
    tree.write(dir + "security-support-ended.deb10",
               "chromium 90.0 2022-01-14\nxen 4.11 someday\n");
    const auto result = collect_on(tree.root(), "2026-11-26");
    CHECK(result.problems ==
          Strings{"/usr/share/debian-security-support/security-support-ended.deb10 (under " +
                  tree.root().string() +
                  "): 1 line(s) without a package, a version and a YYYY-MM-DD date left out"});
    CHECK(result.inventory.at("security_support").at("ended") == 1);
  }
  SECTION("not a Debian host: the lists are not read") {
    tree.write("etc/os-release", "ID=ubuntu\nVERSION_ID=\"18.04\"\nNAME=Ubuntu\n");
    const auto result = collect_on(tree.root(), "2026-11-26");
    CHECK(result.inventory.at("security_support") == nullptr);
    CHECK(keys(result) == Strings{"os_end_of_life ubuntu critical", "kernel_outdated kernel medium",
                                  "reboot_required kernel medium"});
  }
}
