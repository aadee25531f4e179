// The findings of report.hpp beyond the reboot one: end of life at injected dates, the
// outdated kernel and Debian's security-support lists, on hand-made snapshots.
#include <catch2/catch.hpp>

#include "collectors/system/report.hpp"
#include "schema-client/model/validation.hpp"

using nlohmann::json;
using zt::model::Finding;
using zt::model::Severity;
using zt::system::Date;
using zt::system::InstalledKernels;
using zt::system::OsRelease;
using zt::system::Package;
using zt::system::PackageManager;
using zt::system::parse_iso_date;
using zt::system::ReportOptions;
using zt::system::Snapshot;

namespace {

Date day(const char* text) { return *parse_iso_date(text); }

Snapshot host(std::string id, std::string version_id, std::string name, const char* today) {
  Snapshot s;
  OsRelease os;
  os.id = std::move(id);
  os.version_id = std::move(version_id);
  os.name = std::move(name);
  os.pretty_name = os.name + " " + os.version_id;
  s.os = os;
  s.os_release_path = "/etc/os-release";
  s.today = day(today);
  return s;
}

Snapshot debian12(const char* today) { return host("debian", "12", "Debian GNU/Linux", today); }

void check_valid(const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    INFO(f.title);
    CHECK(zt::model::finding_problems(f, "$").empty());
    CHECK(f.fingerprint.empty());
    CHECK_FALSE(f.description.empty());
    CHECK_FALSE(f.remediation.empty());
    CHECK(f.risk_score == zt::model::default_risk_score(f.severity));
  }
}

}  // namespace

TEST_CASE("end of life: before, within 90 days, on the day, after, a year after", "[unit][eol]") {
  struct Case {
    const char* today;
    const char* status;
    std::optional<Severity> severity;
    const char* type;
  };
  // Debian 12's end of life (end of LTS) is 2028-06-30.
  const Case cases[] = {
      {"2026-11-26", "supported", std::nullopt, ""},
      {"2028-03-31", "supported", std::nullopt, ""},                           // 91 days before
      {"2028-04-01", "ending_soon", Severity::medium, "os_end_of_life_soon"},  // 90 days
      {"2028-06-30", "ending_soon", Severity::medium, "os_end_of_life_soon"},  // the last day
      {"2028-07-01", "ended", Severity::high, "os_end_of_life"},
      {"2029-06-30", "ended", Severity::high, "os_end_of_life"},      // 365 days past
      {"2029-07-01", "ended", Severity::critical, "os_end_of_life"},  // 366 days past
  };
  for (const Case& c : cases) {
    INFO(c.today);
    const Snapshot s = debian12(c.today);
    const json inventory = make_inventory(s);
    CHECK(inventory.at("eol").at("status") == c.status);
    CHECK(inventory.at("eol").at("date") == "2028-06-30");
    CHECK(inventory.at("eol").at("release") == "Debian 12 (bookworm)");
    CHECK(inventory.at("eol").at("security_support_end") == "2026-06-10");
    CHECK(inventory.at("eol").at("note") == nullptr);
    const auto finding = make_eol_finding(s);
    REQUIRE(finding.has_value() == c.severity.has_value());
    if (!finding) continue;
    CHECK(finding->severity == *c.severity);
    CHECK(finding->fields.at("vulnerability_type") == c.type);
    CHECK(finding->fields.at("component_name") == "debian");
    CHECK(finding->fields.at("component_version") == "12");
    CHECK(finding->fields.at("eol_date") == "2028-06-30");
    CHECK(finding->fields.at("os_name") == "Debian GNU/Linux");
    CHECK(finding->fields.at("os_version") == "12");
    CHECK(finding->fields.contains("patch_available") == (c.status == std::string("ended")));
    CHECK(finding->metadata.at("file") == "/etc/os-release");
    CHECK(finding->metadata.at("today") == c.today);
    CHECK_THAT(finding->remediation,
               Catch::Contains("Debian 13 (trixie)") &&
                   Catch::Contains("https://www.debian.org/releases/trixie/releasenotes"));
    check_valid({*finding});
  }
}

TEST_CASE("end of life: the warning window is an option", "[unit][eol]") {
  const Snapshot s = debian12("2028-01-01");  // 181 days before
  CHECK_FALSE(make_eol_finding(s).has_value());
  ReportOptions wide;
  wide.eol_warning_days = 200;
  REQUIRE(make_eol_finding(s, wide).has_value());
  CHECK(make_inventory(s, wide).at("eol").at("status") == "ending_soon");
  ReportOptions none;
  none.eol_warning_days = 0;
  CHECK_FALSE(make_eol_finding(debian12("2028-06-29"), none).has_value());
  CHECK(make_eol_finding(debian12("2028-06-30"), none).has_value());
}

TEST_CASE("end of life: one finding per family, and none for unknown releases", "[unit][eol]") {
  const auto eol_of = [](Snapshot s) {
    auto f = make_eol_finding(s);
    return f ? f->fields.at("vulnerability_type").get<std::string>() + " " +
                   f->fields.at("component_name").get<std::string>() + " " +
                   f->fields.at("component_version").get<std::string>() + " " +
                   f->fields.at("eol_date").get<std::string>() + " " +
                   std::string(to_string(f->severity))
             : std::string("none");
  };
  CHECK(eol_of(host("ubuntu", "18.04", "Ubuntu", "2023-06-01")) ==
        "os_end_of_life ubuntu 18.04 2023-05-31 high");
  CHECK(eol_of(host("ubuntu", "22.04", "Ubuntu", "2026-11-26")) == "none");
  CHECK(eol_of(host("rhel", "7.9", "Red Hat Enterprise Linux", "2026-11-26")) ==
        "os_end_of_life rhel 7 2024-06-30 critical");
  CHECK(eol_of(host("rocky", "9.4", "Rocky Linux", "2032-04-01")) ==
        "os_end_of_life_soon rocky 9 2032-05-31 medium");
  CHECK(eol_of(host("alpine", "3.18.9", "Alpine Linux", "2025-05-10")) ==
        "os_end_of_life alpine 3.18 2025-05-09 high");
  CHECK(eol_of(host("amzn", "2", "Amazon Linux", "2026-05-01")) ==
        "os_end_of_life_soon amzn 2 2026-06-30 medium");
  CHECK(eol_of(host("amzn", "2023", "Amazon Linux", "2026-11-26")) == "none");

  const Snapshot unknown = host("debian", "", "Debian GNU/Linux", "2026-11-26");
  CHECK(eol_of(unknown) == "none");
  CHECK(make_inventory(unknown).at("eol") ==
        json{{"status", "unknown"},
             {"date", nullptr},
             {"release", nullptr},
             {"security_support_end", nullptr},
             {"note", "debian (no VERSION_ID) is unknown to the end-of-life table"}});
  const Snapshot fedora = host("fedora", "40", "Fedora Linux", "2026-11-26");
  CHECK(make_inventory(fedora).at("eol").at("note") ==
        "fedora 40 is unknown to the end-of-life table");
  for (const Snapshot& s : {host("ubuntu", "18.04", "Ubuntu", "2030-01-01"),
                            host("alpine", "3.21.2", "Alpine", "2026-10-01"),
                            host("centos", "7", "CentOS Linux", "2026-11-26")})
    check_valid(zt::system::make_findings(s));
}

TEST_CASE("kernel: newer installed than running, compared as versions", "[unit][kernel]") {
  Snapshot s = debian12("2026-11-26");
  s.package_manager = PackageManager::dpkg;
  s.kernel_release = "6.1.0-9-amd64";
  s.installed_kernels =
      InstalledKernels{"/var/lib/dpkg/status",
                       {{"6.1.0-9-amd64", "linux-image-6.1.0-9-amd64 6.1.27-1"},
                        {"6.1.0-28-amd64", "linux-image-6.1.0-28-amd64 6.1.119-1"},
                        {"6.1.0-10-amd64", "linux-image-6.1.0-10-amd64 6.1.38-1"}}};
  const auto f = make_kernel_finding(s);
  REQUIRE(f.has_value());
  CHECK(f->severity == Severity::medium);
  CHECK(f->fields == json{{"vulnerability_type", "kernel_outdated"},
                          {"os_name", "Debian GNU/Linux"},
                          {"os_version", "12"},
                          {"component_name", "kernel"},
                          {"component_version", "6.1.0-9-amd64"},
                          {"patch_available", true}});
  CHECK(f->metadata == json{{"file", "/proc/sys/kernel/osrelease"},
                            {"value", "6.1.0-9-amd64"},
                            {"newest_installed", "6.1.0-28-amd64"},
                            {"newest_evidence", "linux-image-6.1.0-28-amd64 6.1.119-1"},
                            {"installed_from", "/var/lib/dpkg/status"},
                            {"installed", {"6.1.0-9-amd64", "6.1.0-28-amd64", "6.1.0-10-amd64"}}});
  CHECK_THAT(f->remediation, Catch::Contains("apt install linux-image-amd64") &&
                                 Catch::Contains("reboot") && Catch::Contains("uname -r"));
  check_valid({*f});
  CHECK(make_inventory(s).at("kernel") == json{{"release", "6.1.0-9-amd64"},
                                               {"running", "6.1.0-9-amd64"},
                                               {"newest_installed", "6.1.0-28-amd64"},
                                               {"installed_from", "/var/lib/dpkg/status"}});

  SECTION("running the newest: no finding") {
    s.kernel_release = "6.1.0-28-amd64";
    CHECK_FALSE(make_kernel_finding(s).has_value());
  }
  SECTION("running a newer one than any installed (a custom kernel): no finding") {
    s.kernel_release = "6.18.44-fc-v782";
    CHECK_FALSE(make_kernel_finding(s).has_value());
  }
  SECTION("running kernel unknown: no finding") {
    s.kernel_release.reset();
    CHECK_FALSE(make_kernel_finding(s).has_value());
  }
}

TEST_CASE("security support: ended, ending and limited packages", "[unit][support]") {
  Snapshot s = debian12("2026-11-26");
  s.package_manager = PackageManager::dpkg;
  s.packages = std::vector<Package>{
      {"libwolfssl35:amd64", "5.5.4-2+deb12u2", "", "wolfssl", "5.5.4-2+deb12u2", "amd64"},
      {"pdns-server", "4.7.3-2", "", "pdns", "4.7.3-2", "amd64"},
      {"suricata", "1:6.0.10-1", "", "suricata", "1:6.0.10-1", "amd64"},
      {"golang-1.19-go", "1.19.8-2", "", "golang-1.19", "1.19.8-2", "amd64"},
      {"golang-1.19-src", "1.19.8-2", "", "golang-1.19", "1.19.8-2", "all"},
      {"binutils", "2.40-2", "", "binutils", "2.40-2", "amd64"},
      {"bash", "5.2.15-2+b7", "", "", "", ""},
  };
  zt::system::SecuritySupportLists lists;
  lists.debian_major = "12";
  lists.ended_path = "/usr/share/debian-security-support/security-support-ended.deb12";
  lists.ended = zt::system::parse_security_support_ended(
      "wolfssl 5.5.4-2+deb12u2 2026-06-12 Crypto library difficult to support\n"
      "pdns 4.7.3-2 2025-10-01\n"
      "suricata 1:6.0.10-1 2027-04-30 Upstream support ended\n");  // still ahead
  lists.limited_path = "/usr/share/debian-security-support/security-support-limited";
  lists.limited = zt::system::parse_security_support_limited(
      "binutils Only suitable for trusted content\ngolang.* Statically linked\n");
  s.security_support = lists;

  const auto findings = make_security_support_findings(s);
  std::vector<std::string> seen;
  for (const Finding& f : findings)
    seen.push_back(f.fields.at("vulnerability_type").get<std::string>() + " " +
                   f.fields.at("component_name").get<std::string>() + " " +
                   std::string(to_string(f.severity)));
  CHECK(seen == std::vector<std::string>{
                    "package_security_support_ended libwolfssl35:amd64 medium",
                    "package_security_support_ended pdns-server medium",
                    "package_security_support_limited golang-1.19 low",
                    "package_security_support_limited binutils low",
                });
  check_valid(findings);
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].fields.at("eol_date") == "2026-06-12");
  CHECK(findings[0].fields.at("component_version") == "5.5.4-2+deb12u2");
  CHECK(findings[0].fields.at("patch_available") == false);
  CHECK(findings[0].metadata ==
        json{{"file", "/usr/share/debian-security-support/security-support-ended.deb12"},
             {"line", 1},
             {"value", "wolfssl 5.5.4-2+deb12u2 2026-06-12 Crypto library difficult to support"},
             {"source_package", "wolfssl"},
             {"last_supported_version", "5.5.4-2+deb12u2"},
             {"details", "Crypto library difficult to support"}});
  CHECK_THAT(findings[0].remediation, Catch::Contains("apt purge libwolfssl35:amd64"));
  CHECK(findings[2].metadata.at("packages") ==
        json{"golang-1.19-go 1.19.8-2", "golang-1.19-src 1.19.8-2"});
  CHECK(findings[2].metadata.at("line") == 2);
  CHECK(make_inventory(s).at("security_support") ==
        json{{"ended", 2},
             {"ending", 1},
             {"limited", 2},
             {"ended_list", "/usr/share/debian-security-support/security-support-ended.deb12"},
             {"limited_list", "/usr/share/debian-security-support/security-support-limited"}});

  SECTION("limited_security_support: false leaves the limited list out") {
    ReportOptions options;
    options.limited_security_support = false;
    CHECK(make_security_support_findings(s, options).size() == 2);
  }
  SECTION("on the day the support ends, it has ended") {
    s.today = day("2027-04-30");
    CHECK(make_inventory(s).at("security_support").at("ended") == 3);
  }
  SECTION("without the limited list") {
    s.security_support->limited.reset();
    CHECK(make_security_support_findings(s).size() == 2);
    CHECK(make_inventory(s).at("security_support").at("limited") == nullptr);
  }
}
