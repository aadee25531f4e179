// The batch writer's CVE matching (schema-client/pg/vuln_matcher.hpp) on a real PostgreSQL, as
// the ingest's role: the matcher's OSV records (tests/schema-client/vuln/data/match) stored by
// the feed store, a KEV entry, then system scans of the Debian 12 package list: its CVE
// findings in system_vulnerabilities, vulnerabilities_v2 and the v1 vulnerabilities table with
// their threat intelligence in enrichment_results, the CVE ids on its dependencies rows; an upgrade past the fix resolves the finding on the next
// scan.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "schema-client/feeds/osv_archive.hpp"
#include "schema-client/feeds/records.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/feed_store.hpp"
#include "schema-client/pg/rematch.hpp"
#include "schema-client/pg/rematch_changes.hpp"
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

struct KevFacts {
  std::string cve, vendor_project, product, vulnerability_name, date_added, due_date;
};

// Stores one CISA KEV entry.
void store_kev_entry(TenantDatabase& db, const KevFacts& facts) {
  zt::feeds::KevEntry entry;
  entry.cve = facts.cve;
  entry.vendor_project = facts.vendor_project;
  entry.product = facts.product;
  entry.vulnerability_name = facts.vulnerability_name;
  entry.date_added = facts.date_added;
  entry.due_date = facts.due_date;
  zt::feeds::KevRead kev;
  kev.records.push_back(entry);
  zt::pg::store_kev(db.ingest(), kev);
}

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
  store_kev_entry(db, {"CVE-2023-4911", "GNU", "GNU C Library",
                       "GNU C Library Buffer Overflow Vulnerability", "2023-11-21", "2023-12-12"});
  zt::feeds::EpssRead epss;
  epss.records.push_back({"CVE-2023-5363", 0.00123, 0.4815});
  zt::pg::store_epss(db.ingest(), epss);
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
  // One threat-intelligence row per v1 row: KEV where listed, EPSS where scored, the
  // finding's risk score and remediation.
  const char* const kIntel =
      "SELECT v.package_name, v.cve_id, e.enrichment_type, e.risk_score = w.risk_score,"
      " coalesce(e.threat_intelligence->'cisa_kev'->>'date_added', '-'),"
      " coalesce(e.threat_intelligence->'epss'->>'percentile', '-'),"
      " e.threat_intelligence->>'exploit_available', e.recommendations->>0 = w.remediation"
      " FROM enrichment_results e JOIN vulnerabilities v ON v.id = e.vulnerability_id"
      " JOIN vulnerabilities_v2 w ON w.fingerprint = v.fingerprint AND w.agent_id = v.agent_id"
      " WHERE v.package_name IN ('libc6', 'openssl', 'zlib1g')";
  // (CVE-2023-5678 is the sample scan's own CVE finding.)
  const Set intel = {"libc6|CVE-2023-4911|threat_intelligence|t|2023-11-21|-|true|t",
                     "openssl|CVE-2023-5678|threat_intelligence|t|-|-|false|t",
                     "openssl|CVE-2023-5363|threat_intelligence|t|-|0.4815|false|t",
                     "zlib1g|CVE-2099-0201|threat_intelligence|t|-|-|false|t"};
  CHECK(db.rows(kIntel) == intel);
  const char* const kUnenriched =
      "SELECT count(*) FROM vulnerabilities v WHERE (SELECT count(*) FROM enrichment_results e"
      " WHERE e.vulnerability_id = v.id) <> 1";
  CHECK(db.count("SELECT count(*) FROM enrichment_results") == 11);
  CHECK(db.count(kUnenriched) == 0);

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
  // Upserted, not added: still one enrichment row per v1 row, and the same intelligence.
  CHECK(db.count("SELECT count(*) FROM enrichment_results") == 11);
  CHECK(db.count(kUnenriched) == 0);
  CHECK(db.rows(kIntel) == intel);
}

namespace {

zt::feeds::DebianTrackerEntry tracker_entry(std::string source, std::string cve,
                                            std::string release_version,
                                            std::string fixed_version, std::string nodsa = "") {
  zt::feeds::DebianTrackerEntry entry;
  entry.source_package = std::move(source);
  entry.cve = std::move(cve);
  entry.release = release_version == "12" ? "bookworm" : "trixie";
  entry.release_version = std::move(release_version);
  entry.status = fixed_version.empty() ? zt::feeds::DebianStatus::open
                                       : zt::feeds::DebianStatus::resolved;
  entry.fixed_version = std::move(fixed_version);
  entry.urgency = "low";
  entry.nodsa = std::move(nodsa);
  return entry;
}

}  // namespace

TEST_CASE("ingest matching: the Debian tracker drops what it says never affected the release "
          "and adds its decisions",
          "[integration]") {
  TenantDatabase db;
  auto osv = zt::feeds::read_osv_folder(zt::vuln::test::match_data("debian"));
  REQUIRE(osv.problems.empty());
  zt::pg::store_osv_records(db.ingest(), osv.records);
  zt::pg::store_debian_tracker(
      db.ingest(),
      {// curl's CVE never affected bookworm: no finding.
       tracker_entry("curl", "CVE-2099-0302", "12", "0"),
       // zlib's is a minor issue, open: kept, with the decision.
       tracker_entry("zlib", "CVE-2099-0201", "12", "", "Minor issue"),
       // openssl's verdict for another release says nothing of bookworm.
       tracker_entry("openssl", "CVE-2023-5363", "13", "0")});
  const auto agent = db.add_agent("Acme");
  auto written = zt::pg::write_batch(db.ingest(), agent, debian12_scan(1));
  REQUIRE(written.ok());
  Set expected = kDebian12Cves;
  expected.erase("curl|CVE-2099-0302|t");
  CHECK(written->matched == 9);
  CHECK(db.rows(kPackageCves) == with_status(expected, "open"));
  CHECK(db.rows("SELECT s.component_name, v.metadata->'debian_tracker'->>'nodsa',"
                " v.metadata->'debian_tracker'->>'status' FROM vulnerabilities_v2 v"
                " JOIN system_vulnerabilities s ON s.fingerprint = v.fingerprint"
                " WHERE v.metadata ? 'debian_tracker'") == Set{"zlib1g|Minor issue|open"});
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
  CHECK(first.written == 10);
  CHECK(first.resolved == 0);
  CHECK(first.mismatches.empty());
  CHECK(db.rows(kPackageCves) == with_status(kDebian12Cves, "open"));
  CHECK(db.rows("SELECT name, vulnerabilities::text FROM dependencies WHERE name = 'libssl3'") ==
        Set{"libssl3|[\"CVE-2023-5363\"]"});

  // Again, nothing changed: the same findings, none written, none resolved.
  const Set rows_before = db.rows("SELECT id, xmin FROM vulnerabilities_v2");
  auto again = zt::pg::rematch_fleet(db.ingest());
  CHECK(again.findings == 10);
  CHECK(again.written == 0);
  CHECK(again.resolved == 0);
  CHECK(db.rows("SELECT id, xmin FROM vulnerabilities_v2") == rows_before);

  // A KEV entry for one CVE changes its findings' content: those two are written again.
  store_kev_entry(db, {"CVE-2023-5363", "OpenSSL", "OpenSSL",
                       "OpenSSL Key and IV Length Processing Vulnerability", "2026-12-01",
                       "2026-12-22"});
  auto scored = zt::pg::rematch_fleet(db.ingest());
  CHECK(scored.written == 2);
  CHECK(db.rows("SELECT package_name, exploit_available FROM vulnerabilities"
                " WHERE cve_id = 'CVE-2023-5363'") == Set{"libssl3|t", "openssl|t"});

  // DSA-5532-1 withdrawn (a newer copy): its two findings are resolved, the rest stay open.
  for (auto& record : osv.records)
    if (record.id == "DSA-5532-1") {
      record.modified = zt::model::now();
      record.withdrawn = record.modified;
    }
  zt::pg::store_osv_records(db.ingest(), osv.records);
  auto withdrawn = zt::pg::rematch_fleet(db.ingest());
  CHECK(withdrawn.findings == 8);
  CHECK(withdrawn.written == 0);
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

TEST_CASE("rematch: agents of two companies matched by three sessions at once get each its own "
          "findings, under its own company, as one session would",
          "[integration]") {
  TenantDatabase db;
  const auto acme = db.add_agent("Acme");
  const auto acme_upgraded = db.add_agent_to(acme.company_id);
  const auto globex = db.add_agent("Globex");
  const auto globex_second = db.add_agent_to(globex.company_id);
  for (const auto& agent : {acme, globex, globex_second})
    REQUIRE(zt::pg::write_batch(db.ingest(), agent, debian12_scan(1)).ok());
  REQUIRE(zt::pg::write_batch(db.ingest(), acme_upgraded,
                              debian12_scan(1, {"libssl3", "openssl"}))
              .ok());

  auto osv = zt::feeds::read_osv_folder(zt::vuln::test::match_data("debian"));
  zt::pg::store_osv_records(db.ingest(), osv.records);
  auto parallel = zt::pg::rematch_fleet(db.ingest(), 3);
  CHECK(parallel.agents == 4);
  CHECK(parallel.findings == 38);
  CHECK(parallel.written == 38);
  CHECK(parallel.mismatches.empty());

  Set expected;
  for (const auto& agent : {acme, acme_upgraded, globex, globex_second})
    for (const std::string& row : kDebian12Cves) {
      const bool fixed = agent.agent_id == acme_upgraded.agent_id &&
                         row.find("CVE-2023-5363") != std::string::npos;
      if (!fixed) expected.insert(agent.agent_id + "|" + agent.company_id + "|" + row);
    }
  CHECK(db.rows("SELECT s.agent_id, s.company_id, s.component_name, s.cve_id,"
                " s.patch_available FROM system_vulnerabilities s JOIN agents a"
                " ON a.id = s.agent_id AND a.company_id = s.company_id"
                " WHERE s.vulnerability_type = 'package_vulnerability'") == expected);

  // One session finds the fleet as the three left it: nothing to write.
  auto serial = zt::pg::rematch_fleet(db.ingest(), 1);
  CHECK(serial.findings == 38);
  CHECK(serial.written == 0);
  CHECK(serial.resolved == 0);
}

TEST_CASE("rematch: the Debian tracker and the scores stored after the scan are applied as at "
          "ingest, and a second rematch finds nothing to write",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, debian12_scan(1)).ok());

  auto osv = zt::feeds::read_osv_folder(zt::vuln::test::match_data("debian"));
  zt::pg::store_osv_records(db.ingest(), osv.records);
  zt::pg::store_debian_tracker(db.ingest(),
                               {tracker_entry("curl", "CVE-2099-0302", "12", "0"),
                                tracker_entry("zlib", "CVE-2099-0201", "12", "", "Minor issue"),
                                tracker_entry("openssl", "CVE-2023-5363", "13", "0")});
  // EPSS scores whose decimals JSON writes with an exponent, and a KEV entry.
  zt::feeds::EpssRead epss;
  epss.records.push_back({"CVE-2023-5363", 0.00001, 0.0123});
  epss.records.push_back({"CVE-2025-31115", 0.00123, 0.4815});
  zt::pg::store_epss(db.ingest(), epss);
  store_kev_entry(db, {"CVE-2023-4911", "GNU", "GNU C Library",
                       "GNU C Library Buffer Overflow Vulnerability", "2023-11-21", "2023-12-12"});

  auto first = zt::pg::rematch_fleet(db.ingest());
  Set expected = kDebian12Cves;
  expected.erase("curl|CVE-2099-0302|t");
  CHECK(first.findings == 9);
  CHECK(first.written == 9);
  CHECK(db.rows(kPackageCves) == with_status(expected, "open"));
  CHECK(db.rows("SELECT s.component_name, v.metadata->'debian_tracker'->>'nodsa',"
                " v.metadata->'debian_tracker'->>'status' FROM vulnerabilities_v2 v"
                " JOIN system_vulnerabilities s ON s.fingerprint = v.fingerprint"
                " WHERE v.metadata ? 'debian_tracker'") == Set{"zlib1g|Minor issue|open"});

  // Nothing changed since: every stored row equals its finding, none is written again.
  const Set rows_before = db.rows("SELECT id, xmin FROM vulnerabilities_v2");
  auto again = zt::pg::rematch_fleet(db.ingest());
  CHECK(again.findings == 9);
  CHECK(again.written == 0);
  CHECK(again.resolved == 0);
  CHECK(db.rows("SELECT id, xmin FROM vulnerabilities_v2") == rows_before);
}

TEST_CASE("rematch: a risk score's decimal text in hundredths, rounded as numeric(4,2) rounds it",
          "[unit]") {
  CHECK(zt::pg::hundredths("7.5") == 750);
  CHECK(zt::pg::hundredths("7.50") == 750);
  CHECK(zt::pg::hundredths("10") == 1000);
  CHECK(zt::pg::hundredths("0.0") == 0);
  CHECK(zt::pg::hundredths("-0.125") == -13);
  CHECK(zt::pg::hundredths("7.445") == 745);
  CHECK(zt::pg::hundredths("7.4449") == 744);
  CHECK(zt::pg::hundredths("1e-05") == std::nullopt);
  CHECK(zt::pg::hundredths("null") == std::nullopt);
  CHECK(zt::pg::hundredths("") == std::nullopt);
  CHECK(zt::pg::hundredths(".5") == std::nullopt);
}

namespace {

// Each CVE finding as "agent|package|CVE|status|xmin" (xmin: the transaction that last wrote
// its vulnerabilities_v2 row).
const char* const kAgentCves =
    "SELECT s.agent_id, s.component_name, s.cve_id, v.status, v.xmin FROM system_vulnerabilities s"
    " JOIN vulnerabilities_v2 v ON v.id = s.vulnerability_id"
    " WHERE s.vulnerability_type = 'package_vulnerability'";

// Of `after`'s rows, those not in `before` (written since), without their xmin.
Set written_since(const Set& before, const Set& after) {
  Set written;
  for (const std::string& row : after)
    if (!before.contains(row)) written.insert(row.substr(0, row.rfind('|')));
  return written;
}

}  // namespace

TEST_CASE("rematch after feed changes: only the packages they touch are matched again, and a "
          "whole rematch afterwards finds nothing to do",
          "[integration]") {
  TenantDatabase db;
  const auto a = db.add_agent("Acme");
  const auto b = db.add_agent_to(a.company_id);  // openssl upgraded past DSA-5532-1's fix
  const auto c = db.add_agent("Globex");         // base-files and zlib1g alone
  REQUIRE(zt::pg::write_batch(db.ingest(), a, debian12_scan(1)).ok());
  REQUIRE(zt::pg::write_batch(db.ingest(), b, debian12_scan(1, {"libssl3", "openssl"})).ok());
  zt::model::Batch small = debian12_scan(1);
  std::erase_if(small.dependencies,
                [](const auto& d) { return d.name != "base-files" && d.name != "zlib1g"; });
  REQUIRE(zt::pg::write_batch(db.ingest(), c, small).ok());
  auto osv = zt::feeds::read_osv_folder(zt::vuln::test::match_data("debian"));
  zt::pg::store_osv_records(db.ingest(), osv.records);
  REQUIRE(zt::pg::rematch_fleet(db.ingest()).written == 20);

  // An import's changes: DSA-5532-1 withdrawn, the tracker clears curl of CVE-2099-0302 in
  // Debian 12, CVE-2025-31115 (xz) enters KEV; the other records stored again unchanged.
  const std::string started = zt::pg::database_clock(db.ingest());
  for (auto& record : osv.records)
    if (record.id == "DSA-5532-1") record.withdrawn = record.modified = zt::model::now();
  zt::pg::store_osv_records(db.ingest(), osv.records);
  zt::pg::store_debian_tracker(db.ingest(), {tracker_entry("curl", "CVE-2099-0302", "12", "0")});
  store_kev_entry(db, {"CVE-2025-31115", "Tukaani", "XZ Utils", "XZ Utils Heap Overflow",
                       "2026-12-01", "2026-12-22"});
  const zt::pg::FeedChanges changes = zt::pg::feed_changes_since(db.ingest(), started);
  CHECK(changes.records == Set{"DSA-5532-1"});
  CHECK(changes.packages == Set{"curl", "openssl"});
  CHECK(changes.cves == Set{"CVE-2023-5363", "CVE-2025-31115", "CVE-2099-0302"});

  const Set before = db.rows(kAgentCves);
  const auto scoped = zt::pg::rematch_fleet_for(db.ingest(), changes);
  CHECK(scoped.agents == 2);
  CHECK(scoped.untouched == 1);
  CHECK(scoped.findings == 4);  // liblzma5 and xz-utils of a and b, now in KEV
  CHECK(scoped.written == 4);
  CHECK(scoped.resolved == 4);  // a: curl, libssl3, openssl; b: curl
  CHECK(scoped.mismatches.empty());
  const Set after = db.rows(kAgentCves);
  CHECK(written_since(before, after) ==
        Set{a.agent_id + "|curl|CVE-2099-0302|resolved",
            a.agent_id + "|libssl3|CVE-2023-5363|resolved",
            a.agent_id + "|openssl|CVE-2023-5363|resolved",
            a.agent_id + "|liblzma5|CVE-2025-31115|open",
            a.agent_id + "|xz-utils|CVE-2025-31115|open",
            b.agent_id + "|curl|CVE-2099-0302|resolved",
            b.agent_id + "|liblzma5|CVE-2025-31115|open",
            b.agent_id + "|xz-utils|CVE-2025-31115|open"});
  CHECK(db.rows("SELECT d.name, d.vulnerabilities::text FROM dependencies d JOIN scans s"
                " ON s.id = d.scan_id WHERE s.agent_id = '" + a.agent_id + "'"
                " AND d.name IN ('curl', 'libssl3', 'xz-utils')") ==
        Set{"curl|[]", "libssl3|[]", "xz-utils|[\"CVE-2025-31115\"]"});

  // The whole rematch agrees: nothing to write, nothing to resolve.
  const auto whole = zt::pg::rematch_fleet(db.ingest());
  CHECK(whole.findings == 16);
  CHECK(whole.written == 0);
  CHECK(whole.resolved == 0);
  CHECK(db.rows(kAgentCves) == after);

  // No change since: nothing to do, no agent read.
  const auto idle = zt::pg::rematch_fleet_for(
      db.ingest(), zt::pg::feed_changes_since(db.ingest(), zt::pg::database_clock(db.ingest())));
  CHECK(idle.agents + idle.untouched == 0);
}
