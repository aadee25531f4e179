#include "collectors/system/report.hpp"

#include <catch2/catch.hpp>

#include "schema-client/model/validation.hpp"

using nlohmann::json;
using zt::system::make_dependencies;
using zt::system::make_inventory;
using zt::system::make_reboot_finding;
using zt::system::OsRelease;
using zt::system::PackageManager;
using zt::system::RebootFlag;
using zt::system::Snapshot;

namespace {

Snapshot debian_snapshot() {
  Snapshot s;
  OsRelease os;
  os.id = "debian";
  os.name = "Debian GNU/Linux";
  os.version_id = "12";
  os.version_codename = "bookworm";
  os.pretty_name = "Debian GNU/Linux 12 (bookworm)";
  s.os = os;
  s.kernel_release = "6.1.0-28-amd64";
  s.uptime_seconds = 100;
  return s;
}

}  // namespace

TEST_CASE("inventory of an empty snapshot: every unknown is null", "[unit][report]") {
  CHECK(make_inventory(Snapshot{}) == json::parse(R"({
    "os": null, "ecosystem": null,
    "kernel": {"release": null, "running": null, "newest_installed": null,
               "installed_from": null},
    "uptime_seconds": null,
    "reboot_required": false, "reboot_required_packages": [],
    "package_manager": null, "package_count": null,
    "eol": {"status": "unknown", "date": null, "release": null,
            "security_support_end": null, "note": "no os-release: the release is unknown"},
    "security_support": null})"));
  CHECK(zt::system::make_findings(Snapshot{}).empty());
  CHECK(make_dependencies(Snapshot{}).empty());
  CHECK_FALSE(make_reboot_finding(Snapshot{}).has_value());
}

TEST_CASE("inventory: empty version fields of os-release are null", "[unit][report]") {
  Snapshot s;
  OsRelease os;
  os.id = "arch";
  os.id_like = {"archlinux"};
  s.os = os;
  s.package_manager = PackageManager::apk;
  s.packages = std::vector<zt::system::Package>{};
  CHECK(make_inventory(s) == json::parse(R"({
    "os": {"id": "arch", "id_like": ["archlinux"], "name": "Linux", "version_id": null,
           "version_codename": null, "pretty_name": "Linux"},
    "ecosystem": null,
    "kernel": {"release": null, "running": null, "newest_installed": null,
               "installed_from": null},
    "uptime_seconds": null,
    "reboot_required": false, "reboot_required_packages": [],
    "package_manager": "apk", "package_count": 0,
    "eol": {"status": "unknown", "date": null, "release": null,
            "security_support_end": null,
            "note": "arch (no VERSION_ID) is unknown to the end-of-life table"},
    "security_support": null})"));
}

TEST_CASE("dependencies carry the package format, the database's host path, the source "
          "package, the architecture and the release's ecosystem",
          "[unit][report]") {
  Snapshot s = debian_snapshot();
  s.package_manager = PackageManager::dpkg;
  s.package_database = "/var/lib/dpkg/status";
  s.packages = std::vector<zt::system::Package>{
      {"bsdutils", "1:2.38.1-5+deb12u3", "", "util-linux", "2.38.1-5+deb12u3", "amd64"}};
  CHECK(make_dependencies(s) ==
        std::vector<zt::model::Dependency>{{"bsdutils", "1:2.38.1-5+deb12u3", "deb",
                                            "/var/lib/dpkg/status", "", "util-linux",
                                            "2.38.1-5+deb12u3", "amd64", "Debian:12"}});
  CHECK(make_inventory(s).at("ecosystem") == "Debian:12");
  // A release OSV has no ecosystem for: the rest as before.
  s.os->id = "arch";
  s.package_manager = PackageManager::apk;
  s.package_database = "/lib/apk/db/installed";
  s.packages = std::vector<zt::system::Package>{
      {"musl", "1.2.4-r2", "MIT", "musl", "1.2.4-r2", "x86_64"}};
  CHECK(make_dependencies(s) ==
        std::vector<zt::model::Dependency>{{"musl", "1.2.4-r2", "apk", "/lib/apk/db/installed",
                                            "MIT", "musl", "1.2.4-r2", "x86_64", ""}});
  CHECK(make_inventory(s).at("ecosystem") == nullptr);
}

TEST_CASE("reboot finding after a kernel update", "[unit][report]") {
  Snapshot s = debian_snapshot();
  s.reboot = RebootFlag{"/run/reboot-required", {"libssl3", "linux-image-6.1.0-30-amd64"}};
  const auto finding = make_reboot_finding(s);
  REQUIRE(finding.has_value());
  CHECK(finding->category == zt::model::Category::system);
  CHECK(finding->severity == zt::model::Severity::medium);
  CHECK(finding->risk_score == 5.0);
  CHECK(finding->fingerprint.empty());
  CHECK(finding->title == "Reboot required to finish applying updates");
  CHECK(finding->fields == json{{"vulnerability_type", "reboot_required"},
                                {"os_name", "Debian GNU/Linux"},
                                {"os_version", "12"},
                                {"component_name", "kernel"},
                                {"component_version", "6.1.0-28-amd64"}});
  CHECK(finding->metadata ==
        json{{"file", "/run/reboot-required"},
             {"packages", {"libssl3", "linux-image-6.1.0-30-amd64"}}});
  CHECK_THAT(finding->description,
             Catch::Contains("libssl3, linux-image-6.1.0-30-amd64") &&
                 Catch::Contains("/run/reboot-required") &&
                 Catch::Contains("6.1.0-28-amd64"));
  CHECK_THAT(finding->remediation, Catch::Contains("reboot") &&
                                       Catch::Contains("uname -r") &&
                                       Catch::Contains("/run/reboot-required is gone"));
  CHECK(zt::model::finding_problems(*finding, "$").empty());
}

TEST_CASE("reboot finding for a library update names the first package", "[unit][report]") {
  Snapshot s = debian_snapshot();
  s.reboot = RebootFlag{"/var/run/reboot-required", {"libc6", "dbus"}};
  const auto finding = make_reboot_finding(s);
  REQUIRE(finding.has_value());
  CHECK(finding->fields.at("component_name") == "libc6");
  CHECK(finding->fields.at("component_version") == "6.1.0-28-amd64");
  CHECK(zt::model::finding_problems(*finding, "$").empty());
}

TEST_CASE("reboot finding with nothing else known is still valid", "[unit][report]") {
  Snapshot s;
  s.reboot = RebootFlag{"/var/run/reboot-required", {}};
  const auto finding = make_reboot_finding(s);
  REQUIRE(finding.has_value());
  CHECK(finding->fields ==
        json{{"vulnerability_type", "reboot_required"}, {"component_name", "kernel"}});
  CHECK_THAT(finding->description, Catch::Contains("not listed"));
  CHECK(finding->metadata.at("packages") == json::array());
  CHECK(zt::model::finding_problems(*finding, "$").empty());
  CHECK(make_inventory(s).at("reboot_required") == true);
}
