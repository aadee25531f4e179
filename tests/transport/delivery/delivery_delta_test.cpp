// Differential uploads from the agent's side (fake ingest over loopback, real spool and
// baselines): scans go whole until the ingest says it takes deltas, then with their digest,
// then as deltas against the last acknowledged one; one in full_upload_every goes whole; a
// delta the ingest cannot place, or a digest an older ingest refuses, is sent again whole,
// never given up.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "schema-client/model/scan_baseline.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/model/wire_format.hpp"
#include "tests/transport/delivery/delivery_fixture.hpp"
#include "transport/baseline_store.hpp"
#include "transport/batch_splitter.hpp"

using namespace zt;
using namespace zt::test;
using namespace zt::transport;
using nlohmann::json;

namespace {

ingest::Response accept_deltas(const Seen& seen, std::size_t) {
  return json_answer(200, json{{"batch_id", seen.batch_id},
                               {"result", "written"},
                               {"max_batch_findings", 1000},
                               {"differential_uploads", true}}
                              .dump());
}

// The auth collector's completed scan of the sample findings, new ids each time.
model::Batch auth_scan(const std::vector<model::Finding>& findings) {
  model::Batch batch = make_batch();
  batch.scan.id = model::new_uuid();
  batch.scan.status = model::ScanStatus::completed;
  batch.scan.results = {{"auth", {.status = model::CollectorStatus::completed,
                                  .category = model::Category::auth}}};
  batch.findings = findings;
  return batch;
}

// How each scan went out: "whole", "whole+digest" or "delta".
std::string kind_of(const Seen& seen) {
  if (seen.body.contains("delta")) return "delta";
  return seen.body.contains("digest") ? "whole+digest" : "whole";
}

struct Agent {
  explicit Agent(Route batches = accept_deltas, int full_upload_every = 24)
      : ingest(std::move(batches)) {
    spool = open_spool(tree.root());
    DeliveryOptions options = fast_options(ingest, tree.root());
    options.full_upload_every = full_upload_every;
    delivery = start_delivery(options, *spool);
  }
  // Spools `scan` and waits until it has left the spool.
  void deliver(const model::Batch& scan) {
    REQUIRE(spool->put(scan));
    REQUIRE(eventually([&] { return spool->stats().batches == 0; }));
  }
  std::vector<std::string> kinds() const {
    std::vector<std::string> out;
    for (const Seen& seen : ingest.seen(kBatchesPath)) out.push_back(kind_of(seen));
    return out;
  }
  std::optional<model::ScanBaseline> baseline(const std::string& collectors) const {
    return BaselineStore::open(tree.root() / "baselines").value().load(collectors);
  }

  TempTree tree;
  FakeIngest ingest;
  std::unique_ptr<Spool> spool;
  std::unique_ptr<Delivery> delivery;
};

}  // namespace

TEST_CASE("scans go whole until the ingest says it takes deltas, then with their digest, then "
          "as the changes since the last one acknowledged",
          "[integration][delta]") {
  Agent agent;
  const std::vector<model::Finding> findings = make_batch(3).findings;
  const model::Batch first = auth_scan(findings), second = auth_scan(findings);
  agent.deliver(first);
  agent.deliver(second);
  CHECK(agent.kinds() == std::vector<std::string>{"whole", "whole+digest"});
  const auto base = agent.baseline("auth");
  REQUIRE(base);
  CHECK(*base == model::baseline_of(second));
  CHECK(std::filesystem::exists(agent.tree.root() / "baselines" / "auth.json"));

  model::Batch third = auth_scan(findings);
  third.findings[0].title += " (changed)";
  third.findings.pop_back();
  agent.deliver(third);
  const Seen sent = agent.ingest.seen(kBatchesPath).back();
  CHECK(kind_of(sent) == "delta");
  CHECK(sent.batch_id == third.batch_id);
  CHECK(sent.body["delta"]["base"] == base->digest);
  CHECK(sent.body["delta"]["removed"] == json::array({findings.back().fingerprint}));
  CHECK(sent.body["digest"] == model::baseline_of(third).digest);
  REQUIRE(sent.body["findings"].size() == 1);
  CHECK(sent.body["findings"][0]["title"] == third.findings[0].title);
  // The ingest reads it as a delta; the baseline moved on, one delta since the whole upload.
  CHECK(model::parse_batch(sent.body.dump()).ok());
  model::ScanBaseline moved = model::baseline_of(third);
  moved.deltas = 1;
  CHECK(agent.baseline("auth") == moved);
  // Counted just after the record leaves the spool.
  CHECK(eventually([&] { return agent.delivery->stats().deltas == 1; }));
}

TEST_CASE("one upload in full_upload_every is whole", "[integration][delta]") {
  Agent agent(accept_deltas, 3);
  const std::vector<model::Finding> findings = make_batch(3).findings;
  for (int i = 0; i < 8; ++i) agent.deliver(auth_scan(findings));
  CHECK(agent.kinds() == std::vector<std::string>{"whole", "whole+digest", "delta", "delta",
                                                  "whole+digest", "delta", "delta",
                                                  "whole+digest"});
}

TEST_CASE("409 baseline_mismatch: the scan goes again whole with its digest, at once, under new "
          "ids",
          "[integration][delta]") {
  Agent agent([](const Seen& seen, std::size_t n) {
    if (seen.body.contains("delta"))
      return json_answer(409, json{{"error", {{"code", "baseline_mismatch"},
                                              {"message", "no base scan"}}},
                                   {"max_batch_findings", 1000},
                                   {"differential_uploads", true}}
                                  .dump());
    return accept_deltas(seen, n);
  });
  const std::vector<model::Finding> findings = make_batch(3).findings;
  agent.deliver(auth_scan(findings));
  agent.deliver(auth_scan(findings));
  const model::Batch third = auth_scan(findings);
  agent.deliver(third);
  CHECK(agent.kinds() ==
        std::vector<std::string>{"whole", "whole+digest", "delta", "whole+digest"});
  const Seen again = agent.ingest.seen(kBatchesPath).back();
  CHECK(again.batch_id == part_batch_id(third.batch_id, 1, 1));
  CHECK(again.body["findings"].size() == findings.size());
  CHECK(agent.baseline("auth") == model::baseline_of(third));
  const DeliveryStats stats = agent.delivery->stats();
  CHECK(stats.sent_whole_again == 1);
  CHECK(stats.dead_lettered == 0);
}

TEST_CASE("an ingest that does not know digests refuses them: the scan goes whole without, and "
          "the next ones too",
          "[integration][delta]") {
  // Says it takes deltas once, then is an older ingest put back: unknown keys are refused.
  Agent agent([](const Seen& seen, std::size_t n) {
    if (n == 0) return accept_deltas(seen, n);
    if (seen.body.contains("digest"))
      return json_answer(422, json{{"error", {{"code", "invalid_batch"},
                                              {"message", "$.digest: unknown key"}}},
                                   {"max_batch_findings", 1000}}
                                  .dump());
    return accept_batch(seen, n);
  });
  const std::vector<model::Finding> findings = make_batch(3).findings;
  for (int i = 0; i < 3; ++i) agent.deliver(auth_scan(findings));
  CHECK(agent.kinds() == std::vector<std::string>{"whole", "whole+digest", "whole", "whole"});
  CHECK(agent.delivery->stats().dead_lettered == 0);
  CHECK_FALSE(agent.baseline("auth"));
}

TEST_CASE("a damaged baseline file is no baseline: the scan goes whole", "[integration][delta]") {
  Agent agent;
  const std::vector<model::Finding> findings = make_batch(3).findings;
  agent.deliver(auth_scan(findings));
  agent.deliver(auth_scan(findings));
  std::ofstream(agent.tree.root() / "baselines" / "auth.json") << "{\"collectors\": \"auth\"";
  agent.deliver(auth_scan(findings));
  CHECK(agent.kinds() == std::vector<std::string>{"whole", "whole+digest", "whole+digest"});
  CHECK(agent.baseline("auth").has_value());
}

TEST_CASE("a delta cut before a restart goes again the same after it, or whole when its "
          "baseline is gone",
          "[integration][delta]") {
  const bool baseline_lost = GENERATE(false, true);
  INFO("baseline lost across the restart: " << baseline_lost);
  TempTree tree;
  const std::vector<model::Finding> findings = make_batch(3).findings;
  model::Batch third = auth_scan(findings);
  third.findings.pop_back();
  {
    // Takes whole scans; a delta finds the ingest away.
    FakeIngest away([](const Seen& seen, std::size_t n) {
      return seen.body.contains("delta") ? unavailable() : accept_deltas(seen, n);
    });
    auto spool = open_spool(tree.root());
    auto delivery = start_delivery(fast_options(away, tree.root()), *spool);
    for (const model::Batch& scan : {auth_scan(findings), auth_scan(findings)}) {
      REQUIRE(spool->put(scan));
      REQUIRE(eventually([&] { return spool->stats().batches == 0; }));
    }
    REQUIRE(spool->put(third));
    REQUIRE(eventually([&] {
      const auto seen = away.seen(kBatchesPath);
      return seen.size() == 3 && kind_of(seen.back()) == "delta";
    }));
    delivery->stop();
  }
  const std::string base = model::baseline_of(auth_scan(findings)).digest;
  if (baseline_lost) std::filesystem::remove(tree.root() / "baselines" / "auth.json");

  FakeIngest back(accept_deltas);
  auto spool = open_spool(tree.root());
  auto delivery = start_delivery(fast_options(back, tree.root()), *spool);
  REQUIRE(eventually([&] { return spool->stats().batches == 0; }));
  delivery->stop();
  const auto seen = back.seen(kBatchesPath);
  REQUIRE(seen.size() == 1);
  if (baseline_lost) {
    CHECK(kind_of(seen[0]) == "whole+digest");
    CHECK(seen[0].batch_id == part_batch_id(third.batch_id, 1, 1));
  } else {
    REQUIRE(kind_of(seen[0]) == "delta");
    CHECK(seen[0].batch_id == third.batch_id);
    CHECK(seen[0].body["delta"]["base"] == base);
  }
}
