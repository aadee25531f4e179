#include <catch2/catch.hpp>

#include "schema-client/model/uuid.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/fleet.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"
#include "tests/schema-client/sample_batch.hpp"

using zt::pg::DbError;
using zt::pg::Transaction;
using zt::testing::TenantDatabase;

namespace {

zt::model::Batch batch_for(const std::string& agent_identity) {
  return zt::testing::completed_scan(agent_identity, 10);
}

long long visible(Transaction& tx, const std::string& table) {
  return tx.exec("SELECT count(*) FROM " + table).integer(0, 0);
}

}  // namespace

TEST_CASE("As the ingest role, a company's context shows its rows only and refuses writes "
          "into another company",
          "[integration]") {
  TenantDatabase db;
  const auto a = db.add_agent("Company A");
  const auto b = db.add_agent("Company B");
  REQUIRE(zt::pg::write_batch(db.ingest(), a, batch_for(a.agent_id)).ok());
  REQUIRE(zt::pg::write_batch(db.ingest(), b, batch_for(b.agent_id)).ok());
  const long long per_company = static_cast<long long>(zt::testing::sample_batch().findings.size());
  REQUIRE(db.count("SELECT count(*) FROM vulnerabilities_v2") == 2 * per_company);

  SECTION("no context: nothing is visible") {
    Transaction tx(db.ingest());
    for (const char* table : {"agents", "scans", "vulnerabilities_v2", "auth_findings",
                              "dependencies", "vulnerabilities_v2_p0", "vulnerabilities_v2_p1",
                              "vulnerabilities_v2_p2", "vulnerabilities_v2_p3"}) {
      INFO(table);
      CHECK(visible(tx, table) == 0);
    }
  }
  SECTION("A's context: A's rows, not B's") {
    Transaction tx(db.ingest());
    tx.set_company(a.company_id);
    CHECK(visible(tx, "vulnerabilities_v2") == per_company);
    CHECK(tx.exec("SELECT count(*) FROM vulnerabilities_v2 WHERE company_id = $1::uuid",
                  {zt::pg::param(b.company_id)})
              .integer(0, 0) == 0);
    CHECK(visible(tx, "agents") == 1);
    CHECK(visible(tx, "network_findings") == 1);
  }
  SECTION("A's context: writing a row of B fails") {
    Transaction tx(db.ingest());
    tx.set_company(a.company_id);
    try {
      tx.exec("INSERT INTO scans (company_id, agent_id, scan_type, status) VALUES"
              " ($1::uuid, $2::uuid, 'x', 'running')",
              {zt::pg::param(b.company_id), zt::pg::param(b.agent_id)});
      FAIL("the insert into company B was accepted");
    } catch (const DbError& e) {
      CHECK(e.sqlstate() == "42501");
      CHECK_FALSE(e.unavailable());
    }
  }
  SECTION("A's context: B's rows cannot be changed or deleted") {
    Transaction tx(db.ingest());
    tx.set_company(a.company_id);
    CHECK(tx.exec("UPDATE agents SET name = 'x' WHERE id = $1::uuid", {zt::pg::param(b.agent_id)})
              .affected() == 0);
    CHECK(tx.exec("DELETE FROM vulnerabilities_v2 WHERE company_id = $1::uuid",
                  {zt::pg::param(b.company_id)})
              .affected() == 0);
  }
  SECTION("the context ends with the transaction") {
    {
      Transaction tx(db.ingest());
      tx.set_company(a.company_id);
      tx.commit();
    }
    Transaction tx(db.ingest());
    CHECK(visible(tx, "vulnerabilities_v2") == 0);
  }
}

TEST_CASE("An agent of A sending B's ids writes nothing of B", "[integration]") {
  TenantDatabase db;
  const auto a = db.add_agent("Company A");
  const auto b = db.add_agent("Company B");
  const zt::model::Batch of_b = batch_for(b.agent_id);
  REQUIRE(zt::pg::write_batch(db.ingest(), b, of_b).ok());
  const long long b_rows = db.count("SELECT count(*) FROM vulnerabilities_v2");

  SECTION("B's scan id and batch id: A's scan of that id is A's own, B's stays as it was") {
    zt::model::Batch forged = batch_for(a.agent_id);
    forged.scan.id = of_b.scan.id;
    forged.batch_id = of_b.batch_id;
    forged.scan.scan_type = "forged";
    auto result = zt::pg::write_batch(db.ingest(), a, forged);
    REQUIRE(result.ok());
    CHECK_FALSE(result->duplicate);
    CHECK(db.count("SELECT count(*) FROM scans WHERE id = '" + of_b.scan.id + "'") == 2);
    CHECK(db.count("SELECT count(*) FROM scans WHERE scan_type = 'forged' AND company_id = '" +
                   b.company_id + "'") == 0);
    CHECK(db.count("SELECT count(*) FROM ingested_batches") == 2);
    CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE company_id = '" +
                   b.company_id + "'") == b_rows);
    CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE company_id = '" +
                   a.company_id + "' AND scan_id = '" + of_b.scan.id + "'") == b_rows);
  }
  SECTION("a scan id of another agent of the same company is refused") {
    const auto b2 = db.add_agent_to(b.company_id);
    zt::model::Batch forged = batch_for(b2.agent_id);
    forged.scan.id = of_b.scan.id;
    auto result = zt::pg::write_batch(db.ingest(), b2, forged);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.error().message, Catch::Contains("belongs to another agent"));
    CHECK(db.count("SELECT count(*) FROM ingested_batches") == 1);
  }
  SECTION("B's fingerprints: A gets rows of its own, B's stay as they were") {
    zt::model::Batch forged = of_b;
    forged.batch_id = zt::model::new_uuid();
    forged.scan.id = zt::model::new_uuid();
    for (auto& f : forged.findings) f.title = "overwritten";
    REQUIRE(zt::pg::write_batch(db.ingest(), a, forged).ok());
    CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE title = 'overwritten'"
                   " AND company_id = '" + b.company_id + "'") == 0);
    CHECK(db.count("SELECT count(*) FROM vulnerabilities_v2 WHERE company_id = '" +
                   a.company_id + "'") == b_rows);
  }
  SECTION("another agent's fingerprints in the same company: rows of its own, never taken "
          "over (findings belong to their agent, migration 0007)") {
    const auto b2 = db.add_agent_to(b.company_id);
    zt::model::Batch forged = of_b;
    forged.batch_id = zt::model::new_uuid();
    forged.scan.id = zt::model::new_uuid();
    for (auto& f : forged.findings) f.title = "overwritten";
    auto result = zt::pg::write_batch(db.ingest(), b2, forged);
    REQUIRE(result.ok());
    CHECK(result->mismatch.empty());
    CHECK(result->findings == b_rows);
    for (const std::string table : {"vulnerabilities_v2", "auth_findings"}) {
      INFO(table);
      CHECK(db.count("SELECT count(*) FROM " + table + " WHERE title = 'overwritten'"
                     " AND agent_id <> '" + b2.agent_id + "'") == 0);
      CHECK(db.count("SELECT count(*) FROM " + table + " WHERE title = 'overwritten'") ==
            db.count("SELECT count(*) FROM " + table + " WHERE agent_id = '" + b.agent_id +
                     "'"));
    }
  }
}
