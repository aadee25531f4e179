// A host's inventory (a batch's dependencies) into findings: the Debian 12 package list of
// data/match against its OSV records, one finding per (package, CVE), exactly the expected
// set; the risk score and severity from CVSS, KEV and EPSS as cve_intel.hpp documents them;
// dependencies without an ecosystem are not matched.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "schema-client/vuln/package_findings.hpp"
#include "tests/schema-client/vuln/match_data.hpp"

using namespace zt::vuln;
using namespace zt::vuln::test;

namespace {

std::vector<zt::model::Dependency> dependencies_of(const std::string& ecosystem) {
  std::vector<zt::model::Dependency> deps;
  for (const InstalledPackage& p : debian12_packages())
    deps.push_back({p.name, p.version, "deb", "/var/lib/dpkg/status", "", p.source_name,
                    p.source_version, p.arch, ecosystem});
  return deps;
}

const zt::model::Finding& find(const std::vector<zt::model::Finding>& findings,
                               const std::string& package, const std::string& cve) {
  for (const auto& f : findings)
    if (f.fields.at("component_name") == package && f.fields.at("cve_id") == cve) return f;
  FAIL("no finding for " << package << " " << cve);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("package findings: one per package and CVE on the Debian 12 host", "[unit]") {
  const Index index = index_of("debian");
  const auto findings = package_vulnerability_findings(index, dependencies_of("Debian:12"), {});

  using Row = std::tuple<std::string, std::string, bool>;  // package, CVE, patch available
  std::set<Row> rows;
  for (const auto& f : findings) {
    CHECK(f.category == zt::model::Category::system);
    CHECK(f.fields.at("vulnerability_type") == "package_vulnerability");
    rows.emplace(f.fields.at("component_name"), f.fields.at("cve_id"),
                 f.fields.at("patch_available"));
  }
  CHECK(rows.size() == findings.size());
  CHECK(rows == std::set<Row>{
                    {"base-files", "CVE-2099-0401", false},
                    {"curl", "CVE-2099-0302", true},
                    {"libc-bin", "CVE-2023-4911", true},
                    {"libc6", "CVE-2023-4911", true},
                    {"liblzma5", "CVE-2025-31115", true},
                    {"libssl3", "CVE-2023-5363", true},
                    {"linux-image-6.1.0-13-amd64", "CVE-2099-0101", true},
                    {"openssl", "CVE-2023-5363", true},
                    {"xz-utils", "CVE-2025-31115", true},
                    {"zlib1g", "CVE-2099-0201", false},
                });

  const auto& libssl = find(findings, "libssl3", "CVE-2023-5363");
  CHECK(libssl.title == "CVE-2023-5363 in libssl3 " + libssl.fields.at("component_version").get<std::string>());
  CHECK(libssl.remediation ==
        "Upgrade openssl to 3.0.11-1~deb12u2 or later (installed here as libssl3)");
  CHECK(libssl.metadata.at("record_ids") == nlohmann::json{"DSA-5532-1"});
  CHECK(libssl.metadata.at("ecosystem") == "Debian:12");
  CHECK(libssl.metadata.at("source_name") == "openssl");
  const auto& zlib = find(findings, "zlib1g", "CVE-2099-0201");
  CHECK(zlib.remediation.starts_with("No fixed version of zlib is published for Debian:12 yet"));
  CHECK_FALSE(zlib.fields.contains("patch_url"));
}

TEST_CASE("package findings: severity and risk from CVSS, KEV and EPSS", "[unit]") {
  const Index index = index_of("debian");
  CveIntel intel;
  zt::feeds::CveRecord glibc;
  glibc.id = "CVE-2023-4911";
  glibc.cvss_v3 = zt::feeds::Cvss{7.8, "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "HIGH"};
  intel.add(std::vector<zt::feeds::CveRecord>{glibc});
  zt::feeds::KevEntry kev;
  kev.cve = "CVE-2023-4911";
  kev.date_added = "2023-11-21";
  intel.add(std::vector<zt::feeds::KevEntry>{kev});
  intel.add(std::vector<zt::feeds::EpssEntry>{{"CVE-2023-5363", 0.5, 0.9},
                                              {"CVE-2025-31115", 0.02, 0.3}});
  const auto findings = package_vulnerability_findings(index, dependencies_of("Debian:12"), intel);

  // Scored 7.8 by NVD, in KEV: high, risk raised to 9.0.
  const auto& libc = find(findings, "libc6", "CVE-2023-4911");
  CHECK(libc.severity == zt::model::Severity::high);
  CHECK(libc.risk_score == 9.0);
  CHECK(libc.metadata.at("cvss_score") == 7.8);
  CHECK(libc.metadata.at("cvss").at("source") == "nvd");
  CHECK(libc.metadata.at("kev").at("date_added") == "2023-11-21");
  // Unscored: medium, 5.0 × (1 + 0.5).
  const auto& openssl = find(findings, "openssl", "CVE-2023-5363");
  CHECK(openssl.severity == zt::model::Severity::medium);
  CHECK(openssl.risk_score == 7.5);
  CHECK(openssl.metadata.at("epss").at("score") == 0.5);
  CHECK_FALSE(openssl.metadata.contains("cvss"));
  // 5.0 × 1.02 = 5.1.
  CHECK(find(findings, "xz-utils", "CVE-2025-31115").risk_score == 5.1);

  // In KEV with ransomware use: critical.
  kev.known_ransomware = true;
  intel.add(std::vector<zt::feeds::KevEntry>{kev});
  const auto again = package_vulnerability_findings(index, dependencies_of("Debian:12"), intel);
  CHECK(find(again, "libc6", "CVE-2023-4911").severity == zt::model::Severity::critical);
}

TEST_CASE("package findings: no ecosystem matches nothing, another release its own entries", "[unit]") {
  const Index index = index_of("debian");
  CHECK(package_vulnerability_findings(index, dependencies_of(""), {}).empty());
  CHECK(package_vulnerability_findings(index, dependencies_of("PyPI"), {}).empty());
  // Reported as Debian 11, the same list is compared with Debian 11's entries only: openssl's
  // (introduced 0), not Debian 12's fix of CVE-2023-5363; glibc's Debian 11 fix is below it.
  std::set<std::pair<std::string, std::string>> rows;
  for (const auto& f : package_vulnerability_findings(index, dependencies_of("Debian:11"), {}))
    rows.emplace(f.fields.at("component_name"), f.fields.at("cve_id"));
  CHECK(rows == std::set<std::pair<std::string, std::string>>{{"libssl3", "CVE-2099-0011"},
                                                              {"openssl", "CVE-2099-0011"}});
}
