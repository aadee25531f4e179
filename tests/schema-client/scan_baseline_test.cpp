// Differential uploads in the model: a scan's state and digest, the delta against a baseline,
// and what the strict reader accepts of a delta.
#include "schema-client/model/scan_baseline.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "schema-client/model/wire_format.hpp"
#include "tests/schema-client/problem_lines.hpp"
#include "tests/schema-client/sample_batch.hpp"

using namespace zt;
using nlohmann::json;
using testing::Lines;
using testing::next_scan;

namespace {

std::set<std::string> fingerprints(const std::vector<model::Finding>& findings) {
  std::set<std::string> out;
  for (const model::Finding& f : findings) out.insert(f.fingerprint);
  return out;
}

std::set<std::string> joined(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out = a;
  out.insert(b.begin(), b.end());
  return out;
}

Lines problems(const json& document) {
  return testing::problem_lines(model::batch_from_json(document));
}

}  // namespace

TEST_CASE("a delta holds exactly the new and changed findings and the removed fingerprints",
          "[unit][delta]") {
  const std::uint64_t seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937_64 random(seed);
  int next_port = 20000;
  model::Batch scan = testing::completed_scan(testing::kAgentIdentity, 1);
  for (int step = 2; step < 12; ++step) {
    INFO("step " << step);
    const model::ScanBaseline base = model::baseline_of(scan);
    model::Batch next = next_scan(scan, step);
    const testing::FindingChanges changes =
        testing::change_findings(next, random, testing::kAgentIdentity, next_port);
    const auto delta = model::delta_of(next, base);
    REQUIRE(delta);
    CHECK(fingerprints(delta->findings) == joined(changes.added, changes.changed));
    CHECK(std::set<std::string>(delta->delta->removed.begin(), delta->delta->removed.end()) ==
          changes.removed);
    CHECK(delta->delta->base == base.digest);
    CHECK(delta->digest == model::baseline_of(next).digest);
    CHECK(delta->dependencies.empty());
    CHECK(delta->scan == next.scan);
    // What the agent writes, the ingest reads back unchanged.
    const auto read = model::parse_batch(model::serialize(*delta));
    REQUIRE(read.ok());
    CHECK(*read == *delta);
    scan = next;
  }
}

TEST_CASE("a scan's digest depends on its findings and inventory, not on their order",
          "[unit][delta]") {
  const model::Batch scan = testing::completed_scan(testing::kAgentIdentity, 1);
  model::Batch reordered = scan;
  std::ranges::reverse(reordered.findings);
  std::ranges::reverse(reordered.dependencies);
  CHECK(model::baseline_of(reordered).digest == model::baseline_of(scan).digest);

  model::Batch retitled = scan;
  retitled.findings[3].title += "!";
  CHECK(model::baseline_of(retitled).digest != model::baseline_of(scan).digest);
  model::Batch upgraded = scan;
  upgraded.dependencies[0].version += "+1";
  CHECK(model::baseline_of(upgraded).digest != model::baseline_of(scan).digest);
  CHECK(model::baseline_of(upgraded).inventory != model::baseline_of(scan).inventory);
  CHECK(model::collectors_key(scan.scan) ==
        "ai_ml,api,auth,compliance,config,container,database,iot_ot,network,privacy,system,web3");
}

TEST_CASE(
    "no delta where the ingest could not trust one: changed inventory, a collector not "
    "completed, other collectors",
    "[unit][delta]") {
  const model::Batch scan = testing::completed_scan(testing::kAgentIdentity, 1);
  const model::ScanBaseline base = model::baseline_of(scan);
  model::Batch next = next_scan(scan, 2);
  CHECK(model::delta_of(next, base));

  SECTION("a package changed") {
    next.dependencies.pop_back();
    CHECK_FALSE(model::delta_of(next, base));
  }
  SECTION("a collector did not complete") {
    next.scan.results["auth"].status = model::CollectorStatus::partial;
    CHECK_FALSE(model::can_be_baseline(next));
    CHECK_FALSE(model::delta_of(next, base));
  }
  SECTION("the scan is partial") {
    next.scan.status = model::ScanStatus::partial;
    CHECK_FALSE(model::delta_of(next, base));
  }
  SECTION("another set of collectors") {
    next.scan.results.erase("web3");
    CHECK_FALSE(model::delta_of(next, base));
  }
}

TEST_CASE("a baseline is stored as JSON and read back, and a tampered one is refused",
          "[unit][delta]") {
  model::ScanBaseline base =
      model::baseline_of(testing::completed_scan(testing::kAgentIdentity, 1));
  base.deltas = 5;
  const auto back = model::baseline_from_json(model::to_json(base));
  REQUIRE(back.ok());
  CHECK(*back == base);

  json tampered = model::to_json(base);
  tampered["findings"].begin().value() = std::string(64, '0');
  CHECK(testing::problem_lines(model::baseline_from_json(tampered)) ==
        Lines{"$.digest: does not match the findings and inventory"});
  json unknown = model::to_json(base);
  unknown["extra"] = 1;
  CHECK(testing::problem_lines(model::baseline_from_json(unknown)) ==
        Lines{"$.extra: unknown key"});
}

TEST_CASE("the reader takes a delta only as one part of a completed scan without inventory",
          "[unit][wire][delta]") {
  const model::Batch scan = testing::completed_scan(testing::kAgentIdentity, 1);
  model::Batch next = next_scan(scan, 2);
  next.findings[0].title += " (changed)";
  const std::string gone = next.findings[1].fingerprint;
  next.findings.erase(next.findings.begin() + 1);
  const json delta = model::to_json(*model::delta_of(next, model::baseline_of(scan)));
  REQUIRE(problems(delta) == Lines{});
  CHECK(delta.at("delta").at("removed") == json::array({gone}));

  json doc = delta;
  SECTION("without its digest") {
    doc.erase("digest");
    CHECK(problems(doc) == Lines{"$.digest: required with a delta: the state the delta leads to"});
  }
  SECTION("in parts") {
    doc["parts"] = 2;
    CHECK(problems(doc) == Lines{"$.parts: a delta is one part, got 2"});
  }
  SECTION("with packages") {
    doc["dependencies"] = model::to_json(scan).at("dependencies");
    CHECK(problems(doc) ==
          Lines{"$.delta: a delta carries no inventory (dependencies, config files): a scan "
                "whose inventory changed is sent whole"});
  }
  SECTION("of a scan not completed") {
    doc["scan"]["results"]["auth"]["status"] = "partial";
    CHECK(problems(doc) ==
          Lines{"$.delta: a delta needs a completed scan whose every collector completed"});
  }
  SECTION("removing what it sends") {
    doc["delta"]["removed"].push_back(doc["findings"][0]["fingerprint"]);
    CHECK(problems(doc) == Lines{"$.delta.removed[1]: also sent in $.findings"});
  }
  SECTION("digests that are not SHA-256") {
    doc["delta"]["base"] = "abc";
    doc["delta"]["removed"][0] = 7;
    doc["digest"] = std::string(64, 'A');
    CHECK(problems(doc) ==
          Lines{"$.digest: expected 64 lower-case hex digits (SHA-256)",
                "$.delta.base: expected 64 lower-case hex digits (SHA-256)",
                "$.delta.removed[0]: expected a fingerprint: expected 64 lower-case hex digits "
                "(SHA-256)"});
  }
}
