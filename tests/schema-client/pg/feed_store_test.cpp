// The feed store (schema-client/pg/feed_store.hpp) on a real PostgreSQL, as the ingest's role:
// the real feed samples stored row for row, a second import that writes nothing (counts and
// the rows' xmin and xmax), a changed, an older and a withdrawn record, and the feed_sources view.
#include "schema-client/pg/feed_store.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <set>
#include <string>

#include "schema-client/feeds/cve.hpp"
#include "schema-client/feeds/debian_tracker.hpp"
#include "schema-client/feeds/epss.hpp"
#include "schema-client/feeds/kev.hpp"
#include "schema-client/feeds/osv_archive.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"
#include "tests/support/temp_tree.hpp"

using zt::pg::FeedWriteCounts;
using zt::testing::TenantDatabase;
using Set = std::set<std::string>;
using Versions = std::map<std::string, std::string>;

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

fs::path source_path(const std::string& relative) { return fs::path(ZT_SOURCE_DIR) / relative; }
fs::path feed_data(const std::string& relative) {
  return source_path("tests/schema-client/feeds/data/" + relative);
}

// The sample OSV records: the feed samples and the matcher's records, 19 in all.
std::vector<zt::feeds::OsvRecord> sample_osv() {
  std::vector<zt::feeds::OsvRecord> records;
  for (const fs::path& folder :
       {feed_data("osv"), source_path("tests/schema-client/vuln/data/match")}) {
    auto read = zt::feeds::read_osv_folder(folder);
    REQUIRE(read.problems.empty());
    records.insert(records.end(), read.records.begin(), read.records.end());
  }
  REQUIRE(records.size() == 19);
  return records;
}

template <typename Read>
Read sample(Read (*reader)(std::string_view, std::string_view), const std::string& file) {
  Read read = reader(file, zt::test::read_text(feed_data(file)));
  REQUIRE(read.problems.empty());
  return read;
}

std::vector<zt::feeds::CveRecord> sample_cves() {
  std::vector<zt::feeds::CveRecord> records;
  for (const char* file : {"nvd/CVE-2022-1576.json", "nvd/CVE-2024-47177.json"}) {
    auto read = sample(&zt::feeds::read_nvd, file);
    records.insert(records.end(), read.records.begin(), read.records.end());
  }
  for (const char* file :
       {"cve5/CVE-2024-3094.json", "cve5/CVE-2021-44142.json", "cve5/CVE-2025-4565.json"}) {
    auto read = sample(&zt::feeds::read_cve5, file);
    records.insert(records.end(), read.records.begin(), read.records.end());
  }
  return records;
}

// Each row's key, xmin and xmax: the transactions that last wrote it and last locked it (an
// upsert that leaves a row as it is may still lock it).
Versions versions(TenantDatabase& db, const std::string& table, const std::string& key) {
  const zt::pg::Rows result =
      db.owner().exec("SELECT " + key + ", xmin::text || '/' || xmax::text FROM " + table);
  Versions out;
  for (int r = 0; r < result.size(); ++r)
    out.emplace(std::string(result.text(r, 0)), std::string(result.text(r, 1)));
  return out;
}

// The keys whose version differs between two snapshots (or that are in one only).
Set rewritten(const Versions& before, const Versions& after) {
  Set keys;
  for (const auto& [key, version] : after)
    if (!before.contains(key) || before.at(key) != version) keys.insert(key);
  for (const auto& [key, version] : before)
    if (!after.contains(key)) keys.insert(key);
  return keys;
}

constexpr const char* kAffectedKey = "record_id || ':' || position || ':' || ctid::text";

// Every table the store writes, with its key, for snapshots of their row versions.
const std::vector<std::pair<std::string, std::string>> kTables = {
    {"osv_records", "id"},
    {"osv_affected", kAffectedKey},
    {"debian_tracker", "source_package || ':' || cve || ':' || release"},
    {"cve_database", "cve_id"},
    {"kev_entries", "cve_id"},
    {"epss_scores", "cve_id"}};

std::map<std::string, Versions> snapshot(TenantDatabase& db) {
  std::map<std::string, Versions> all;
  for (const auto& [table, key] : kTables) all[table] = versions(db, table, key);
  return all;
}

struct Samples {
  std::vector<zt::feeds::OsvRecord> osv = sample_osv();
  zt::feeds::FeedRead<zt::feeds::DebianTrackerEntry> tracker =
      sample(&zt::feeds::read_debian_tracker, "debian_tracker.json");
  std::vector<zt::feeds::CveRecord> cves = sample_cves();
  zt::feeds::KevRead kev = sample(&zt::feeds::read_kev, "kev.json");
  zt::feeds::EpssRead epss =
      zt::feeds::read_epss("epss.csv", zt::test::read_text(feed_data("epss.csv")));

  // Each store's counts, in kTables' order (osv_affected has none of its own).
  std::vector<FeedWriteCounts> store(zt::pg::Connection& c) const {
    return {zt::pg::store_osv_records(c, osv), zt::pg::store_debian_tracker(c, tracker.records),
            zt::pg::store_cve_records(c, cves), zt::pg::store_kev(c, kev),
            zt::pg::store_epss(c, epss)};
  }
};

FeedWriteCounts counts(std::int64_t inserted, std::int64_t updated, std::int64_t unchanged,
                       std::int64_t withdrawn = 0) {
  return {inserted, updated, unchanged, withdrawn};
}

}  // namespace

TEST_CASE("The sample feeds are stored row for row by the ingest's role", "[integration]") {
  TenantDatabase db;
  const Samples samples;
  CHECK(samples.store(db.ingest()) == std::vector<FeedWriteCounts>{counts(19, 0, 0, 1),
                                                                   counts(6, 0, 0),
                                                                   counts(5, 0, 0),
                                                                   counts(3, 0, 0),
                                                                   counts(5, 0, 0)});

  CHECK(db.rows("SELECT id, source, cve_ids::text, withdrawn IS NOT NULL FROM osv_records") ==
        Set{"CVE-2009-3560|osv|{CVE-2009-3560}|f",
            "DEBIAN-CVE-2024-3094|osv|{CVE-2024-3094}|f",
            "DEBIAN-CVE-2025-31115|osv|{CVE-2025-31115}|f",
            "DSA-5514-1|osv|{CVE-2023-4911}|f",
            "DSA-5532-1|osv|{CVE-2023-5363}|f",
            "GHSA-jfh8-c2jp-5v3q|osv|{CVE-2021-44228}|f",
            "ZT-TEST-ALPINE-1|osv|{CVE-2099-1001}|f",
            "ZT-TEST-ALPINE-2|osv|{CVE-2099-1002}|f",
            "ZT-TEST-BASE-FILES|osv|{CVE-2099-0401}|f",
            "ZT-TEST-BINARY-NAME|osv|{CVE-2099-0102}|f",
            "ZT-TEST-CURL|osv|{CVE-2099-0301}|f",
            "ZT-TEST-CURL-BPO|osv|{CVE-2099-0302}|f",
            "ZT-TEST-LINUX|osv|{CVE-2099-0101}|f",
            "ZT-TEST-OTHER-RELEASES|osv|{CVE-2099-0011}|f",
            "ZT-TEST-RHEL-1|osv|{CVE-2099-2001}|f",
            "ZT-TEST-ROCKY-1|osv|{CVE-2099-2002}|f",
            "ZT-TEST-WITHDRAWN|osv|{CVE-2099-0012}|t",
            "ZT-TEST-ZLIB|osv|{CVE-2099-0201}|f",
            "ZT-TEST-ZLIB-NO-EPOCH|osv|{CVE-2099-0202}|f"});
  CHECK(db.rows("SELECT modified, published, withdrawn FROM osv_records"
                 " WHERE id IN ('DEBIAN-CVE-2024-3094', 'ZT-TEST-WITHDRAWN')") ==
        Set{"2026-09-15 09:03:12.82+00|2024-03-29 17:15:21.15+00|-",
            "2026-12-05 00:00:00+00|-|2026-12-01 00:00:00+00"});
  CHECK(db.count("SELECT count(*) FROM osv_affected") == 32);
  // Red Hat's repositories fold into one index key; only ECOSYSTEM ranges are kept.
  CHECK(db.rows("SELECT record_id, position, ecosystem, index_key, package, ranges::text,"
                 " versions::text FROM osv_affected"
                 " WHERE record_id IN ('ZT-TEST-RHEL-1', 'ZT-TEST-OTHER-RELEASES',"
                 " 'ZT-TEST-BASE-FILES')") ==
        Set{"ZT-TEST-BASE-FILES|0|Debian:12|Debian:12|base-files|[]|{12.4+deb12u4,12.4+deb12u5}",
            "ZT-TEST-OTHER-RELEASES|0|Debian:11|Debian:11|openssl|"
            "[[{\"introduced\": \"0\"}]]|{}",
            "ZT-TEST-OTHER-RELEASES|1|Debian|Debian|openssl|"
            "[[{\"introduced\": \"0\"}]]|{}",
            "ZT-TEST-OTHER-RELEASES|2|Debian:12|Debian:12|openssl|[]|{}",
            "ZT-TEST-RHEL-1|0|Red Hat:enterprise_linux:9::appstream|Red Hat:enterprise_linux:9|"
            "openssl|[[{\"introduced\": \"0\"}, {\"fixed\": \"1:3.0.7-27.el9\"}]]|{}",
            "ZT-TEST-RHEL-1|1|Red Hat:enterprise_linux:9::baseos|Red Hat:enterprise_linux:9|"
            "openssl|[[{\"introduced\": \"0\"}, {\"fixed\": \"1:3.0.7-27.el9\"}]]|{}",
            "ZT-TEST-RHEL-1|2|Red Hat:enterprise_linux:8::baseos|Red Hat:enterprise_linux:8|"
            "openssl|[[{\"introduced\": \"0\"}, {\"fixed\": \"1:1.1.1k-12.el8_9\"}]]|{}"});

  CHECK(db.rows("SELECT source_package, cve, release, release_version, status, fixed_version,"
                 " urgency FROM debian_tracker") ==
        Set{"chromium|CVE-2022-0456|bookworm|12|resolved|98.0.4758.80-1|not yet assigned",
            "chromium|CVE-2022-0456|bullseye|11|resolved|98.0.4758.80-1~deb11u1|not yet assigned",
            "chromium|CVE-2022-0456|buster|10|open||end-of-life",
            "prototypejs|CVE-2008-7220|buster|10|resolved|1.6.0.2-1|high**",
            "prototypejs|CVE-2008-7220|sid|unstable|resolved|1.6.0.2-1|high**",
            "prototypejs|CVE-2008-7220|stretch|9|resolved|1.6.0.2-1|high**"});

  CHECK(db.rows("SELECT cve_id, cvss_score, severity, rejected, last_modified_date"
                 " FROM cve_database") ==
        Set{"CVE-2021-44142|-|-|f|2024-08-04 04:17:24.423+00",
            "CVE-2022-1576|6.5|medium|f|2024-11-21 06:41:00.133+00",
            "CVE-2024-3094|10.0|critical|f|2025-11-20 07:17:48.594+00",
            "CVE-2024-47177|9.0|critical|f|2024-09-30 12:46:20.237+00",
            "CVE-2025-4565|8.2|high|f|2025-06-16 15:39:18.263+00"});
  CHECK(db.rows("SELECT cve_id, date_added, due_date, known_ransomware_campaign_use"
                 " FROM kev_entries") == Set{"CVE-2024-53704|2025-02-18|2025-03-11|f",
                                             "CVE-2024-57727|2025-02-13|2025-03-06|f",
                                             "CVE-2025-0108|2025-02-18|2025-03-11|f"});
  CHECK(db.rows("SELECT cve_id, score, percentile, score_date, model_version FROM epss_scores") ==
        Set{"CVE-1999-0001|0.00383|0.73075|2025-02-20|v2023.03.01",
            "CVE-1999-0002|0.01328|0.85996|2025-02-20|v2023.03.01",
            "CVE-1999-0003|0.04409|0.9244|2025-02-20|v2023.03.01",
            "CVE-1999-0004|0.00917|0.82963|2025-02-20|v2023.03.01",
            "CVE-1999-0005|0.91963|0.99214|2025-02-20|v2023.03.01"});

  std::set<std::string> sources;
  for (const zt::pg::FeedSource& s : zt::pg::feed_sources(db.ingest()))
    sources.insert(s.name + "|" + std::to_string(s.records) + "|" + s.newest.value_or("-"));
  CHECK(sources == Set{"osv|19|2026-12-05T00:00:00.000Z", "cve|5|2025-11-20T07:17:48.594Z",
                       "kev|3|2025-02-18T00:00:00.000Z", "epss|5|2025-02-20T00:00:00.000Z",
                       "debian_tracker|6|" + *db.owner()
                                                  .exec("SELECT to_char(max(updated_at) AT TIME"
                                                        " ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS"
                                                        ".MS\"Z\"') FROM debian_tracker")
                                                  .optional_text(0, 0)});
}

TEST_CASE("Importing the same feeds again writes nothing", "[integration]") {
  TenantDatabase db;
  const Samples samples;
  (void)samples.store(db.ingest());
  const auto before = snapshot(db);
  CHECK(samples.store(db.ingest()) == std::vector<FeedWriteCounts>{counts(0, 0, 19),
                                                                   counts(0, 0, 6),
                                                                   counts(0, 0, 5),
                                                                   counts(0, 0, 3),
                                                                   counts(0, 0, 5)});
  CHECK(snapshot(db) == before);
}

TEST_CASE("A changed OSV record is the one row updated, its affected rows replaced",
          "[integration]") {
  TenantDatabase db;
  Samples samples;
  (void)samples.store(db.ingest());
  const auto before = snapshot(db);

  for (zt::feeds::OsvRecord& record : samples.osv) {
    if (record.id != "ZT-TEST-CURL") continue;
    record.modified += 24h;
    record.affected[0].ranges[0].events.back().version = "7.88.1-10+deb12u99";
  }
  CHECK(zt::pg::store_osv_records(db.ingest(), samples.osv) == counts(0, 1, 18));
  const auto after = snapshot(db);
  CHECK(rewritten(before.at("osv_records"), after.at("osv_records")) == Set{"ZT-TEST-CURL"});
  Set affected;
  for (const std::string& key : rewritten(before.at("osv_affected"), after.at("osv_affected")))
    affected.insert(key.substr(0, key.find(':')));
  CHECK(affected == Set{"ZT-TEST-CURL"});
  CHECK(db.rows("SELECT ranges->0->1->>'fixed' FROM osv_affected"
                 " WHERE record_id = 'ZT-TEST-CURL'") == Set{"7.88.1-10+deb12u99"});
}

TEST_CASE("An older copy of a stored OSV record changes nothing", "[integration]") {
  TenantDatabase db;
  Samples samples;
  (void)samples.store(db.ingest());
  const auto before = snapshot(db);
  for (zt::feeds::OsvRecord& record : samples.osv)
    if (record.id == "ZT-TEST-CURL") {
      record.modified -= 24h;
      record.summary = "an older text";
    }
  CHECK(zt::pg::store_osv_records(db.ingest(), samples.osv) == counts(0, 0, 19));
  CHECK(snapshot(db) == before);
}

TEST_CASE("A record withdrawn later is marked withdrawn", "[integration]") {
  TenantDatabase db;
  Samples samples;
  (void)samples.store(db.ingest());
  for (zt::feeds::OsvRecord& record : samples.osv)
    if (record.id == "ZT-TEST-ZLIB") record.withdrawn = record.modified += 1h;
  CHECK(zt::pg::store_osv_records(db.ingest(), samples.osv) == counts(0, 1, 18, 1));
  CHECK(db.rows("SELECT id FROM osv_records WHERE withdrawn IS NOT NULL") ==
        Set{"ZT-TEST-WITHDRAWN", "ZT-TEST-ZLIB"});
}

TEST_CASE("Changed KEV and EPSS entries are updated, an older day's scores are not",
          "[integration]") {
  TenantDatabase db;
  Samples samples;
  (void)samples.store(db.ingest());
  const auto before = snapshot(db);

  samples.kev.records[0].due_date = "2025-04-01";
  CHECK(zt::pg::store_kev(db.ingest(), samples.kev) == counts(0, 1, 2));
  samples.epss.records[0].epss = 0.5;
  samples.epss.score_date = *samples.epss.score_date - std::chrono::days(1);
  CHECK(zt::pg::store_epss(db.ingest(), samples.epss) == counts(0, 0, 5));
  samples.epss.score_date = *samples.epss.score_date + std::chrono::days(2);
  CHECK(zt::pg::store_epss(db.ingest(), samples.epss) == counts(0, 5, 0));

  const auto after = snapshot(db);
  CHECK(rewritten(before.at("kev_entries"), after.at("kev_entries")) ==
        Set{samples.kev.records[0].cve});
  CHECK(db.rows("SELECT cve_id, score, score_date FROM epss_scores WHERE score = 0.5") ==
        Set{"CVE-1999-0001|0.5|2025-02-21"});
}

TEST_CASE("The newer description of a CVE wins, a rejection is counted", "[integration]") {
  TenantDatabase db;
  Samples samples;
  (void)zt::pg::store_cve_records(db.ingest(), samples.cves);
  zt::feeds::CveRecord record = samples.cves.front();
  record.description = "an older description";
  *record.modified -= 24h;
  CHECK(zt::pg::store_cve_records(db.ingest(), {record}) == counts(0, 0, 1));
  record.description = "rejected: a duplicate";
  record.rejected = true;
  *record.modified += 48h;
  CHECK(zt::pg::store_cve_records(db.ingest(), {record}) == counts(0, 1, 0, 1));
  CHECK(db.rows("SELECT cve_id, description FROM cve_database WHERE rejected") ==
        Set{record.id + "|rejected: a duplicate"});
}

TEST_CASE("U+0000, which jsonb refuses, is stored as U+FFFD", "[integration]") {
  TenantDatabase db;
  zt::feeds::OsvRecord record = sample_osv().front();
  record.summary = std::string("a\0b\\u0000c", 10);
  CHECK(zt::pg::store_osv_records(db.ingest(), {record}) == counts(1, 0, 0));
  CHECK(db.rows("SELECT summary FROM osv_records") == Set{"a\uFFFDb\\u0000c"});
}

TEST_CASE("The ingest's role may upsert CVE records but not delete them", "[integration]") {
  TenantDatabase db;
  Samples samples;
  CHECK(zt::pg::store_cve_records(db.ingest(), samples.cves) == counts(5, 0, 0));
  CHECK_THROWS_AS(db.ingest().exec("DELETE FROM cve_database"), zt::pg::DbError);
  CHECK(db.count("SELECT count(*) FROM cve_database") == 5);
}
