#include "agent/batch_builder.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "schema-client/model/uuid.hpp"
#include "schema-client/model/wire_format.hpp"
#include "schema-client/model/fingerprint.hpp"
#include "tests/agent/fake_collectors.hpp"

using namespace zt;
using agent::CollectorRun;
using agent::RunOutcome;

namespace {

CollectorRun run_of(std::string name, RunOutcome outcome, int findings) {
  CollectorRun run;
  run.name = std::move(name);
  run.category = model::Category::auth;
  run.outcome = outcome;
  run.duration = std::chrono::milliseconds(120);
  run.started = model::now();
  for (int i = 0; i < findings; ++i) {
    auto f = test::valid_finding("finding", "user" + std::to_string(i));
    f.fingerprint = model::compute_fingerprint("id", f);
    run.result.findings.push_back(f);
  }
  if (outcome != RunOutcome::completed) run.errors.push_back("something went wrong");
  return run;
}

model::Batch build(std::vector<CollectorRun> runs,
                   std::vector<agent::UnavailableCollector> unavailable = {}) {
  model::AgentInfo agent;
  agent.name = agent.hostname = "web-1";
  agent.version = "0.1.0";
  return agent::build_batch(std::move(runs), unavailable, agent,
                            {"once", {{"trigger", "once"}}, model::now(), model::now()});
}

}  // namespace

TEST_CASE("a batch holds every run's findings and outcome, and is valid on the wire", "[unit]") {
  const model::Batch batch =
      build({run_of("auth", RunOutcome::completed, 2), run_of("other", RunOutcome::completed, 1)});
  CHECK(model::is_uuid(batch.batch_id));
  CHECK(model::is_uuid(batch.scan.id));
  CHECK(batch.scan.status == model::ScanStatus::completed);
  CHECK(batch.scan.progress == 100);
  CHECK(batch.findings.size() == 3);
  const model::CollectorOutcome& auth = batch.scan.results.at("auth");
  CHECK(auth.status == model::CollectorStatus::completed);
  CHECK(auth.category == model::Category::auth);
  CHECK(auth.finding_count == 2);
  CHECK(auth.dependency_count == 0);
  CHECK(auth.duration_ms == 120);
  CHECK(auth.errors.empty());
  CHECK(auth.inventory == nlohmann::json::object());
  // On the wire, the keys the agent has always written.
  const nlohmann::json written = model::to_json(batch);
  std::set<std::string> keys;
  for (const auto& item : written["scan"]["results"]["auth"].items()) keys.insert(item.key());
  CHECK(keys == std::set<std::string>{"status", "category", "started_at", "duration_ms",
                                      "finding_count", "dependency_count", "errors",
                                      "inventory"});
  auto reparsed = model::parse_batch(model::serialize(batch));
  REQUIRE(reparsed.ok());
  CHECK(*reparsed == batch);
}

TEST_CASE("the scan status says whether every collector did its job", "[unit]") {
  CHECK(build({run_of("a", RunOutcome::completed, 0), run_of("b", RunOutcome::failed, 0)})
            .scan.status == model::ScanStatus::partial);
  CHECK(build({run_of("a", RunOutcome::timed_out, 0)}).scan.status == model::ScanStatus::failed);
  CHECK(build({run_of("a", RunOutcome::partial, 1)}).scan.status == model::ScanStatus::partial);
  const auto with_missing = build({run_of("a", RunOutcome::completed, 0)},
                                  {{"container", "no container engine socket found"}});
  CHECK(with_missing.scan.status == model::ScanStatus::partial);
  CHECK(with_missing.scan.results.at("container") ==
        model::CollectorOutcome{.status = model::CollectorStatus::unavailable,
                                .errors = {"no container engine socket found"}});
  CHECK(build({}).scan.status == model::ScanStatus::failed);
}

TEST_CASE("each run's outcome is written as the runner names it", "[unit]") {
  for (RunOutcome outcome : {RunOutcome::completed, RunOutcome::partial, RunOutcome::failed,
                             RunOutcome::timed_out, RunOutcome::skipped}) {
    CAPTURE(agent::to_string(outcome));
    const model::Batch batch = build({run_of("a", outcome, 0)});
    CHECK(model::to_string(batch.scan.results.at("a").status) == agent::to_string(outcome));
    CHECK(batch.scan.results.at("a").errors ==
          (outcome == RunOutcome::completed ? std::vector<std::string>{}
                                            : std::vector<std::string>{"something went wrong"}));
  }
}
