// The matcher on OSV records (data/match/, sources in its README.md: two real Debian records
// cut down, the rest hand-made in the shape of the real ones) and a Debian 12 host's package
// list with exactly the expected (package, record, CVE, fixed version) set; an Alpine and an
// rpm case on hand-made records; OSV's range evaluation on records made here.
#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "schema-client/vuln/match.hpp"
#include "tests/schema-client/vuln/match_data.hpp"

using namespace zt::vuln;
using namespace zt::vuln::test;

namespace {

using Row = std::tuple<std::string, std::string, std::string, std::string>;

// (package, record, CVE ids joined by ' ', fixed version) of each match, in the matcher's order.
std::vector<Row> rows_of(const std::vector<Match>& matches) {
  std::vector<Row> rows;
  for (const Match& m : matches) {
    std::string cves;
    for (const std::string& cve : m.cve_ids) cves += (cves.empty() ? "" : " ") + cve;
    rows.emplace_back(m.package, m.record_id, cves, m.fixed_version);
  }
  return rows;
}

const Match& find_match(const std::vector<Match>& matches, std::string_view package) {
  for (const Match& m : matches) {
    if (m.package == package) return m;
  }
  FAIL("no match for " << package);
  throw std::logic_error("unreachable");
}

const HostEcosystem kDebian12{"Debian:12", VersionScheme::dpkg};

}  // namespace

TEST_CASE("match: a Debian 12 host gets exactly the expected records", "[unit]") {
  const Index index = index_of("debian");
  CHECK(index.skipped_ranges() == 1);  // the SEMVER range

  const auto matches = match(index, kDebian12, debian12_packages());
  // Not there: DEBIAN-CVE-2024-3094 (no Debian 12 entry: bookworm never had xz 5.6), the
  // Debian 11 and bare "Debian" entries, the withdrawn record, the binary names (libssl3 and
  // the kernel image have sources), linux for linux-base and openssl for python3-openssl
  // (other sources), curl's fix below the backport, and zlib's fix without an epoch.
  CHECK(rows_of(matches) == std::vector<Row>{
                                {"base-files", "ZT-TEST-BASE-FILES", "CVE-2099-0401", ""},
                                {"curl", "ZT-TEST-CURL-BPO", "CVE-2099-0302", "8.5.0-2"},
                                {"libc-bin", "DSA-5514-1", "CVE-2023-4911", "2.36-9+deb12u3"},
                                {"libc6", "DSA-5514-1", "CVE-2023-4911", "2.36-9+deb12u3"},
                                {"liblzma5", "DEBIAN-CVE-2025-31115", "CVE-2025-31115", "5.4.1-1"},
                                {"libssl3", "DSA-5532-1", "CVE-2023-5363", "3.0.11-1~deb12u2"},
                                {"linux-image-6.1.0-13-amd64", "ZT-TEST-LINUX", "CVE-2099-0101",
                                 "6.1.76-1"},
                                {"openssl", "DSA-5532-1", "CVE-2023-5363", "3.0.11-1~deb12u2"},
                                {"xz-utils", "DEBIAN-CVE-2025-31115", "CVE-2025-31115", "5.4.1-1"},
                                {"zlib1g", "ZT-TEST-ZLIB", "CVE-2099-0201", ""},
                            });

  // Each match says why.
  const Match& kernel = find_match(matches, "linux-image-6.1.0-13-amd64");
  CHECK(kernel == Match{"linux-image-6.1.0-13-amd64", "amd64", "6.1.55-1", "linux", "6.1.55-1",
                        "ZT-TEST-LINUX", {"CVE-2099-0101"}, "introduced 0, fixed 6.1.76-1",
                        "6.1.76-1", kernel.record});
  for (const Match& m : matches) CHECK(index.record(m.record).id == m.record_id);
  CHECK(find_match(matches, "liblzma5").source_name == "xz-utils");
  CHECK(find_match(matches, "liblzma5").range == "introduced 0, fixed 5.4.1-1");
  CHECK(find_match(matches, "zlib1g").range == "introduced 0, last_affected 1:1.2.13.dfsg-1");
  CHECK(find_match(matches, "curl").range == "introduced 8.0.0-1, fixed 8.5.0-2");
  CHECK(find_match(matches, "base-files").range == "listed in versions");
  CHECK(find_match(matches, "base-files").source_name == "base-files");
}

TEST_CASE("match: the same records on a Debian 11 host give Debian 11's entries only", "[unit]") {
  const Index index = index_of("debian");
  const std::vector<InstalledPackage> packages{
      {"libssl1.1", "1.1.1n-0+deb11u5", "openssl", "1.1.1n-0+deb11u5", "amd64"},
      {"libc6", "2.31-13+deb11u7", "glibc", "2.31-13+deb11u7", "amd64"},  // at the fix
      {"xz-utils", "5.2.5-2.1~deb11u1", "xz-utils", "5.2.5-2.1~deb11u1", "amd64"},
  };
  CHECK(rows_of(match(index, {"Debian:11", VersionScheme::dpkg}, packages)) ==
        std::vector<Row>{{"libssl1.1", "ZT-TEST-OTHER-RELEASES", "CVE-2099-0011", ""}});
}

TEST_CASE("match: Alpine by origin, on hand-made records", "[unit]") {
  const Index index = index_of("alpine");
  const std::vector<InstalledPackage> packages{
      {"libcrypto3", "3.1.2-r0", "openssl", "", "x86_64"},
      {"libssl3", "3.1.2-r0", "openssl", "", "x86_64"},
      {"openssl", "3.1.4-r0", "openssl", "", "x86_64"},  // at the fix
      {"busybox", "1.36.1-r2", "busybox", "", "x86_64"},
  };
  const auto matches = match(index, {"Alpine:v3.18", VersionScheme::apk}, packages);
  CHECK(rows_of(matches) == std::vector<Row>{
                                {"libcrypto3", "ZT-TEST-ALPINE-1", "CVE-2099-1001", "3.1.4-r0"},
                                {"libssl3", "ZT-TEST-ALPINE-1", "CVE-2099-1001", "3.1.4-r0"},
                            });
  CHECK(matches[0].compared_version == "3.1.2-r0");
}

TEST_CASE("match: rpm by source rpm and binary name, on hand-made records", "[unit]") {
  const Index index = index_of("rpm");
  const std::vector<InstalledPackage> packages{
      {"openssl", "1:3.0.7-24.el9", "openssl-3.0.7-24.el9.src.rpm", "", "x86_64"},
      {"openssl-libs", "1:3.0.7-24.el9", "openssl-3.0.7-24.el9.src.rpm", "", "x86_64"},
      {"openssl-devel", "1:3.0.7-27.el9", "openssl-3.0.7-27.el9.src.rpm", "", "x86_64"},
      {"bash", "5.1.8-6.el9_1", "bash-5.1.8-6.el9_1.src.rpm", "", "x86_64"},
  };
  // Red Hat names the source rpm, in each repository ("::baseos", "::appstream": one match).
  const auto rhel = match(index, {"Red Hat:enterprise_linux:9", VersionScheme::rpm}, packages);
  CHECK(rows_of(rhel) == std::vector<Row>{
                             {"openssl", "ZT-TEST-RHEL-1", "CVE-2099-2001", "1:3.0.7-27.el9"},
                             {"openssl-libs", "ZT-TEST-RHEL-1", "CVE-2099-2001", "1:3.0.7-27.el9"},
                         });
  CHECK(rhel[1].source_name == "openssl");
  // This Rocky record names a binary rpm.
  const auto rocky = match(index, {"Rocky Linux:9", VersionScheme::rpm}, packages);
  CHECK(rows_of(rocky) ==
        std::vector<Row>{{"openssl-libs", "ZT-TEST-ROCKY-1", "CVE-2099-2002", "1:3.0.7-27.el9"}});
  CHECK(rocky[0].source_name == "openssl-libs");
}
