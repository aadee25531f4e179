// A scan spooled whole and delivered in parts (fake ingest over loopback, real spool): the cut
// recorded before sending and kept across a restart, a 413 that re-cuts what is not yet
// acknowledged without ever completing the scan early, a batch the server fails on given up
// after N answers over the span while later ones go on, transient answers never counted,
// records of the version before sent as they are, and stop() during an upload that never
// gets an answer.
#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>

#include "tests/transport/delivery/delivery_fixture.hpp"
#include "schema-client/model/uuid.hpp"
#include "transport/batch_splitter.hpp"
#include "transport/spool_record.hpp"

using namespace zt;
using namespace zt::test;
using namespace zt::transport;

namespace {

// A scan of `findings` findings (copies of the samples, titles numbered) and no packages.
model::Batch scan_of(std::size_t findings) {
  model::Batch batch = make_batch();
  batch.scan.id = model::new_uuid();
  const auto samples = batch.findings;
  batch.findings.clear();
  batch.dependencies.clear();
  for (std::size_t i = 0; i < findings; ++i) {
    batch.findings.push_back(samples[i % samples.size()]);
    batch.findings.back().title = "finding #" + std::to_string(i);
  }
  return batch;
}

std::size_t items_of(const Seen& seen) {
  return seen.body["findings"].size() + seen.body["dependencies"].size();
}

ingest::Response too_large(std::size_t limit) {
  return json_answer(413, nlohmann::json{{"error", {{"code", "too_large"},
                                                    {"message", "too many findings"}}},
                                         {"max_batch_findings", limit}}
                              .dump());
}

ingest::Response server_error() {
  return json_answer(500, R"({"error":{"code":"internal","message":"the database refused it"}})");
}

// What the ingest keeps of the accepted parts of one scan: batch ids, and its rule for a
// complete scan (distinct parts received >= the arriving batch's `parts`), applied as each
// part arrives. Checks that the scan completes with its last part and not before.
struct Completion {
  std::set<int> parts_in;
  std::vector<std::string> titles;
  int completed_at = 0;  // how many parts had arrived when it first completed
  int arrived = 0;

  void add(const Seen& seen) {
    ++arrived;
    parts_in.insert(seen.body["part"].get<int>());
    for (const auto& f : seen.body["findings"]) titles.push_back(f["title"].get<std::string>());
    if (completed_at == 0 &&
        static_cast<int>(parts_in.size()) >= seen.body["parts"].get<int>())
      completed_at = arrived;
  }
};

std::vector<std::string> titles_of(const model::Batch& scan) {
  std::vector<std::string> titles;
  for (const auto& f : scan.findings) titles.push_back(f.title);
  return titles;
}

}  // namespace

TEST_CASE("a scan spooled whole goes out in parts with derived ids, and leaves the spool after "
          "the last",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  const model::Batch scan = scan_of(25);
  REQUIRE(spool->put(scan));
  FakeIngest ingest;
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.split.max_findings = 10;
  auto delivery = start_delivery(options, *spool);

  REQUIRE(eventually([&] { return spool->stats().batches == 0; }));
  delivery->stop();
  const auto seen = ingest.seen(kBatchesPath);
  REQUIRE(seen.size() == 3);
  Completion completion;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    const int part = static_cast<int>(i) + 1;
    CHECK(seen[i].batch_id == part_batch_id(scan.batch_id, 0, part));
    CHECK(seen[i].body["part"] == part);
    CHECK(seen[i].body["parts"] == 3);
    CHECK(seen[i].body["scan"]["id"] == scan.scan.id);
    completion.add(seen[i]);
  }
  CHECK(seen[0].batch_id == scan.batch_id);
  CHECK(items_of(seen[2]) == 5);
  CHECK(completion.titles == titles_of(scan));
  CHECK(completion.completed_at == 3);
  CHECK(names_in(tree.root() / "spool") ==
        std::vector<std::string>{"dead-letter", "quarantine"});
}

TEST_CASE("the cut is kept across a restart: the parts not acknowledged go again with the same "
          "ids",
          "[integration]") {
  TempTree tree;
  const model::Batch scan = scan_of(25);
  {
    auto spool = open_spool(tree.root());
    REQUIRE(spool->put(scan));
    // Part 1 is taken; then the ingest is away.
    FakeIngest first([](const Seen& seen, std::size_t n) {
      return n == 0 ? accept_batch(seen, n) : unavailable();
    });
    DeliveryOptions options = fast_options(first, tree.root());
    options.split.max_findings = 10;
    auto delivery = start_delivery(options, *spool);
    REQUIRE(eventually([&] { return first.count(kBatchesPath) >= 2; }));
    delivery->stop();
  }
  // Back with another limit: the cut in the spool holds, not the new limit.
  auto spool = open_spool(tree.root());
  FakeIngest second;
  DeliveryOptions options = fast_options(second, tree.root());
  options.split.max_findings = 3;
  auto delivery = start_delivery(options, *spool);
  REQUIRE(eventually([&] { return spool->stats().batches == 0; }));
  delivery->stop();
  CHECK(batch_ids(second.seen(kBatchesPath)) ==
        std::vector<std::string>{part_batch_id(scan.batch_id, 0, 2),
                                 part_batch_id(scan.batch_id, 0, 3)});
}

TEST_CASE("413: what is not acknowledged is cut again, numbered after the acknowledged parts - "
          "the scan completes with its last part, not before",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  const model::Batch scan = scan_of(50);
  const model::Batch next = scan_of(3);
  REQUIRE(spool->put(scan));
  REQUIRE(spool->put(next));
  std::size_t limit = 100;
  SECTION("the limit in the answer") { limit = 4; }
  SECTION("no limit in the answer: halved until it fits") { limit = 0; }
  // The first part is taken whole (the limit was lowered after it), then parts over 4 items
  // are refused.
  FakeIngest ingest([limit](const Seen& seen, std::size_t n) {
    if (n == 0 || items_of(seen) <= 4) return accept_batch(seen, n);
    return limit > 0 ? too_large(limit) : json_answer(413, R"({"error":{"code":"too_large"}})");
  });
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.split.max_findings = 20;
  auto delivery = start_delivery(options, *spool);
  REQUIRE(eventually([&] { return spool->stats().batches == 0; }));
  delivery->stop();

  Completion completion;
  std::set<std::string> ids;
  for (const Seen& seen : ingest.seen(kBatchesPath)) {
    if (seen.body["scan"]["id"] != scan.scan.id) continue;
    if (items_of(seen) > 4 && seen.body["part"] != 1) continue;  // refused with 413
    completion.add(seen);
    CHECK(ids.insert(seen.batch_id).second);
  }
  INFO("parts accepted: " << completion.arrived);
  CHECK(completion.titles == titles_of(scan));  // every finding once, in order
  CHECK(completion.completed_at == completion.arrived);
  CHECK(completion.parts_in.size() == static_cast<std::size_t>(completion.arrived));
  CHECK(delivery->stats().recuts >= 1);
  CHECK(delivery->stats().dead_lettered == 0);
  // The next scan is cut to the size the ingest asked for from the start (or fits anyway).
  CHECK(ingest.seen(kBatchesPath).back().body["scan"]["id"] == next.scan.id);
}

TEST_CASE("413 for a single item: given up, the next scan goes on", "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  const model::Batch big = scan_of(1), next = scan_of(1);
  REQUIRE(spool->put(big));
  REQUIRE(spool->put(next));
  FakeIngest ingest([&](const Seen& seen, std::size_t n) {
    return seen.batch_id == big.batch_id ? too_large(1) : accept_batch(seen, n);
  });
  auto delivery = start_delivery(fast_options(ingest, tree.root()), *spool);
  REQUIRE(eventually([&] { return spool->stats().batches == 0; }));
  delivery->stop();
  CHECK(batch_ids(ingest.seen(kBatchesPath)) ==
        std::vector<std::string>{big.batch_id, next.batch_id});
  CHECK(spool->stats().dead_lettered == 1);
  CHECK_THAT(read_text(tree.root() / "spool/dead-letter/00000000000000000001.batch.reason"),
             Catch::Contains("HTTP 413") && Catch::Contains("cannot be cut smaller"));
}

TEST_CASE("a batch the server fails on is given up after more than N answers, counted across a "
          "restart - later batches go on",
          "[integration]") {
  TempTree tree;
  const model::Batch poison = scan_of(2), later = scan_of(2);
  const auto answer = [&](const Seen& seen, std::size_t n) {
    return seen.batch_id == poison.batch_id ? server_error() : accept_batch(seen, n);
  };
  {
    auto spool = open_spool(tree.root());
    REQUIRE(spool->put(poison));
    REQUIRE(spool->put(later));
    FakeIngest ingest(answer);
    DeliveryOptions options = fast_options(ingest, tree.root());
    options.server_error_limit = 1000;  // not given up in this life
    options.server_error_span = 0s;
    auto delivery = start_delivery(options, *spool);
    REQUIRE(eventually([&] { return delivery->stats().server_errors >= 3; }));
    delivery->stop();
    CHECK(spool->stats().batches == 2);  // the later batch waits behind it meanwhile
  }
  auto spool = open_spool(tree.root());
  const auto kept = spool->front();
  REQUIRE(kept);
  REQUIRE(kept->progress);
  const int before_restart = kept->progress->server_errors;
  CHECK(before_restart >= 3);
  CHECK(kept->progress->first_server_error_at.has_value());

  FakeIngest ingest(answer);
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.server_error_limit = before_restart + 2;
  options.server_error_span = 0s;
  auto delivery = start_delivery(options, *spool);
  REQUIRE(eventually([&] { return spool->stats().batches == 0; }));
  delivery->stop();
  // More than the limit in all: limit + 1 answers, before and after the restart.
  CHECK(batch_ids(ingest.seen(kBatchesPath)) ==
        std::vector<std::string>{poison.batch_id, poison.batch_id, poison.batch_id,
                                 later.batch_id});
  CHECK(delivery->stats().dead_lettered == 1);
  CHECK(spool->stats().dead_lettered == 1);
  CHECK_THAT(read_text(tree.root() / "spool/dead-letter/00000000000000000001.batch.reason"),
             Catch::Contains("HTTP 500") && Catch::Contains("times since"));
}

TEST_CASE("server errors within the span are not enough, and 502, 503, 504 and no answer never "
          "count",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  REQUIRE(spool->put(scan_of(1)));
  int status = 500;
  std::chrono::seconds span = 3600s;
  SECTION("500, within an hour") {}
  SECTION("502") { status = 502, span = 0s; }
  SECTION("503") { status = 503, span = 0s; }
  SECTION("504") { status = 504, span = 0s; }
  FakeIngest ingest([status](const Seen&, std::size_t) {
    return json_answer(static_cast<unsigned>(status), R"({"error":{"code":"x"}})");
  });
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.server_error_limit = 1;
  options.server_error_span = span;
  auto delivery = start_delivery(options, *spool);
  REQUIRE(eventually([&] { return ingest.count(kBatchesPath) >= 5; }));
  delivery->stop();
  CHECK(spool->stats().batches == 1);
  CHECK(delivery->stats().dead_lettered == 0);
  // Every answer counted when it is a 500 (bar one the stop may have cut short), none else.
  const std::uint64_t counted = delivery->stats().server_errors;
  if (status == 500) {
    CHECK(counted >= ingest.count(kBatchesPath) - 1);
    CHECK(counted <= ingest.count(kBatchesPath));
  } else {
    CHECK(counted == 0);
  }
}

TEST_CASE("a record of the version before (one part of a scan) is sent as it was stored",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  model::Batch part = scan_of(30);
  part.part = 2;
  part.parts = 3;
  REQUIRE(spool->put(part));
  FakeIngest ingest;
  DeliveryOptions options = fast_options(ingest, tree.root());
  options.split.max_findings = 10;  // would cut a whole scan; not this
  auto delivery = start_delivery(options, *spool);
  REQUIRE(eventually([&] { return spool->stats().batches == 0; }));
  delivery->stop();
  const auto seen = ingest.seen(kBatchesPath);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].batch_id == part.batch_id);
  CHECK(seen[0].body["part"] == 2);
  CHECK(seen[0].body["parts"] == 3);
  CHECK(items_of(seen[0]) == 30);
}

TEST_CASE("stop() during an upload the server never answers aborts it - the batch stays",
          "[integration]") {
  // A listener that takes connections into its backlog and never answers.
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::listen(listener, 8) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0);

  TempTree tree;
  auto spool = open_spool(tree.root());
  const model::Batch scan = scan_of(2);
  REQUIRE(spool->put(scan));
  FakeIngest unused;
  DeliveryOptions options = fast_options(unused, tree.root());
  options.client.base_url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
  options.client.allow_insecure_http = true;
  options.client.total_timeout = 120s;
  options.stopping_heartbeat_timeout = 0ms;
  CapturedLog log;
  auto delivery = start_delivery(options, *spool);
  // The request is sent and waits for its answer (the heartbeat's too).
  std::this_thread::sleep_for(500ms);
  REQUIRE(returns_within(kPromptly, [&] { delivery->stop(); }));
  ::close(listener);
  CHECK(log.contains("aborted: the agent is stopping"));
  CHECK(spool->stats().batches == 1);
  CHECK(delivery->stats().uploads_ok == 0);
}

TEST_CASE("a record the model's reader refuses is given up before anything is sent - one that is "
          "no batch at all is quarantined",
          "[integration]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  model::Batch refused = scan_of(2), later = scan_of(1);
  refused.findings[0].category = model::Category::auth;
  refused.findings[0].fields = {{"finding_type", std::string(5000, 'x')}, {"user_account", "root"}};
  REQUIRE(spool->put(refused));
  REQUIRE(spool->put(later));
  FakeIngest ingest;
  auto delivery = start_delivery(fast_options(ingest, tree.root()), *spool);
  REQUIRE(eventually([&] { return spool->stats().batches == 0; }));
  delivery->stop();
  CHECK(batch_ids(ingest.seen(kBatchesPath)) == std::vector<std::string>{later.batch_id});
  CHECK(spool->stats().dead_lettered == 1);
  CHECK(spool->stats().quarantined == 0);
  CHECK(delivery->stats().dead_lettered == 1);
  CHECK_THAT(read_text(tree.root() / "spool/dead-letter/00000000000000000001.batch.reason"),
             Catch::Contains("finding_type"));
}
