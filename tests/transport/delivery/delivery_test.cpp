// The upload loop against a fake ingest over loopback and a real spool: what each answer does
// to the batch, backoff and Retry-After, pacing, promptness, and stop().
#include "transport/delivery.hpp"

#include <catch2/catch.hpp>

#include "tests/transport/delivery/delivery_fixture.hpp"

using namespace zt;
using namespace zt::test;
using namespace zt::transport;

namespace {

std::vector<std::string> put_batches(Spool& spool, int count) {
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) {
    const model::Batch batch = make_batch(2);
    REQUIRE(spool.put(batch));
    ids.push_back(batch.batch_id);
  }
  return ids;
}

}  // namespace

TEST_CASE("validate(DeliveryOptions) names the option at fault", "[unit]") {
  DeliveryOptions options;
  options.state_dir = "/var/lib/zerotrace";
  CHECK(validate(options).ok());

  DeliveryOptions bad = options;
  bad.backoff.cap = std::chrono::milliseconds(10);
  CHECK_THAT(validate(bad).error().message, Catch::Contains("cap"));
  bad = options;
  bad.heartbeat_interval = std::chrono::seconds(0);
  CHECK_THAT(validate(bad).error().message, Catch::Contains("heartbeat"));
  bad = options;
  bad.pacing = std::chrono::milliseconds(-1);
  CHECK_THAT(validate(bad).error().message, Catch::Contains("pacing"));
  bad = options;
  bad.state_dir.clear();
  CHECK_THAT(validate(bad).error().message, Catch::Contains("state_dir"));
  bad = options;
  bad.key_recheck = std::chrono::milliseconds(0);
  CHECK_THAT(validate(bad).error().message, Catch::Contains("key_recheck"));
}

TEST_CASE("Delivery::create refuses a bad server url before starting anything", "[unit]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  DeliveryOptions options;
  options.state_dir = tree.root();
  options.client.base_url = "ftp://ingest.example.com";
  const auto created = Delivery::create(options, *spool, [] { return sample_agent(); });
  REQUIRE_FALSE(created.ok());
  CHECK_THAT(created.error().message, Catch::Contains("server.url"));
}

TEST_CASE("delivered batches leave the spool and arrive once, in order", "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  const std::vector<std::string> ids = put_batches(*spool, 5);
  FakeIngest ingest;
  auto delivery = start_delivery(fast_options(ingest, tree.root()), *spool);

  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 5; }));
  delivery->stop();

  CHECK(spool->stats().batches == 0);
  CHECK_FALSE(spool->front());
  const auto seen = ingest.seen(kBatchesPath);
  CHECK(batch_ids(seen) == ids);
  for (const Seen& request : seen) {
    CHECK(request.authorization == bearer(kApiKey));
    // The body arrives whole: the ingest's server inflated the gzip the client sent.
    CHECK(request.body["findings"].size() == 2);
  }
  const DeliveryStats stats = delivery->stats();
  CHECK(stats.uploads_failed == 0);
  CHECK(stats.duplicates == 0);
  CHECK(stats.last_upload_at.has_value());
  CHECK(stats.credentials.source == KeySource::config);
  CHECK_FALSE(stats.uploads_stopped);
}

TEST_CASE("a batch spooled while the loop is idle goes out at once", "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  FakeIngest ingest;
  auto delivery = start_delivery(fast_options(ingest, tree.root()), *spool);
  // The threads are running, and the loop found the spool empty: it waits for a batch.
  REQUIRE(eventually([&] { return ingest.count(kHeartbeatPath) >= 1; }));

  const std::vector<std::string> ids = put_batches(*spool, 1);
  // The idle loop sleeps a minute unless put() wakes it: a deadline well under that, and
  // generous for a loaded machine.
  REQUIRE(eventually([&] { return ingest.count(kBatchesPath) == 1; }, kPromptly));
  CHECK(ingest.seen(kBatchesPath)[0].batch_id == ids[0]);
}

TEST_CASE("503 with Retry-After: sent again no sooner, then delivered, backoff reset",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  const std::vector<std::string> ids = put_batches(*spool, 1);
  FakeIngest ingest([](const Seen& seen, std::size_t n) {
    return n == 0 ? unavailable(1s) : accept_batch(seen, n);
  });
  auto delivery = start_delivery(fast_options(ingest, tree.root()), *spool);

  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 1; }));
  const auto seen = ingest.seen(kBatchesPath);
  REQUIRE(seen.size() == 2);
  CHECK(batch_ids(seen) == std::vector<std::string>{ids[0], ids[0]});
  CHECK(seen[1].at - seen[0].at >= 1s);  // the backoff alone is at most 10 ms here

  const DeliveryStats stats = delivery->stats();
  CHECK(stats.retries == 1);
  CHECK(stats.uploads_failed == 1);
  CHECK(stats.consecutive_failures == 0);
  CHECK_THAT(stats.last_error, Catch::Contains("HTTP 503"));
  CHECK(spool->stats().batches == 0);
}

TEST_CASE("no answer at all: retried with backoff, the batch stays", "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  put_batches(*spool, 1);
  FakeIngest unused;
  DeliveryOptions options = fast_options(unused, tree.root());
  options.client.base_url = "http://127.0.0.1:" + std::to_string(test::free_loopback_port());
  auto delivery = start_delivery(options, *spool);

  REQUIRE(eventually([&] { return delivery->stats().retries >= 3; }));
  const DeliveryStats stats = delivery->stats();
  CHECK(stats.consecutive_failures >= 3);
  CHECK_THAT(stats.last_error, Catch::Contains("no answer"));
  CHECK(stats.uploads_ok == 0);
  CHECK(spool->stats().batches == 1);
}

TEST_CASE("422: the batch is dead-lettered and the next one is still delivered",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  const std::vector<std::string> ids = put_batches(*spool, 2);
  FakeIngest ingest([](const Seen& seen, std::size_t n) {
    if (n == 0)
      return json_answer(422, R"({"error":{"code":"invalid_batch","message":"the batch does )"
                              R"(not follow the wire format","problems":["$.scan.id: bad"]}})");
    return accept_batch(seen, n);
  });
  auto delivery = start_delivery(fast_options(ingest, tree.root()), *spool);

  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 1; }));
  CHECK(batch_ids(ingest.seen(kBatchesPath)) == ids);  // each sent once
  const SpoolStats spooled = spool->stats();
  CHECK(spooled.batches == 0);
  CHECK(spooled.dead_lettered == 1);
  const auto dead = names_in(tree.root() / "spool" / "dead-letter");
  REQUIRE(dead.size() == 2);  // the batch and its .reason
  CHECK_THAT(read_text(tree.root() / "spool" / "dead-letter" / dead[1]),
             Catch::Contains("HTTP 422 invalid_batch"));

  const DeliveryStats stats = delivery->stats();
  CHECK(stats.dead_lettered == 1);
  CHECK(stats.uploads_failed == 1);
  CHECK(stats.retries == 0);
}

TEST_CASE("a duplicate answer counts as delivered", "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  put_batches(*spool, 1);
  FakeIngest ingest([](const Seen& seen, std::size_t) {
    return json_answer(200, nlohmann::json{{"batch_id", seen.batch_id}, {"result", "duplicate"}}
                                .dump());
  });
  auto delivery = start_delivery(fast_options(ingest, tree.root()), *spool);

  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 1; }));
  CHECK(delivery->stats().duplicates == 1);
  CHECK(ingest.count(kBatchesPath) == 1);
  CHECK(spool->stats().batches == 0);
}

TEST_CASE("Retry-After on a 2xx slows the next upload down", "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  put_batches(*spool, 2);
  FakeIngest ingest([](const Seen& seen, std::size_t n) {
    ingest::Response answer = accept_batch(seen, n);
    if (n == 0) answer.retry_after = 1s;
    return answer;
  });
  auto delivery = start_delivery(fast_options(ingest, tree.root()), *spool);

  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 2; }));
  const auto seen = ingest.seen(kBatchesPath);
  REQUIRE(seen.size() == 2);
  CHECK(seen[1].at - seen[0].at >= 1s);  // pacing alone is a few milliseconds here
}

TEST_CASE("a backlog drains paced: uploads are spread, not sent back to back", "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  put_batches(*spool, 6);
  FakeIngest ingest;
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.pacing = 100ms;  // each gap drawn from [50, 150] ms
  auto delivery = start_delivery(options, *spool);

  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 6; }));
  const auto seen = ingest.seen(kBatchesPath);
  REQUIRE(seen.size() == 6);
  for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i].at - seen[i - 1].at >= 50ms);
}

TEST_CASE("stop() during a backoff wait returns promptly and the batch stays spooled",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  const std::vector<std::string> ids = put_batches(*spool, 1);
  FakeIngest ingest([](const Seen&, std::size_t) { return unavailable(30s); });
  auto delivery = start_delivery(fast_options(ingest, tree.root()), *spool);
  REQUIRE(eventually([&] { return delivery->stats().retries == 1; }));

  // The wait is 30 s (Retry-After): stop() must not sit it out.
  REQUIRE(returns_within(kPromptly, [&] { delivery->stop(); }));
  CHECK(ingest.count(kBatchesPath) == 1);

  // On disk, for the next start.
  delivery.reset();
  spool.reset();
  auto reopened = open_spool(tree.root());
  const auto batch = reopened->front();
  REQUIRE(batch);
  CHECK(batch->batch_id == ids[0]);
}

TEST_CASE("stop() while idle is prompt and sends a last heartbeat saying stopping",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  FakeIngest ingest;
  auto delivery = start_delivery(fast_options(ingest, tree.root()), *spool);
  REQUIRE(eventually([&] { return delivery->stats().heartbeats_ok == 1; }));

  // The idle loop waits a minute and the next heartbeat is an hour away.
  REQUIRE(returns_within(kPromptly, [&] { delivery->stop(); }));
  const auto beats = ingest.seen(kHeartbeatPath);
  REQUIRE(beats.size() == 2);
  CHECK(beats[0].body["status"] == "online");
  CHECK(beats[1].body["status"] == "stopping");
  delivery->stop();  // again: nothing more happens
  CHECK(ingest.count(kHeartbeatPath) == 2);
}
