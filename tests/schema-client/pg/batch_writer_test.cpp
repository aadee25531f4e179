#include <catch2/catch.hpp>

#include <set>

#include "schema-client/model/category.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"
#include "tests/schema-client/sample_batch.hpp"

using zt::model::Batch;
using zt::model::Category;
using zt::testing::TenantDatabase;

namespace {

Batch scan_at(const zt::pg::AgentRef& agent, int hour) {
  return zt::testing::completed_scan(agent.agent_id, hour);
}

std::string fingerprint_of(const Batch& batch, Category category) {
  for (const auto& f : batch.findings)
    if (f.category == category) return f.fingerprint;
  return {};
}

void drop(Batch& batch, Category category) {
  std::erase_if(batch.findings, [&](const auto& f) { return f.category == category; });
}

// The scan at `hour` with its compliance control's result set to `status`.
Batch with_control(const zt::pg::AgentRef& agent, int hour, const std::string& status) {
  Batch batch = scan_at(agent, hour);
  for (auto& f : batch.findings)
    if (f.category == Category::compliance) f.fields["status"] = status;
  return batch;
}

}  // namespace

TEST_CASE("A batch lands in agents, scans, the unified list, every category table, the v1 CVE "
          "list and dependencies",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  const Batch batch = scan_at(agent, 10);
  auto report = zt::pg::write_batch(db.ingest(), agent, batch);
  REQUIRE(report.ok());
  CHECK_FALSE(report->duplicate);
  CHECK(report->findings == static_cast<long long>(batch.findings.size()));
  CHECK(report->dependencies == static_cast<long long>(batch.dependencies.size()));

  CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE status = 'open' AND agent_id = '" +
                 agent.agent_id + "' AND discovered_at = '2026-11-26T10:00:00Z'") ==
        static_cast<long long>(batch.findings.size()));
  for (const auto& s : zt::model::all_categories()) {
    INFO(s.table);
    // One row, linked to its unified row, with the same fingerprint and category.
    CHECK(db.count("SELECT count(*) FROM " + std::string(s.table) +
                   " c JOIN vulnerabilities_v2 v ON v.id = c.vulnerability_id AND"
                   " v.company_id = c.company_id AND v.fingerprint = c.fingerprint"
                   " WHERE v.category = '" + std::string(s.name) + "'") == 1);
  }
  CHECK(db.count("SELECT count(*) FROM network_findings WHERE host = '0.0.0.0' AND port = 443"
                 " AND ssl_enabled AND scan_id = '" + batch.scan.id + "'") == 1);
  CHECK(db.count("SELECT count(*) FROM auth_findings WHERE user_account = 'backup'"
                 " AND severity = 'critical' AND risk_score = 9.8") == 1);
  CHECK(db.count("SELECT count(*) FROM system_vulnerabilities WHERE eol_date = '2028-06-30'"
                 " AND patch_available") == 1);
  CHECK(db.count("SELECT count(*) FROM vulnerabilities WHERE cve_id = 'CVE-2023-5678'"
                 " AND package_name = 'openssl' AND cvss_score = 5.3") == 1);
  // Every column of each package; the second sent as an agent before 0008 does: '' (unknown).
  const auto dependencies = db.owner().exec(
      "SELECT concat_ws('|', name, version, type, location, license, source_name,"
      " source_version, arch, ecosystem) FROM dependencies WHERE scan_id = $1::uuid",
      {zt::pg::param(batch.scan.id)});
  std::set<std::string> rows;
  for (int i = 0; i < dependencies.size(); ++i) rows.emplace(dependencies.text(i, 0));
  CHECK(rows == std::set<std::string>{
                    "libssl3|3.0.11-1~deb12u1|deb|/var/lib/dpkg/status|Apache-2.0|openssl|"
                    "3.0.11-1~deb12u1|amd64|Debian:12",
                    "libc6|2.36-9+deb12u4|deb|/var/lib/dpkg/status|||||"});
  CHECK(db.count("SELECT count(*) FROM scans WHERE id = '" + batch.scan.id +
                 "' AND status = 'completed' AND progress = 100") == 1);
  CHECK(db.count("SELECT count(*) FROM agents WHERE id = '" + agent.agent_id + "' AND os = '" +
                 batch.agent.os + "' AND status = 'online'") == 1);
  CHECK(db.count("SELECT count(*) FROM ingested_batches WHERE batch_id = '" + batch.batch_id +
                 "'") == 1);
}

TEST_CASE("The same batch twice is acknowledged and writes nothing the second time",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  const Batch batch = scan_at(agent, 10);
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, batch).ok());
  const long long dependencies = db.count("SELECT count(*) FROM dependencies");
  const long long updated = db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE updated_at > created_at");

  auto again = zt::pg::write_batch(db.ingest(), agent, batch);
  REQUIRE(again.ok());
  CHECK(again->duplicate);
  CHECK(again->findings == 0);
  CHECK(db.count("SELECT count(*) FROM dependencies") == dependencies);
  CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE updated_at > created_at") == updated);
  CHECK(db.count("SELECT count(*) FROM ingested_batches") == 1);
}

TEST_CASE("A finding seen again keeps its row and discovered_at, one no longer reported is "
          "resolved and reopens when it returns",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  const Batch first = scan_at(agent, 10);
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, first).ok());
  const std::string auth = fingerprint_of(first, Category::auth);
  auto status_of = [&](const std::string& fingerprint) {
    return std::string(db.owner()
                           .exec("SELECT status || ' ' || to_char(discovered_at AT TIME ZONE 'UTC',"
                                 " 'HH24') || ' ' || to_char(last_seen AT TIME ZONE 'UTC', 'HH24')"
                                 " FROM vulnerabilities_v2 WHERE fingerprint = $1",
                                 {zt::pg::param(fingerprint)})
                           .text(0, 0));
  };
  const long long rows = db.count("SELECT count(*) FROM vulnerabilities_v2");

  Batch second = scan_at(agent, 11);
  drop(second, Category::auth);
  auto report = zt::pg::write_batch(db.ingest(), agent, second);
  REQUIRE(report.ok());
  CHECK(report->resolved == 1);
  CHECK(status_of(auth) == "resolved 10 10");
  CHECK(status_of(fingerprint_of(first, Category::network)) == "open 10 11");
  CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2") == rows);

  const Batch third = scan_at(agent, 12);
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, third).ok());
  CHECK(status_of(auth) == "open 10 12");
  CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2") == rows);

  SECTION("a late batch of an older scan neither resolves nor reopens newer state") {
    Batch late = scan_at(agent, 9);
    drop(late, Category::auth);
    auto late_report = zt::pg::write_batch(db.ingest(), agent, late);
    REQUIRE(late_report.ok());
    CHECK(late_report->resolved == 0);
    CHECK(status_of(auth) == "open 10 12");
  }
  SECTION("a collector that did not complete resolves nothing of its category") {
    Batch partial = scan_at(agent, 13);
    drop(partial, Category::auth);
    partial.scan.results.at("auth").status = zt::model::CollectorStatus::partial;
    auto partial_report = zt::pg::write_batch(db.ingest(), agent, partial);
    REQUIRE(partial_report.ok());
    CHECK(partial_report->resolved == 0);
    CHECK(status_of(auth).starts_with("open"));
  }
  SECTION("a status set by a person is kept") {
    db.owner().exec("UPDATE vulnerabilities_v2 SET status = 'accepted' WHERE fingerprint = $1",
                    {zt::pg::param(auth)});
    REQUIRE(zt::pg::write_batch(db.ingest(), agent, scan_at(agent, 14)).ok());
    CHECK(status_of(auth) == "accepted 10 14");
  }
}

TEST_CASE("A compliance control is an open finding only while it fails: a pass resolves it, a "
          "fail reopens it, an error changes nothing, and every result is a compliance_checks "
          "row",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  const std::string control = fingerprint_of(scan_at(agent, 1), Category::compliance);
  auto state = [&] {
    return std::string(
        db.owner()
            .exec("SELECT v.status || ' ' || coalesce(v.resolved_reason, '-') || ' ' || c.status"
                  " FROM vulnerabilities_v2 v JOIN compliance_checks c ON c.vulnerability_id ="
                  " v.id WHERE v.fingerprint = $1",
                  {zt::pg::param(control)})
            .text(0, 0));
  };
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, with_control(agent, 10, "pass")).ok());
  CHECK(state() == "resolved passed pass");
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, with_control(agent, 11, "fail")).ok());
  CHECK(state() == "open - fail");
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, with_control(agent, 12, "error")).ok());
  CHECK(state() == "open - error");
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, with_control(agent, 13, "pass")).ok());
  CHECK(state() == "resolved passed pass");
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, with_control(agent, 14, "error")).ok());
  CHECK(state() == "resolved passed error");
  REQUIRE(
      zt::pg::write_batch(db.ingest(), agent, with_control(agent, 15, "not_applicable")).ok());
  CHECK(state() == "resolved passed not_applicable");
  // An older scan's late batch changes no status.
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, with_control(agent, 9, "fail")).ok());
  CHECK(state().starts_with("resolved passed"));
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, with_control(agent, 16, "fail")).ok());
  CHECK(state() == "open - fail");
  SECTION("a control first seen as not applicable, manual or undecided is no open finding") {
    for (const std::string status : {"not_applicable", "manual", "error"}) {
      const auto other = db.add_agent("Globex " + status);
      REQUIRE(zt::pg::write_batch(db.ingest(), other, with_control(other, 10, status)).ok());
      CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE category = 'compliance'"
                     " AND status = 'open' AND agent_id = '" + other.agent_id + "'") == 0);
    }
  }
}

TEST_CASE("Findings with the same fingerprint in one batch are written once", "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  Batch batch = scan_at(agent, 10);
  batch.findings.push_back(batch.findings.front());
  batch.findings.back().title = "the later copy";
  auto report = zt::pg::write_batch(db.ingest(), agent, batch);
  REQUIRE(report.ok());
  CHECK(report->findings == static_cast<long long>(batch.findings.size()) - 1);
  CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE title = 'the later copy'") == 1);
}

TEST_CASE("A scan split over several batches resolves only once all its parts are in, in any "
          "order",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  REQUIRE(zt::pg::write_batch(db.ingest(), agent, scan_at(agent, 10)).ok());

  // The next scan reports everything but auth, in two parts sent second part first.
  const Batch whole = scan_at(agent, 11);
  Batch first = whole, second = whole;
  first.batch_id = zt::model::new_uuid();
  second.batch_id = zt::model::new_uuid();
  first.part = 1;
  second.part = 2;
  first.parts = second.parts = 2;
  std::erase_if(first.findings, [](const auto& f) { return f.category != Category::system; });
  std::erase_if(second.findings, [](const auto& f) {
    return f.category == Category::system || f.category == Category::auth;
  });

  auto late_part = zt::pg::write_batch(db.ingest(), agent, second);
  REQUIRE(late_part.ok());
  CHECK(late_part->resolved == 0);
  CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE status = 'resolved'") == 0);

  auto completing = zt::pg::write_batch(db.ingest(), agent, first);
  REQUIRE(completing.ok());
  CHECK(completing->resolved == 1);
  CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE status = 'resolved'"
                 " AND category = 'auth'") == 1);
  CHECK(db.count("SELECT count(*) FROM ingested_batches WHERE scan_id = '" + whole.scan.id +
                 "' AND parts = 2") == 2);
}
