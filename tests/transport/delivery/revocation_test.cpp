// A machine whose agent was revoked (issue 22): the ingest refuses the key, then refuses to
// enroll the machine again; the upload loop stops with one line naming the agent and what an
// operator can do, scans go on spooling, a line says what waits, and once the agent is
// restored its findings flow again without a restart. Against a fake ingest answering as the
// real one does.
#include <atomic>
#include <catch2/catch.hpp>
#include <set>

#include "tests/transport/delivery/delivery_fixture.hpp"

using namespace zt;
using namespace zt::test;
using namespace zt::transport;

TEST_CASE("a revoked machine: enrolling again is refused, one line says so, uploads stop and "
          "scans spool - restored, its findings flow again",
          "[integration]") {
  CapturedLog log;
  TempTree tree;
  auto spool = open_spool(tree.root());
  std::vector<std::string> ids;
  const auto spool_one = [&] {
    const model::Batch batch = make_batch(1);
    ids.push_back(batch.batch_id);
    REQUIRE(spool->put(batch));
  };
  spool_one();
  // What the ingest answers: the revoked key is unauthorized; the machine's enrollment is
  // refused with code "revoked".
  std::atomic<bool> revoked{true};
  const auto revoked_key = [](const Seen&, std::size_t) {
    return json_answer(401, R"({"error":{"code":"unauthorized","message":)"
                            R"("this agent's api key has been revoked"}})");
  };
  const auto guarded = [&revoked, revoked_key](Route good) {
    return [&revoked, revoked_key, good](const Seen& seen, std::size_t n) {
      return revoked ? revoked_key(seen, n) : good(seen, n);
    };
  };
  const Route keys = issue_keys();
  FakeIngest ingest(guarded(accept_batch), guarded(accept_heartbeat),
                    [&revoked, keys](const Seen& seen, std::size_t n) {
                      if (!revoked) return keys(seen, n);
                      return json_answer(
                          401, R"({"error":{"code":"revoked","message":"this machine's agent )"
                               R"(agent-7 was revoked (by ops, at 2026-12-04); an operator can )"
                               R"(restore it with `zerotrace-ingest agent restore agent-7`"}})");
                    });
  store_key(tree.root(), "zt_key_7");
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.configured_api_key = config::Secret();
  options.enrollment_token = config::Secret(kToken);
  options.key_recheck = 5ms;
  options.revoked_recheck = 20ms;  // enrolls again and again: still one line
  options.heartbeat_interval = 1s;
  auto delivery = start_delivery(options, *spool);

  REQUIRE(eventually([&] { return delivery->stats().credentials.revoked; }));
  REQUIRE(eventually([&] { return delivery->stats().credentials.enroll_attempts >= 3; }));
  spool_one();  // scans go on spooling
  DeliveryStats stats = delivery->stats();
  CHECK(stats.uploads_stopped);
  CHECK_THAT(stats.stopped_reason, Catch::Contains("agent-7 was revoked") &&
                                       Catch::Contains("agent restore agent-7") &&
                                       Catch::Contains("enrolling is tried again every"));
  CHECK(stats.credentials.enrollments == 0);
  CHECK(ingest.count(kBatchesPath) == 1);  // the one the key was refused on
  std::size_t stop_lines = 0;
  for (const std::string& line : log.lines())
    if (line.find("uploads stopped") != std::string::npos) {
      ++stop_lines;
      CHECK_THAT(line, Catch::Contains("agent-7 was revoked"));
    }
  CHECK(stop_lines == 1);
  CHECK(log.contains("batches wait to be uploaded, the oldest for"));
  CHECK(spool->stats().batches == 2);

  revoked = false;  // zerotrace-ingest agent restore agent-7: the old key is good again
  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 2; }, 20s));
  stats = delivery->stats();
  CHECK_FALSE(stats.uploads_stopped);
  CHECK_FALSE(stats.credentials.revoked);
  CHECK(spool->stats().batches == 0);
  std::set<std::string> sent;
  for (const Seen& seen : ingest.seen(kBatchesPath)) sent.insert(seen.batch_id);
  CHECK(sent == std::set<std::string>(ids.begin(), ids.end()));
}
