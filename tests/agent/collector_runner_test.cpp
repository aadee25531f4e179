#include "agent/collector_runner.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <catch2/catch.hpp>

#include "schema-client/model/fingerprint.hpp"
#include "tests/agent/fake_collectors.hpp"

using namespace zt;
using agent::CollectorRun;
using agent::RunOutcome;

namespace {

const collector::CollectorDescriptor kAuthDescriptor{
    "fake", model::Category::auth, std::chrono::seconds(60), "a test collector", {}, nullptr};

std::shared_ptr<agent::CollectorSlot> slot_for(test::ScriptedCollector::Script script,
                                               std::chrono::seconds timeout = std::chrono::seconds(5)) {
  auto slot = std::make_shared<agent::CollectorSlot>();
  slot->descriptor = &kAuthDescriptor;
  slot->instance = std::make_shared<test::ScriptedCollector>(std::move(script));
  slot->timeout = timeout;
  return slot;
}

struct Harness {
  std::shared_ptr<boost::asio::io_context> io = std::make_shared<boost::asio::io_context>();
  std::shared_ptr<agent::CollectorRunner> runner;
  std::vector<CollectorRun> runs;

  explicit Harness(int max_concurrent = 2)
      : runner(std::make_shared<agent::CollectorRunner>(
            io, std::make_shared<collector::HostFs>("/"), "machine-1", max_concurrent,
            agent::ThreadPriority{10, true})) {}

  void submit(std::shared_ptr<agent::CollectorSlot> slot) {
    runner->submit(std::move(slot), [this](CollectorRun run) { runs.push_back(std::move(run)); });
  }
  void run() {
    io->restart();
    io->run();
  }
};

}  // namespace

TEST_CASE("a collector that completes has its findings fingerprinted and scored", "[unit]") {
  Harness h;
  h.submit(slot_for([](collector::Context&) {
    collector::CollectResult r;
    r.findings.push_back(test::valid_finding("Account with empty password", "alice"));
    r.inventory = {{"accounts", 3}};
    return r;
  }));
  h.run();
  REQUIRE(h.runs.size() == 1);
  const CollectorRun& run = h.runs[0];
  CHECK(run.name == "fake");
  CHECK(run.outcome == RunOutcome::completed);
  CHECK(run.errors.empty());
  REQUIRE(run.result.findings.size() == 1);
  const model::Finding& f = run.result.findings[0];
  CHECK(f.fingerprint.size() == 64);
  CHECK(f.fingerprint == model::compute_fingerprint("machine-1", f));
  CHECK(f.risk_score == model::default_risk_score(model::Severity::high));
  CHECK(run.result.inventory["accounts"] == 3);
}

TEST_CASE("a collector that throws is reported as failed and the runner goes on", "[unit]") {
  Harness h;
  h.submit(slot_for([](collector::Context&) -> collector::CollectResult {
    throw std::runtime_error("cannot parse /etc/shadow");
  }));
  h.submit(slot_for([](collector::Context&) { return collector::CollectResult{}; }));
  h.run();
  REQUIRE(h.runs.size() == 2);
  const auto failed = h.runs[0].outcome == RunOutcome::failed ? h.runs[0] : h.runs[1];
  const auto ok = h.runs[0].outcome == RunOutcome::failed ? h.runs[1] : h.runs[0];
  CHECK(failed.outcome == RunOutcome::failed);
  REQUIRE(failed.errors.size() == 1);
  CHECK(failed.errors[0] == "collector failed: cannot parse /etc/shadow");
  CHECK(ok.outcome == RunOutcome::completed);
}

TEST_CASE("a collector that hangs past its deadline is abandoned and reported", "[unit]") {
  Harness h;
  auto gate = std::make_shared<test::Gate>();
  auto slot = slot_for(
      [gate](collector::Context&) {
        gate->wait();  // ignores the deadline and the stop request
        return collector::CollectResult{};
      },
      std::chrono::seconds(1));
  h.submit(slot);
  h.run();
  REQUIRE(h.runs.size() == 1);
  CHECK(h.runs[0].outcome == RunOutcome::timed_out);
  CHECK(h.runs[0].errors.at(0) ==
        "did not finish within its timeout of 1 s; abandoned, its results are discarded");
  CHECK(slot->busy->load());

  // It is not run again while its abandoned run is still going.
  h.submit(slot);
  h.run();
  REQUIRE(h.runs.size() == 2);
  CHECK(h.runs[1].outcome == RunOutcome::skipped);
  CHECK(h.runs[1].errors.at(0) ==
        "not started: its previous run overran its deadline and is still going");

  gate->open();
  while (slot->busy->load()) std::this_thread::yield();
  h.submit(slot);
  h.run();
  CHECK(h.runs.back().outcome == RunOutcome::completed);
}

TEST_CASE("stop_all asks running collectors to stop and keeps what they return", "[unit]") {
  Harness h;
  h.submit(slot_for([&h](collector::Context& context) {
    boost::asio::post(*h.io, [&h] { h.runner->stop_all(); });
    while (!context.should_stop()) std::this_thread::yield();
    collector::CollectResult r;
    r.problems.push_back("stopped before reading /etc/group");
    return r;
  }));
  h.run();
  REQUIRE(h.runs.size() == 1);
  CHECK(h.runs[0].outcome == RunOutcome::partial);
  CHECK(h.runs[0].errors == std::vector<std::string>{"stopped before reading /etc/group"});
}

TEST_CASE("garbage findings are dropped with a reason and make the run partial", "[unit]") {
  Harness h;
  h.submit(slot_for([](collector::Context&) {
    collector::CollectResult r;
    r.findings.push_back(test::valid_finding("Account with empty password", "alice"));
    auto wrong_category = test::valid_finding("wrong category", "bob");
    wrong_category.category = model::Category::network;
    r.findings.push_back(wrong_category);
    auto unknown_column = test::valid_finding("unknown column", "carol");
    unknown_column.fields["port"] = 22;
    r.findings.push_back(unknown_column);
    r.findings.push_back(test::valid_finding("", "dave"));
    r.findings.push_back(test::valid_finding("same thing again", "alice"));
    r.dependencies.push_back({"", "1.0", "deb", "/var/lib/dpkg/status", ""});
    r.dependencies.push_back({"openssl", "3.0.19", "deb", "/var/lib/dpkg/status", ""});
    return r;
  }));
  h.run();
  REQUIRE(h.runs.size() == 1);
  const CollectorRun& run = h.runs[0];
  CHECK(run.outcome == RunOutcome::partial);
  REQUIRE(run.result.findings.size() == 1);
  CHECK(run.result.findings[0].title == "Account with empty password");
  REQUIRE(run.result.dependencies.size() == 1);
  CHECK(run.result.dependencies[0].name == "openssl");
  REQUIRE(run.errors.size() == 5);
  CHECK(run.errors[0] ==
        "finding 1 (\"wrong category\"): category network is not the collector's (auth); dropped");
  CHECK(run.errors[1] ==
        "finding 2 (\"unknown column\"): $.fields.port: not a column of auth_findings; dropped");
  CHECK(run.errors[2] == "finding 3 (\"\"): $.title: must not be empty; dropped");
  CHECK(run.errors[3] ==
        "finding 4 (\"same thing again\"): same identifying fields as an earlier finding; "
        "dropped");
  CHECK(run.errors[4] == "a dependency without a name; dropped");
}

TEST_CASE("problems a collector reports make its run partial", "[unit]") {
  Harness h;
  h.submit(slot_for([](collector::Context&) {
    collector::CollectResult r;
    r.problems.push_back("/etc/shadow: Permission denied");
    return r;
  }));
  h.run();
  REQUIRE(h.runs.size() == 1);
  CHECK(h.runs[0].outcome == RunOutcome::partial);
  CHECK(h.runs[0].errors == std::vector<std::string>{"/etc/shadow: Permission denied"});
}

TEST_CASE("every string a collector returns is made valid UTF-8, once, by the runner",
          "[unit]") {
  // Latin-1 "é" (0xE9) and a truncated sequence, as a host file may hold them.
  const std::string latin1 = "Jos\xE9 \xC3";
  const std::string repaired = "Jos\xEF\xBF\xBD \xEF\xBF\xBD";
  Harness h;
  h.submit(slot_for([&](collector::Context&) {
    collector::CollectResult r;
    model::Finding f = test::valid_finding("Account " + latin1 + " has no password", latin1);
    f.metadata["evidence"] = "gecos " + latin1;
    r.findings.push_back(std::move(f));
    r.dependencies.push_back({"libc6", "2.36 " + latin1, "deb", "/var/lib/dpkg/status", latin1});
    r.inventory = {{"gecos", {latin1}}, {latin1, 1}};
    r.problems.push_back("/etc/passwd: line " + latin1);
    return r;
  }));
  h.run();
  REQUIRE(h.runs.size() == 1);
  const CollectorRun& run = h.runs[0];
  CHECK(run.outcome == RunOutcome::partial);
  CHECK(run.errors == std::vector<std::string>{"/etc/passwd: line " + repaired});
  REQUIRE(run.result.findings.size() == 1);
  const model::Finding& f = run.result.findings[0];
  CHECK(f.title == "Account " + repaired + " has no password");
  CHECK(f.fields.at("user_account") == repaired);
  CHECK(f.metadata.at("evidence") == "gecos " + repaired);
  CHECK(f.fingerprint == model::compute_fingerprint("machine-1", f));
  CHECK(run.result.dependencies ==
        std::vector<model::Dependency>{
            {"libc6", "2.36 " + repaired, "deb", "/var/lib/dpkg/status", repaired}});
  CHECK(run.result.inventory == nlohmann::json{{"gecos", {repaired}}, {repaired, 1}});
}

TEST_CASE("no more than max_concurrent collectors run at once", "[unit]") {
  Harness h(2);
  std::mutex mutex;
  std::condition_variable cv;
  int current = 0, highest = 0;
  auto script = [&](collector::Context&) {
    std::unique_lock lock(mutex);
    highest = std::max(highest, ++current);
    cv.notify_all();
    // Hold the slot until a second run is in, so overlap is seen whenever it is allowed.
    cv.wait_for(lock, std::chrono::seconds(2), [&] { return current >= 2; });
    --current;
    return collector::CollectResult{};
  };
  for (int i = 0; i < 5; ++i) h.submit(slot_for(script));
  CHECK(h.runner->in_flight() == 2);
  CHECK(h.runner->queued() == 3);
  h.run();
  CHECK(h.runs.size() == 5);
  CHECK(highest == 2);
}

TEST_CASE("stop_all reports queued runs as skipped", "[unit]") {
  Harness h(1);
  for (int i = 0; i < 3; ++i)
    h.submit(slot_for([](collector::Context&) { return collector::CollectResult{}; }));
  h.runner->stop_all();
  h.run();
  REQUIRE(h.runs.size() == 3);
  CHECK(std::count_if(h.runs.begin(), h.runs.end(), [](const CollectorRun& r) {
          return r.outcome == RunOutcome::skipped &&
                 r.errors.at(0) == "not started: the agent is stopping";
        }) == 2);
}

TEST_CASE("every run gets the runner's one content-walk hub, so content collectors share a walk",
          "[unit]") {
  Harness h;
  std::vector<const collector::ContentWalkHub*> hubs;
  std::mutex mutex;
  for (int i = 0; i < 2; ++i)
    h.submit(slot_for([&](collector::Context& context) {
      const std::lock_guard lock(mutex);
      hubs.push_back(context.content_walk().get());
      return collector::CollectResult{};
    }));
  h.run();
  REQUIRE(hubs.size() == 2);
  CHECK(hubs[0] != nullptr);
  CHECK(hubs[0] == hubs[1]);
}
