// The byte bound: the oldest batches are dropped, and every drop is in the ledger (counts,
// ids, times) until the server has been told, across restarts.
#include <catch2/catch.hpp>

#include "tests/transport/spool/spool_fixture.hpp"

namespace zt::test {
namespace {

using transport::DropRecord;
using transport::SpoolLimits;

constexpr std::size_t kFindings = 2;

// The size on disk of one batch like make_batch(kFindings) (ids differ, sizes barely).
std::uint64_t record_size() {
  TempTree scratch;
  auto spool = open_spool(scratch.root());
  REQUIRE(spool->put(make_batch(kFindings)));
  return spool->stats().bytes;
}

TEST_CASE("when full, the oldest batches are dropped and counted, and the count survives a reopen",
          "[unit]") {
  TempTree tree;
  TestClock clock;
  const std::uint64_t size = record_size();
  // Room for three batches, not four.
  const SpoolLimits limits{.max_bytes = 3 * size + size / 2};
  std::vector<model::Batch> batches;
  for (int i = 0; i < 7; ++i) batches.push_back(make_batch(kFindings));
  const auto at = [&](int minute) {
    return model::format_timestamp(TestClock::start() + std::chrono::minutes(minute));
  };

  DropRecord reported;
  {
    auto spool = open_spool(tree.root(), limits, clock);
    for (int i = 0; i < 6; ++i) {
      clock.advance(std::chrono::minutes(1));
      REQUIRE(spool->put(batches[i]));
    }
    const transport::SpoolStats stats = spool->stats();
    CHECK(stats.batches == 3);
    CHECK(stats.bytes <= limits.max_bytes);
    CHECK(stats.dropped.batches == 3);
    CHECK(stats.dropped.findings == 3 * kFindings);
    CHECK(stats.dropped.first_batch_id == batches[0].batch_id);
    CHECK(stats.dropped.last_batch_id == batches[2].batch_id);
    // Dropped when the 4th, 5th and 6th were put, at minutes 4, 5 and 6.
    CHECK(stats.dropped.first_dropped_at == at(4));
    CHECK(stats.dropped.last_dropped_at == at(6));
    CHECK(spool->front()->batch_id == batches[3].batch_id);
    CHECK_FALSE(std::filesystem::exists(batch_file(tree.root(), 1)));
    reported = stats.dropped;  // what the next heartbeat carries
  }

  auto spool = open_spool(tree.root(), limits, clock);
  CHECK(spool->stats().dropped == reported);

  // A drop after the heartbeat was built, before the server accepted it.
  clock.advance(std::chrono::minutes(1));
  REQUIRE(spool->put(batches[6]));
  CHECK(spool->stats().dropped.batches == 4);

  spool->clear_reported_drops(reported);
  const DropRecord left = spool->stats().dropped;
  CHECK(left.batches == 1);
  CHECK(left.findings == kFindings);
  CHECK(left.first_batch_id == batches[3].batch_id);
  CHECK(left.last_batch_id == batches[3].batch_id);
  CHECK(left.first_dropped_at == at(7));
  CHECK(left.last_dropped_at == at(7));

  // The same report cleared twice changes nothing: better reported twice than hidden.
  spool->clear_reported_drops(reported);
  CHECK(spool->stats().dropped == left);

  spool.reset();
  spool = open_spool(tree.root(), limits, clock);
  CHECK(spool->stats().dropped == left);
  spool->clear_reported_drops(left);
  CHECK(spool->stats().dropped == DropRecord{});
  spool.reset();
  spool = open_spool(tree.root(), limits, clock);
  CHECK(spool->stats().dropped == DropRecord{});
  CHECK(spool->stats().batches == 3);
}

TEST_CASE("a batch larger than the whole bound is refused, counted, and drops nothing", "[unit]") {
  TempTree tree;
  const std::uint64_t size = record_size();
  auto spool = open_spool(tree.root(), {.max_bytes = 2 * size});
  const model::Batch small = make_batch(kFindings), big = make_batch(12);
  REQUIRE(spool->put(small));

  const model::Status refused = spool->put(big);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error().message, Catch::Contains(big.batch_id) &&
                                          Catch::Contains("limit of " + std::to_string(2 * size)));
  const transport::SpoolStats stats = spool->stats();
  CHECK(stats.batches == 1);
  CHECK(stats.dropped.batches == 1);
  CHECK(stats.dropped.findings == 12);
  CHECK(stats.dropped.first_batch_id == big.batch_id);
  CHECK(spool->front()->batch_id == small.batch_id);
}

TEST_CASE("a batch without a batch_id is refused and counted", "[unit]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  model::Batch batch = make_batch(kFindings);
  batch.batch_id.clear();
  REQUIRE_FALSE(spool->put(batch).ok());
  CHECK(spool->stats().dropped.batches == 1);
  CHECK(spool->stats().batches == 0);
}

TEST_CASE("a lowered bound drops the oldest batches at open", "[unit]") {
  TempTree tree;
  const std::uint64_t size = record_size();
  std::vector<std::string> ids;
  {
    auto spool = open_spool(tree.root());
    for (int i = 0; i < 4; ++i) {
      const model::Batch batch = make_batch(kFindings);
      REQUIRE(spool->put(batch));
      ids.push_back(batch.batch_id);
    }
  }
  auto spool = open_spool(tree.root(), {.max_bytes = size + size / 2});
  const transport::SpoolStats stats = spool->stats();
  CHECK(stats.batches == 1);
  CHECK(stats.dropped.batches == 3);
  CHECK(stats.dropped.first_batch_id == ids[0]);
  CHECK(stats.dropped.last_batch_id == ids[2]);
  CHECK(spool->front()->batch_id == ids[3]);

  // Even below one batch, the newest is kept.
  spool.reset();
  spool = open_spool(tree.root(), {.max_bytes = 1});
  CHECK(spool->stats().batches == 1);
  CHECK(spool->stats().dropped.batches == 3);
}

}  // namespace
}  // namespace zt::test
