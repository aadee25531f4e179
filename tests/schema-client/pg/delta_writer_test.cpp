// Differential uploads at the database: a delta must leave exactly what a whole upload of
// the same scan leaves (the oracle is the whole upload, on a second company), and a delta the
// ingest cannot place is refused with nothing written.
#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>
#include <random>
#include <set>

#include "schema-client/model/scan_baseline.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"
#include "tests/schema-client/sample_batch.hpp"

using zt::model::Batch;
using zt::testing::next_scan;
using zt::testing::TenantDatabase;

namespace {

// The finding rows of `agent` as a whole upload defines them: every column of the unified
// row but its id and updated_at, and each category row's columns but its ids (the config
// file's too), scan and times.
std::set<std::string> finding_state(TenantDatabase& db, const zt::pg::AgentRef& agent) {
  std::set<std::string> rows = db.rows(
      "SELECT fingerprint, category, title, severity, status, resolved_reason, risk_score,"
      " metadata::text, scan_id, discovered_at, last_seen FROM vulnerabilities_v2"
      " WHERE agent_id = '" +
      agent.agent_id + "'");
  for (const auto& spec : zt::model::all_categories())
    for (const std::string& row :
         db.rows("SELECT (to_jsonb(c) - 'id' - 'vulnerability_id' - 'company_id' - 'agent_id'"
                 " - 'scan_id' - 'config_file_id' - 'created_at' - 'updated_at')::text FROM " +
                 std::string(spec.table) + " c WHERE c.company_id = '" + agent.company_id + "'"))
      rows.insert(std::string(spec.table) + " " + row);
  return rows;
}

Batch with_digest(Batch scan) {
  scan.digest = zt::model::baseline_of(scan).digest;
  return scan;
}

}  // namespace

TEST_CASE("A run of deltas leaves the database as the same scans sent whole leave it",
          "[integration][delta]") {
  const std::uint64_t seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937_64 random(seed);
  TenantDatabase db;
  const auto whole = db.add_agent("Whole Inc");   // every scan whole: the oracle
  const auto deltas = db.add_agent("Delta Inc");  // the same scans as deltas where they can be
  int next_port = 20000, sent_as_delta = 0;
  Batch scan = with_digest(zt::testing::completed_scan(zt::testing::kAgentIdentity, 1));
  std::optional<zt::model::ScanBaseline> base;
  for (int hour = 1; hour < 16; ++hour) {
    INFO("hour " << hour);
    if (hour > 1) {
      scan = next_scan(scan, hour);
      zt::testing::change_findings(scan, random, zt::testing::kAgentIdentity, next_port);
      if (hour == 9) scan.dependencies.pop_back();  // an upgrade: that scan goes whole
      scan = with_digest(scan);
    }
    REQUIRE(zt::pg::write_batch(db.ingest(), whole, scan).ok());
    const std::optional<Batch> delta = base ? zt::model::delta_of(scan, *base) : std::nullopt;
    CHECK(delta.has_value() == (hour != 1 && hour != 9));
    const auto written = zt::pg::write_batch(db.ingest(), deltas, delta ? *delta : scan);
    REQUIRE(written.ok());
    REQUIRE(written->baseline_mismatch == "");
    REQUIRE(written->mismatch == "");
    sent_as_delta += delta ? 1 : 0;
    base = zt::model::baseline_of(scan);
    // Compared as what each has that the other has not: both empty when they agree.
    const std::set<std::string> got = finding_state(db, deltas), want = finding_state(db, whole);
    std::set<std::string> extra, missing;
    std::ranges::set_difference(got, want, std::inserter(extra, extra.end()));
    std::ranges::set_difference(want, got, std::inserter(missing, missing.end()));
    CHECK(extra == std::set<std::string>{});
    CHECK(missing == std::set<std::string>{});
  }
  CHECK(sent_as_delta == 13);
  CHECK(db.rows("SELECT collectors, digest FROM scan_baselines WHERE agent_id = '" +
                deltas.agent_id + "'") ==
        std::set<std::string>{base->collectors + "|" + base->digest});
}

TEST_CASE(
    "A delta the ingest cannot place is refused and writes nothing, and a partial scan ends "
    "the chain",
    "[integration][delta]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  const Batch first = with_digest(zt::testing::completed_scan(zt::testing::kAgentIdentity, 1));
  Batch second = next_scan(first, 2);
  second.findings.pop_back();
  const auto count_writes = [&] {
    return db.count("SELECT count(*) FROM ingested_batches") * 1000 +
           db.count("SELECT count(*) FROM scans");
  };

  SECTION("no base yet") {
    const auto refused = zt::pg::write_batch(
        db.ingest(), agent, *zt::model::delta_of(second, zt::model::baseline_of(first)));
    REQUIRE(refused.ok());
    CHECK(refused->baseline_mismatch == "the ingest holds no base scan of collectors \"" +
                                            zt::model::collectors_key(second.scan) + "\"");
    CHECK(count_writes() == 0);
  }
  SECTION("another base") {
    REQUIRE(zt::pg::write_batch(db.ingest(), agent, first).ok());
    const long long before = count_writes();
    Batch other = first;
    other.findings[0].title = "another state";
    const auto refused = zt::pg::write_batch(
        db.ingest(), agent, *zt::model::delta_of(second, zt::model::baseline_of(other)));
    REQUIRE(refused.ok());
    CHECK(refused->baseline_mismatch != "");
    CHECK(count_writes() == before);
  }
  SECTION("a partial scan in between drops the base") {
    REQUIRE(zt::pg::write_batch(db.ingest(), agent, first).ok());
    Batch partial = next_scan(first, 2);
    partial.scan.status = zt::model::ScanStatus::partial;
    REQUIRE(zt::pg::write_batch(db.ingest(), agent, partial).ok());
    CHECK(db.count("SELECT count(*) FROM scan_baselines") == 0);
    Batch third = next_scan(first, 3);
    third.findings.pop_back();
    const auto refused = zt::pg::write_batch(
        db.ingest(), agent, *zt::model::delta_of(third, zt::model::baseline_of(first)));
    REQUIRE(refused.ok());
    CHECK(refused->baseline_mismatch != "");
  }
  SECTION("the same delta twice is a duplicate") {
    REQUIRE(zt::pg::write_batch(db.ingest(), agent, first).ok());
    const Batch delta = *zt::model::delta_of(second, zt::model::baseline_of(first));
    const auto written = zt::pg::write_batch(db.ingest(), agent, delta);
    REQUIRE(written.ok());
    CHECK(written->resolved == 1);
    CHECK(written->unchanged == static_cast<long long>(second.findings.size()));
    const auto again = zt::pg::write_batch(db.ingest(), agent, delta);
    REQUIRE(again.ok());
    CHECK(again->duplicate);
    CHECK(again->baseline_mismatch == "");
  }
}
