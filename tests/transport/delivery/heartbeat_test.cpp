// The heartbeat against a fake ingest: what it carries (the machine identity too), the drop
// record cleared only after the ingest accepted it, the interval the ingest advises.
#include "transport/heartbeat.hpp"

#include <catch2/catch.hpp>

#include "tests/transport/delivery/delivery_fixture.hpp"

using namespace zt;
using namespace zt::test;
using namespace zt::transport;
using nlohmann::json;

namespace {

// A spool with room for one batch: of the three put, the first two are dropped.
struct SpoolWithDrops {
  TempTree tree;
  std::unique_ptr<Spool> spool;
  std::vector<std::string> ids;

  SpoolWithDrops() {
    std::uint64_t one = 0;
    {
      TempTree scratch;
      auto probe = open_spool(scratch.root());
      REQUIRE(probe->put(make_batch(1)));
      one = probe->stats().bytes;
    }
    SpoolLimits limits;
    limits.max_bytes = one + one / 2;
    spool = open_spool(tree.root(), limits);
    for (int i = 0; i < 3; ++i) {
      const model::Batch batch = make_batch(1);
      ids.push_back(batch.batch_id);
      REQUIRE(spool->put(batch));
    }
    REQUIRE(spool->stats().dropped.batches == 2);
  }
};

// The ingest keeps the batches waiting (503, come back in an hour), so the spool stays put.
ingest::Response hold_batches(const Seen&, std::size_t) { return unavailable(3600s); }

}  // namespace

TEST_CASE("the heartbeat carries capabilities, metrics, spool stats and the drop record, and a "
          "2xx clears the drops",
          "[integration]") {
  SpoolWithDrops setup;
  Spool& spool = *setup.spool;
  FakeIngest ingest(hold_batches, [](const Seen&, std::size_t n) {
    // The first answer advises a 1 s interval (the agent's own is an hour here).
    return json_answer(200, n == 0 ? R"({"status":"ok","heartbeat_interval_seconds":1})"
                                   : R"({"status":"ok"})");
  });
  auto delivery = start_delivery(fast_options(ingest, setup.tree.root()), spool);

  REQUIRE(eventually([&] { return ingest.count(kHeartbeatPath) >= 1; }));
  const Seen first = ingest.seen(kHeartbeatPath)[0];
  CHECK(first.authorization == bearer(kApiKey));
  const json& body = first.body;
  REQUIRE(body.is_object());
  CHECK(body.size() == 3);  // capabilities, metrics, status; no identity under this root
  CHECK(body["capabilities"] == sample_agent().capabilities);
  CHECK(body["status"] == "degraded");  // batches were lost
  const json& metrics = body["metrics"];
  CHECK(metrics["rss_bytes"] == 12345678);
  CHECK(metrics["collectors"] == sample_agent().metrics["collectors"]);
  CHECK(metrics["spool"]["batches"] == 1);
  CHECK(metrics["spool"]["bytes"].get<std::uint64_t>() > 0);
  CHECK(metrics["spool"]["oldest_age_seconds"] == 0);
  const json& dropped = metrics["spool"]["dropped"];
  CHECK(dropped["batches"] == 2);
  CHECK(dropped["findings"] == 2);
  CHECK(dropped["first_batch_id"] == setup.ids[0]);
  CHECK(dropped["last_batch_id"] == setup.ids[1]);
  CHECK(dropped["first_dropped_at"].is_string());
  CHECK(metrics["delivery"]["credentials"]["key_source"] == "config");
  CHECK(metrics["delivery"]["credentials"]["enrolled"] == false);
  CHECK(body.dump().find(kApiKey) == std::string::npos);

  // Accepted: the drops are cleared, and the next beat comes after the advised second.
  REQUIRE(eventually([&] { return spool.stats().dropped.batches == 0; }));
  REQUIRE(eventually([&] { return delivery->stats().heartbeats_ok >= 2; }, 5s));
  const auto beats = ingest.seen(kHeartbeatPath);
  CHECK(beats[1].at - beats[0].at >= 1s);
  CHECK(beats[1].body["metrics"]["spool"]["dropped"]["batches"] == 0);
  CHECK(beats[1].body["metrics"]["delivery"]["retries"].get<int>() >= 1);
  const DeliveryStats stats = delivery->stats();
  CHECK(stats.heartbeat_interval == 1s);
  CHECK(stats.last_heartbeat_at.has_value());
}

TEST_CASE("a heartbeat the ingest does not accept keeps the drop record", "[integration]") {
  SpoolWithDrops setup;
  FakeIngest ingest(hold_batches, [](const Seen&, std::size_t) { return unavailable(); });
  auto delivery = start_delivery(fast_options(ingest, setup.tree.root()), *setup.spool);

  REQUIRE(eventually([&] { return delivery->stats().heartbeats_failed >= 1; }));
  delivery->stop();  // the last heartbeat is refused too
  CHECK(setup.spool->stats().dropped.batches == 2);
  CHECK(delivery->stats().heartbeats_ok == 0);
}

TEST_CASE("the heartbeat is not held up by an upload backoff", "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  REQUIRE(spool->put(make_batch(1)));
  FakeIngest ingest(hold_batches);
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.heartbeat_interval = 1s;
  auto delivery = start_delivery(options, *spool);

  REQUIRE(eventually([&] { return delivery->stats().retries == 1; }));  // now waiting an hour
  REQUIRE(eventually([&] { return ingest.count(kHeartbeatPath) >= 2; }, 5s));
  CHECK(ingest.seen(kHeartbeatPath).back().body["status"] == "degraded");
}

TEST_CASE("the heartbeat carries the machine identity read under the host root, boot id "
          "included",
          "[integration]") {
  TempTree tree, host;
  host.write("etc/machine-id", "0123456789abcdef0123456789abcdef\n");
  host.write("proc/sys/kernel/random/boot_id", "8DB09341-96B9-4D08-A359-0C9D273A9340\n");
  auto spool = open_spool(tree.root());
  FakeIngest ingest(hold_batches);
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.host_root = host.root();
  auto delivery = start_delivery(options, *spool);

  REQUIRE(eventually([&] { return ingest.count(kHeartbeatPath) >= 1; }));
  CHECK(ingest.seen(kHeartbeatPath)[0].body["identity"] ==
        json{{"machine_id", "0123456789abcdef0123456789abcdef"},
             {"boot_id", "8db09341-96b9-4d08-a359-0c9d273a9340"}});
}
