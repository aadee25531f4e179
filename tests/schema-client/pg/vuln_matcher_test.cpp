// The batch writer's CVE matching (schema-client/pg/vuln_matcher.hpp) on a real PostgreSQL, as
// the ingest's role: the matcher's OSV records (tests/schema-client/vuln/data/match) stored by
// the feed store, a KEV entry, then system scans of the Debian 12 package list: its CVE
// findings in system_vulnerabilities, vulnerabilities_v2 and the v1 vulnerabilities table, the
// CVE ids on its dependencies rows; an upgrade past the fix resolves the finding on the next
// scan.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "schema-client/feeds/osv_archive.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/feed_store.hpp"
#include "schema-client/pg/rematch.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"
#include "tests/schema-client/sample_batch.hpp"
#include "tests/schema-client/vuln/match_data.hpp"

using zt::testing::TenantDatabase;
using Set = std::set<std::string>;

namespace {

// A completed scan at `hour` whose inventory is the Debian 12 package list, `upgraded` packages
// at 3.0.11-1~deb12u2 (openssl's fix).
zt::model::Batch debian12_scan(int hour, const Set& upgraded = {}) {
  zt::model::Batch batch = zt::testing::completed_scan(zt::testing::kAgentIdentity, hour);
  batch.dependencies.clear();
  for (auto p : zt::vuln::test::debian12_packages()) {
    if (upgraded.contains(p.name)) p.version = p.source_version = "3.0.11-1~deb12u2";
    batch.dependencies.push_back({p.name, p.version, "deb", "/var/lib/dpkg/status", "",
                                  p.source_name, p.source_version, p.arch, "Debian:12"});
  }
  return batch;
}

// The matcher's answer for the Debian 12 list (match_test.cpp): package, CVE, patch available.
const Set kDebian12Cves = {
    "base-files|CVE-2099-0401|f",
    "curl|CVE-2099-0302|t",
    "libc-bin|CVE-2023-4911|t",
    "libc6|CVE-2023-4911|t",
    "liblzma5|CVE-2025-31115|t",
    "libssl3|CVE-2023-5363|t",
    "linux-image-6.1.0-13-amd64|CVE-2099-0101|t",
    "openssl|CVE-2023-5363|t",
    "xz-utils|CVE-2025-31115|t",
    "zlib1g|CVE-2099-0201|f",
};

// `set` with "|status" added to each row.
Set with_status(const Set& set, const std::string& status) {
  Set out;
  for (const std::string& row : set) out.insert(row + "|" + status);
  return out;
}

const char* const kPackageCves =
    "SELECT s.component_name, s.cve_id, s.patch_available, v.status FROM system_vulnerabilities s"
    " JOIN vulnerabilities_v2 v ON v.fingerprint = s.fingerprint AND v.agent_id = s.agent_id"
    " WHERE s.vulnerability_type = 'package_vulnerability'";

}  // namespace

TEST_CASE("ingest matching: a system scan's packages get their CVE findings in its "
          "transaction, and an upgrade resolves them",
          "[integration]") {
  TenantDatabase db;
  auto osv = zt::feeds::read_osv_folder(zt::vuln::test::match_data("debian"));
  REQUIRE(osv.problems.empty());
  zt::pg::store_osv_records(db.ingest(), osv.records);
  zt::feeds::KevRead kev;
  zt::feeds::KevEntry glibc;
  glibc.cve = "CVE-2023-4911";
  glibc.vendor_project = "GNU";
  glibc.product = "GNU C Library";
  glibc.vulnerability_name = "GNU C Library Buffer Overflow Vulnerability";
  glibc.date_added = "2023-11-21";
  glibc.due_date = "2023-12-12";
  kev.records.push_back(glibc);
  zt::pg::store_kev(db.ingest(), kev);
  const auto agent = db.add_agent("Acme");

  auto first = zt::pg::write_batch(db.ingest(), agent, debian12_scan(1));
  REQUIRE(first.ok());
  CHECK(first->matched == 10);
  CHECK(first->mismatch.empty());
  // Exactly the matcher's answer for this list, every one open.
  CHECK(db.rows(kPackageCves) == with_status(kDebian12Cves, "open"));
  // The v1 table: exploited in the wild only where KEV says so.
  CHECK(db.rows("SELECT package_name, cve_id, exploit_available FROM vulnerabilities"
                 " WHERE cve_id IN ('CVE-2023-4911', 'CVE-2023-5363')"
                " AND package_name IN ('libc6', 'openssl')") ==
        Set{"libc6|CVE-2023-4911|t", "openssl|CVE-2023-5363|f"});
  CHECK(db.rows("SELECT severity, risk_score FROM vulnerabilities_v2 WHERE title LIKE"
                 " 'CVE-2023-4911 in libc6 %'") == Set{"high|9.00"});
  // Each package's row lists its CVEs.
  CHECK(db.rows("SELECT name, vulnerabilities::text FROM dependencies"
                 " WHERE name IN ('openssl', 'python3-openssl', 'libc6')") ==
        Set{"openssl|[\"CVE-2023-5363\"]", "python3-openssl|[]", "libc6|[\"CVE-2023-4911\"]"});

  // openssl and libssl3 upgraded to the fix: resolved by the next scan; the rest stay open.
  auto second =
      zt::pg::write_batch(db.ingest(), agent, debian12_scan(2, {"openssl", "libssl3"}));
  REQUIRE(second.ok());
  CHECK(second->matched == 8);
  CHECK(db.rows("SELECT s.component_name, v.status FROM system_vulnerabilities s JOIN"
                 " vulnerabilities_v2 v ON v.fingerprint = s.fingerprint"
                 " WHERE s.cve_id = 'CVE-2023-5363' AND s.vulnerability_type ="
                 " 'package_vulnerability'") ==
        Set{"libssl3|resolved", "openssl|resolved"});
  CHECK(db.count("SELECT count(*) FROM system_vulnerabilities s JOIN vulnerabilities_v2 v"
                 " ON v.fingerprint = s.fingerprint WHERE s.vulnerability_type ="
                 " 'package_vulnerability' AND v.status = 'open'") == 8);
}

TEST_CASE("ingest matching: an inventory without an ecosystem, or no stored feed, matches "
          "nothing",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  // No feed stored: the scan is written as before.
  auto written = zt::pg::write_batch(db.ingest(), agent, debian12_scan(1));
  REQUIRE(written.ok());
  CHECK(written->matched == 0);
  auto osv = zt::feeds::read_osv_folder(zt::vuln::test::match_data("debian"));
  zt::pg::store_osv_records(db.ingest(), osv.records);
  // Dependencies of an older agent (no ecosystem): nothing to match them in.
  zt::model::Batch older = debian12_scan(2);
  for (auto& d : older.dependencies) d.ecosystem.clear();
  auto second = zt::pg::write_batch(db.ingest(), agent, older);
  REQUIRE(second.ok());
  CHECK(second->matched == 0);
}

TEST_CASE("rematch: a feed stored after the scan gives the fleet its CVEs without a rescan, "
          "a withdrawn record resolves them",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  const auto other = db.add_agent("Globex");  // a scan without an inventory
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, debian12_scan(1)).ok());
  zt::model::Batch empty = zt::testing::completed_scan("other-machine", 1);
  empty.dependencies.clear();
  REQUIRE(zt::pg::write_batch(db.ingest(), other, empty).ok());
  CHECK(db.count("SELECT count(*) FROM system_vulnerabilities"
                 " WHERE vulnerability_type = 'package_vulnerability'") == 0);

  auto osv = zt::feeds::read_osv_folder(zt::vuln::test::match_data("debian"));
  zt::pg::store_osv_records(db.ingest(), osv.records);
  auto first = zt::pg::rematch_fleet(db.ingest());
  CHECK(first.agents == 1);
  CHECK(first.findings == 10);
  CHECK(first.resolved == 0);
  CHECK(first.mismatches.empty());
  CHECK(db.rows(kPackageCves) == with_status(kDebian12Cves, "open"));
  CHECK(db.rows("SELECT name, vulnerabilities::text FROM dependencies WHERE name = 'libssl3'") ==
        Set{"libssl3|[\"CVE-2023-5363\"]"});

  // Again, nothing changed: the same findings, none resolved.
  auto again = zt::pg::rematch_fleet(db.ingest());
  CHECK(again.findings == 10);
  CHECK(again.resolved == 0);

  // DSA-5532-1 withdrawn (a newer copy): its two findings are resolved, the rest stay open.
  for (auto& record : osv.records)
    if (record.id == "DSA-5532-1") {
      record.modified = zt::model::now();
      record.withdrawn = record.modified;
    }
  zt::pg::store_osv_records(db.ingest(), osv.records);
  auto withdrawn = zt::pg::rematch_fleet(db.ingest());
  CHECK(withdrawn.findings == 8);
  CHECK(withdrawn.resolved == 2);
  CHECK(db.rows("SELECT v.status, v.resolved_reason FROM vulnerabilities_v2 v JOIN"
                " system_vulnerabilities s ON s.fingerprint = v.fingerprint"
                " WHERE s.cve_id = 'CVE-2023-5363'") == Set{"resolved|not_affected"});
  CHECK(db.rows("SELECT name, vulnerabilities::text FROM dependencies WHERE name = 'libssl3'") ==
        Set{"libssl3|[]"});
  CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 v JOIN system_vulnerabilities s"
                 " ON s.fingerprint = v.fingerprint WHERE v.status = 'open'"
                 " AND s.vulnerability_type = 'package_vulnerability'") == 8);
}
