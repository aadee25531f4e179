// Every parser of the system collector on random and truncated input (tests/support/fuzz.hpp):
// it must return, never throw, and (under ASan) never touch memory it should not.
#include "tests/support/fuzz.hpp"

#include <catch2/catch.hpp>

#include "collectors/core/os_release.hpp"
#include "collectors/readers/apk_installed.hpp"
#include "collectors/system/civil_date.hpp"
#include "collectors/readers/dpkg_status.hpp"
#include "collectors/system/eol_table.hpp"
#include "collectors/system/kernels.hpp"
#include "collectors/system/proc_info.hpp"
#include "collectors/system/reboot_required.hpp"
#include "collectors/system/security_support.hpp"
#include "schema-client/vuln/version_dpkg.hpp"
#include "tests/support/temp_tree.hpp"

using zt::test::fixture_host;
using zt::test::fuzz_text;
using zt::test::read_text;

namespace zs = zt::system;

TEST_CASE("fuzz: os-release, and the end-of-life lookup of what it gives", "[unit][fuzz]") {
  const std::string seed = read_text(fixture_host("debian12") / "usr/lib/os-release") +
                           "ID_LIKE=\"rhel centos\"\nVERSION_ID='9.4'\n";
  std::size_t known = 0;
  fuzz_text(seed, [&](const std::string& text) {
    const zt::collector::OsRelease os = zt::collector::parse_os_release(text);
    (void)zt::collector::parse_shell_value(text);
    (void)zs::eol_release_key(os);
    if (zs::find_eol_release(os)) ++known;
  });
  CHECK(known > 0);  // the untouched truncations still name a known release
}

TEST_CASE("fuzz: dpkg status", "[unit][fuzz]") {
  fuzz_text(read_text(fixture_host("sys-weak") / "var/lib/dpkg/status"),
            [](const std::string& text) {
              const zt::readers::DpkgStatus status = zt::readers::parse_dpkg_status(text);
              (void)zt::readers::installed_packages(status);
              for (const zt::readers::DpkgEntry& e : status.entries) {
                (void)zt::readers::source_package_name(e);
                (void)zs::kernel_release_of_deb(e.package);
              }
            });
}

TEST_CASE("fuzz: apk installed", "[unit][fuzz]") {
  fuzz_text(read_text(fixture_host("alpine318") / "lib/apk/db/installed") +
                "\nP:linux-lts\nV:6.1.62-r0\n",
            [](const std::string& text) {
              for (const zt::readers::ApkPackage& p : zt::readers::parse_apk_installed(text).packages)
                (void)zs::kernel_release_of_apk(p.name, p.version);
            });
}

TEST_CASE("fuzz: /proc files and the reboot-required list", "[unit][fuzz]") {
  fuzz_text("6.1.0-28-amd64\n", [](const std::string& text) {
    if (auto release = zs::parse_kernel_release(text)) {
      (void)zs::deb_kernel_meta_package(*release);
      (void)zt::vuln::compare_dpkg(*release, "6.1.0-30-amd64");
    }
  });
  fuzz_text("864123.45 1702210.67\n",
            [](const std::string& text) { (void)zs::parse_uptime_seconds(text); });
  fuzz_text(read_text(fixture_host("sys-weak") / "var/run/reboot-required.pkgs"),
            [](const std::string& text) { (void)zs::parse_reboot_required_packages(text); });
}

TEST_CASE("fuzz: debian-security-support lists and their patterns", "[unit][fuzz]") {
  const auto dir = fixture_host("sys-weak") / "usr/share/debian-security-support";
  fuzz_text(read_text(dir / "security-support-ended.deb10"), [](const std::string& text) {
    for (const auto& e : zs::parse_security_support_ended(text).entries)
      (void)zs::SourcePattern(e.pattern).matches("xen");
  });
  fuzz_text(read_text(dir / "security-support-limited"), [](const std::string& text) {
    for (const auto& e : zs::parse_security_support_limited(text).entries)
      (void)zs::SourcePattern(e.pattern).matches("golang-1.19");
  });
}

TEST_CASE("fuzz: version comparison, kernel names and dates", "[unit][fuzz]") {
  fuzz_text(
      "1:2.38.1-5+deb12u3 2.38.1~rc1-5\n",
      [](const std::string& text) {
        const std::size_t half = text.size() / 2;
        const std::string a = text.substr(0, half);
        const std::string b = text.substr(half);
        const int ab = zt::vuln::compare_dpkg(a, b);
        const int ba = zt::vuln::compare_dpkg(b, a);
        CHECK((ab < 0) == (ba > 0));
        (void)zs::kernel_release_of_boot_file(text);
        (void)zs::kernel_release_of_apk("linux-lts", text);
      },
      1000);
  fuzz_text("2024-06-30", [](const std::string& text) {
    if (auto date = zs::parse_iso_date(text)) CHECK(zs::format_iso_date(*date) == text);
  });
}
