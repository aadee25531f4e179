// Which api key the agent uses, and what a refused key leads to: Credentials on its own
// (unit: a client that nothing answers, so any attempt to enroll would show as "retry"), then
// the upload loop enrolling, re-enrolling and stopping against a fake ingest.
#include "transport/credentials.hpp"

#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>

#include "tests/transport/delivery/delivery_fixture.hpp"
#include "transport/key_store.hpp"

using namespace zt;
using namespace zt::test;
using namespace zt::transport;

namespace {

std::unique_ptr<IngestClient> nobody_answers() {
  ClientOptions options;
  options.base_url = "http://127.0.0.1:" + std::to_string(test::free_loopback_port());
  options.allow_insecure_http = true;
  options.no_proxy = "*";
  return make_client(options);
}

Credentials make_credentials(const std::filesystem::path& state, std::string configured,
                             std::string token) {
  return Credentials(CredentialOptions{config::Secret(std::move(configured)),
                                       config::Secret(std::move(token)), state, state},
                     [] { return sample_agent(); });
}

}  // namespace

TEST_CASE("credentials: the configured key comes first", "[unit]") {
  TempTree tree;
  store_key(tree.root(), "zt_stored");
  Credentials credentials = make_credentials(tree.root(), kApiKey, kToken);
  CHECK_FALSE(credentials.key());
  auto client = nobody_answers();
  const auto step = credentials.acquire(*client);
  CHECK(step.next == Credentials::Next::ready);
  CHECK(step.new_key);
  REQUIRE(credentials.key());
  CHECK(credentials.key()->reveal() == kApiKey);
  CHECK(credentials.status().source == KeySource::config);
  // Again: nothing new.
  CHECK_FALSE(credentials.acquire(*client).new_key);
}

TEST_CASE("credentials: the stored key when no key is configured", "[unit]") {
  TempTree tree;
  store_key(tree.root(), "zt_stored");
  Credentials credentials = make_credentials(tree.root(), "", kToken);
  auto client = nobody_answers();
  REQUIRE(credentials.acquire(*client).next == Credentials::Next::ready);
  CHECK(credentials.key()->reveal() == "zt_stored");
  const CredentialStatus status = credentials.status();
  CHECK(status.source == KeySource::key_file);
  CHECK(status.agent_id == "agent-stored");
  CHECK(status.usable);
}

TEST_CASE("credentials: no key and no token is blocked, and says what to set", "[unit]") {
  TempTree tree;
  Credentials credentials = make_credentials(tree.root(), "", "");
  auto client = nobody_answers();
  const auto step = credentials.acquire(*client);
  CHECK(step.next == Credentials::Next::blocked);
  CHECK_THAT(step.message, Catch::Contains("server.api_key") && Catch::Contains("enrollment_token"));
  CHECK(credentials.status().problem == step.message);
}

TEST_CASE("credentials: with a token and no key, acquire() enrolls (here: no answer, retry)",
          "[unit]") {
  TempTree tree;
  Credentials credentials = make_credentials(tree.root(), "", kToken);
  auto client = nobody_answers();
  const auto step = credentials.acquire(*client);
  CHECK(step.next == Credentials::Next::retry);
  CHECK_THAT(step.message, Catch::Contains("will retry"));
  CHECK_FALSE(credentials.key());
}

TEST_CASE("credentials: a key file others can read is not used, nor replaced by enrolling",
          "[unit]") {
  TempTree tree;
  store_key(tree.root(), "zt_stored");
  const auto file = tree.root() / kKeyFileName;
  REQUIRE(::chmod(file.c_str(), 0644) == 0);
  Credentials credentials = make_credentials(tree.root(), "", kToken);
  auto client = nobody_answers();
  const auto step = credentials.acquire(*client);
  CHECK(step.next == Credentials::Next::blocked);  // not retry: no enrollment was tried
  CHECK_THAT(step.message, Catch::Contains(file.string()) && Catch::Contains("0644"));
  CHECK_FALSE(credentials.key());
}

TEST_CASE("credentials: a refused configured key is blocked even with a token", "[unit]") {
  TempTree tree;
  Credentials credentials = make_credentials(tree.root(), kApiKey, kToken);
  auto client = nobody_answers();
  REQUIRE(credentials.acquire(*client).next == Credentials::Next::ready);
  credentials.refused(config::Secret(kApiKey), "HTTP 401 unauthorized: unknown api key");
  CHECK_FALSE(credentials.key());
  CHECK(credentials.current_key()->reveal() == kApiKey);
  const auto step = credentials.acquire(*client);
  CHECK(step.next == Credentials::Next::blocked);
  CHECK_THAT(step.message, Catch::Contains("server.api_key") && Catch::Contains("unknown api key"));
  CHECK(credentials.status().refusals == 1);
  CHECK(credentials.status().refused);
}

TEST_CASE("credentials: a refused stored key without a token waits for another key",
          "[unit]") {
  TempTree tree;
  store_key(tree.root(), "zt_old");
  Credentials credentials = make_credentials(tree.root(), "", "");
  auto client = nobody_answers();
  REQUIRE(credentials.acquire(*client).next == Credentials::Next::ready);
  credentials.refused(config::Secret("zt_old"), "HTTP 401");
  const auto step = credentials.acquire(*client);
  CHECK(step.next == Credentials::Next::blocked);
  CHECK_THAT(step.message, Catch::Contains("no enrollment token"));

  SECTION("a new key in the key file is taken up") {
    store_key(tree.root(), "zt_new");
    const auto again = credentials.acquire(*client);
    CHECK(again.next == Credentials::Next::ready);
    CHECK(again.new_key);
    CHECK(credentials.key()->reveal() == "zt_new");
  }
  SECTION("the same key accepted after all makes it usable again") {
    CHECK_FALSE(credentials.confirmed(config::Secret("zt_other")));
    CHECK(credentials.confirmed(config::Secret("zt_old")));
    CHECK_FALSE(credentials.confirmed(config::Secret("zt_old")));  // only once news
    CHECK(credentials.key()->reveal() == "zt_old");
    CHECK(credentials.acquire(*client).next == Credentials::Next::ready);
  }
  SECTION("a refusal of a key no longer in use changes nothing") {
    store_key(tree.root(), "zt_new");
    REQUIRE(credentials.acquire(*client).next == Credentials::Next::ready);
    credentials.refused(config::Secret("zt_old"), "late answer");
    CHECK(credentials.key()->reveal() == "zt_new");
  }
}

TEST_CASE("first start with a token: enrolls, stores the key 0600, uses it, and the next "
          "start needs no token",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  FakeIngest ingest(accept_batch, accept_heartbeat, issue_keys());
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.configured_api_key = config::Secret();
  options.enrollment_token = config::Secret(kToken);
  {
    REQUIRE(spool->put(make_batch(1)));
    auto delivery = start_delivery(options, *spool);
    REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 1; }));
    // The heartbeat, which had no key, goes as soon as there is one.
    REQUIRE(eventually([&] { return delivery->stats().heartbeats_ok >= 1; }));
    const DeliveryStats stats = delivery->stats();
    CHECK(stats.credentials.source == KeySource::enrolled);
    CHECK(stats.credentials.enrollments == 1);
    CHECK(stats.credentials.agent_id == "agent-1");
  }
  const auto enrolls = ingest.seen(kEnrollPath);
  REQUIRE(enrolls.size() == 1);
  CHECK(enrolls[0].authorization.empty());
  CHECK(enrolls[0].body["agent"]["hostname"] == "web-1.example.com");
  CHECK(ingest.seen(kBatchesPath)[0].authorization == bearer("zt_key_1"));
  CHECK(ingest.seen(kHeartbeatPath)[0].authorization == bearer("zt_key_1"));
  CHECK(mode_of(tree.root() / kKeyFileName) == 0600);
  const auto stored = KeyStore(tree.root()).load();
  REQUIRE(stored.ok());
  REQUIRE(stored.value());
  CHECK((*stored)->api_key.reveal() == "zt_key_1");

  // The next start: no token any more.
  options.enrollment_token = config::Secret();
  REQUIRE(spool->put(make_batch(1)));
  auto delivery = start_delivery(options, *spool);
  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 1; }));
  CHECK(ingest.count(kEnrollPath) == 1);
  CHECK(ingest.seen(kBatchesPath).back().authorization == bearer("zt_key_1"));
  CHECK(delivery->stats().credentials.source == KeySource::key_file);
}

TEST_CASE("an enrollment without an answer is tried again after a backoff", "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  REQUIRE(spool->put(make_batch(1)));
  const Route keys = issue_keys();
  FakeIngest ingest(accept_batch, accept_heartbeat, [keys](const Seen& seen, std::size_t n) {
    return n == 0 ? unavailable() : keys(seen, 0);
  });
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.configured_api_key = config::Secret();
  options.enrollment_token = config::Secret(kToken);
  auto delivery = start_delivery(options, *spool);

  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 1; }));
  CHECK(ingest.count(kEnrollPath) == 2);
  CHECK(delivery->stats().credentials.enrollments == 1);
}

TEST_CASE("a refused enrollment token stops uploads and is not tried again", "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  REQUIRE(spool->put(make_batch(1)));
  FakeIngest ingest(accept_batch, accept_heartbeat, refuse);
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.configured_api_key = config::Secret();
  options.enrollment_token = config::Secret(kToken);
  options.key_recheck = 5ms;  // looks again and again: still no second enrollment
  auto delivery = start_delivery(options, *spool);

  REQUIRE(eventually([&] { return delivery->stats().uploads_stopped; }));
  CHECK_THAT(delivery->stats().stopped_reason, Catch::Contains("enrollment token"));
  // The negative is decided by events: the loop looked for a key three more times.
  const std::uint64_t checks = delivery->stats().credentials.checks;
  REQUIRE(eventually([&] { return delivery->stats().credentials.checks >= checks + 3; }));
  CHECK(delivery->stats().credentials.enroll_attempts == 1);
  CHECK(ingest.count(kEnrollPath) == 1);
  CHECK(ingest.count(kBatchesPath) == 0);
  CHECK(spool->stats().batches == 1);
}

TEST_CASE("401 without a token: uploads stop, batches stay spooled, a log line and a metric "
          "say so",
          "[integration]") {
  CapturedLog log;
  TempTree tree;
  auto spool = open_spool(tree.root());
  REQUIRE(spool->put(make_batch(1)));
  FakeIngest ingest(refuse, refuse);
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.key_recheck = 5ms;  // looks again and again: still no upload
  auto delivery = start_delivery(options, *spool);

  REQUIRE(eventually([&] { return delivery->stats().uploads_stopped; }));
  REQUIRE(spool->put(make_batch(1)));  // scans go on spooling
  const DeliveryStats stats = delivery->stats();
  CHECK_THAT(stats.stopped_reason, Catch::Contains("server.api_key"));
  CHECK(stats.unauthorized >= 1);
  CHECK_FALSE(stats.credentials.usable);
  CHECK(log.contains("uploads stopped, batches are kept in the spool"));
  CHECK(log.contains("batches wait to be uploaded, the oldest for"));
  for (const std::string& line : log.lines()) CHECK(line.find(kApiKey) == std::string::npos);

  // The negative is decided by events: the loop looked for a key three more times.
  const std::uint64_t checks = delivery->stats().credentials.checks;
  REQUIRE(eventually([&] { return delivery->stats().credentials.checks >= checks + 3; }));
  CHECK(ingest.count(kBatchesPath) <= 1);
  CHECK(spool->stats().batches == 2);
}

TEST_CASE("401 with a token: the agent enrolls again and goes on with the new key",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    const model::Batch batch = make_batch(1);
    ids.push_back(batch.batch_id);
    REQUIRE(spool->put(batch));
  }
  // zt_key_1 is revoked as soon as it is issued; zt_key_2 is good.
  const auto revoked = [](Route good) {
    return [good](const Seen& seen, std::size_t n) {
      return seen.authorization == bearer("zt_key_1") ? refuse(seen, n) : good(seen, n);
    };
  };
  FakeIngest ingest(revoked(accept_batch), revoked(accept_heartbeat), issue_keys());
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.configured_api_key = config::Secret();
  options.enrollment_token = config::Secret(kToken);
  auto delivery = start_delivery(options, *spool);

  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 3; }));
  CHECK(ingest.count(kEnrollPath) == 2);
  std::vector<std::string> delivered;
  for (const Seen& seen : ingest.seen(kBatchesPath))
    if (seen.authorization == bearer("zt_key_2")) delivered.push_back(seen.batch_id);
    else CHECK(seen.authorization == bearer("zt_key_1"));
  CHECK(delivered == ids);
  const DeliveryStats stats = delivery->stats();
  CHECK(stats.unauthorized >= 1);
  CHECK(stats.credentials.enrollments == 2);
  CHECK(stats.credentials.agent_id == "agent-2");
  CHECK_FALSE(stats.uploads_stopped);
  const auto stored = KeyStore(tree.root()).load();
  REQUIRE(stored.ok());
  REQUIRE(stored.value());
  CHECK((*stored)->api_key.reveal() == "zt_key_2");
}

TEST_CASE("a key the ingest accepts again after a 401 (seen by the heartbeat): uploads resume",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  REQUIRE(spool->put(make_batch(1)));
  std::atomic<bool> revoked{true};
  FakeIngest ingest(
      [&revoked](const Seen& seen, std::size_t n) {
        return revoked ? refuse(seen, n) : accept_batch(seen, n);
      },
      [&revoked](const Seen& seen, std::size_t n) {
        return revoked ? refuse(seen, n) : accept_heartbeat(seen, n);
      });
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.heartbeat_interval = 1s;
  auto delivery = start_delivery(options, *spool);
  REQUIRE(eventually([&] { return delivery->stats().uploads_stopped; }));

  revoked = false;  // the ingest's database is back, say
  REQUIRE(eventually([&] { return delivery->stats().uploads_ok == 1; }, 5s));
  CHECK_FALSE(delivery->stats().uploads_stopped);
  CHECK(spool->stats().batches == 0);
}
