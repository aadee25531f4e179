// The delivery's progress beside a record (<sequence>.progress): stored crash-consistently,
// read back with the record across a reopen, deleted with it, a stale one deleted at open, a
// damaged one quarantined without losing the record.
#include <catch2/catch.hpp>

#include "tests/transport/spool/spool_fixture.hpp"
#include "transport/scan_progress.hpp"
#include "transport/spool_record.hpp"

namespace zt::test {
namespace {

namespace fs = std::filesystem;
using transport::ScanProgress;

fs::path progress_file(const fs::path& state, std::uint64_t sequence) {
  return state / "spool" / transport::progress_file_name(sequence);
}

ScanProgress some_progress() {
  ScanProgress progress;
  progress.generation = 1;
  progress.base_part = 2;
  progress.base_item = 2000;
  progress.ends = {2500, 3000, 3700};
  progress.acked = 3;
  progress.server_errors = 4;
  progress.first_server_error_at = TestClock::start();
  return progress;
}

TEST_CASE("scan progress: text round trip, and what is refused", "[unit]") {
  const ScanProgress progress = some_progress();
  auto read = transport::progress_from_text(transport::to_text(progress));
  REQUIRE(read);
  CHECK(*read == progress);
  CHECK(read->parts() == 5);
  CHECK(read->begin_of(3) == 2000);
  CHECK(read->end_of(3) == 2500);
  CHECK(read->begin_of(4) == 2500);
  CHECK(read->end_of(5) == 3700);
  CHECK_FALSE(read->done());

  for (const std::string bad :
       {"[]", "{\"ends\":[3,2]}", "{\"base_item\":5,\"ends\":[4]}", "{\"acked\":2,\"ends\":[1]}",
        "{\"generation\":-1}", "{\"surprise\":1}", "{\"first_server_error_at\":\"yesterday\"}",
        "{\"base_part\":3,\"acked\":1,\"ends\":[1]}"}) {
    INFO(bad);
    const auto refused = transport::progress_from_text(bad);
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::StartsWith("scan progress: "));
  }
}

TEST_CASE("a record's progress is read back with it across a reopen, and goes with it",
          "[unit]") {
  TempTree tree;
  const model::Batch a = make_batch(), b = make_batch();
  {
    auto spool = open_spool(tree.root());
    REQUIRE(spool->put(a));
    REQUIRE(spool->put(b));
    auto first = spool->front();
    REQUIRE(first);
    CHECK_FALSE(first->progress);
    REQUIRE(spool->save_progress(first->sequence, some_progress()));
    CHECK(mode_of(progress_file(tree.root(), 1)) == 0600);
    // Nothing is written for a record that is not there.
    REQUIRE(spool->save_progress(42, some_progress()));
    CHECK_FALSE(fs::exists(progress_file(tree.root(), 42)));
  }
  auto spool = open_spool(tree.root());
  auto first = spool->front();
  REQUIRE(first);
  CHECK(first->batch_id == a.batch_id);
  REQUIRE(first->progress);
  CHECK(*first->progress == some_progress());

  spool->acknowledge(first->sequence);
  CHECK_FALSE(fs::exists(batch_file(tree.root(), 1)));
  CHECK_FALSE(fs::exists(progress_file(tree.root(), 1)));

  auto second = spool->front();
  REQUIRE(second);
  REQUIRE(spool->save_progress(second->sequence, some_progress()));
  spool->dead_letter(second->sequence, "HTTP 422");
  CHECK_FALSE(fs::exists(progress_file(tree.root(), 2)));
  CHECK(names_in(tree.root() / "spool/dead-letter") ==
        std::vector<std::string>{"00000000000000000002.batch", "00000000000000000002.batch.reason"});
  CHECK(spool->stats().quarantined == 0);
}

TEST_CASE("a progress whose record is gone is deleted at open - a damaged one is quarantined and "
          "its record kept",
          "[unit]") {
  TempTree tree;
  const model::Batch a = make_batch();
  {
    auto spool = open_spool(tree.root());
    REQUIRE(spool->put(a));
    REQUIRE(spool->save_progress(1, some_progress()));
  }
  write_bytes(progress_file(tree.root(), 7), transport::to_text(some_progress()));  // stale
  flip_byte(progress_file(tree.root(), 1), 2);

  auto spool = open_spool(tree.root());
  CHECK_FALSE(fs::exists(progress_file(tree.root(), 7)));
  CHECK(spool->stats().quarantined == 0);
  auto first = spool->front();
  REQUIRE(first);
  CHECK(first->batch_id == a.batch_id);
  CHECK_FALSE(first->progress);  // starts over
  CHECK(spool->stats().quarantined == 1);
  CHECK_THAT(read_text(tree.root() / "spool/quarantine/00000000000000000001.progress.reason"),
             Catch::Contains("starts over"));
  // Read once: the next front() finds no progress and quarantines nothing more.
  CHECK_FALSE(spool->front()->progress);
  CHECK(spool->stats().quarantined == 1);
}

TEST_CASE("a record dropped by the bound takes its progress with it", "[unit]") {
  TempTree tree;
  transport::SpoolLimits limits;
  {
    auto spool = open_spool(tree.root());
    REQUIRE(spool->put(make_batch()));
    limits.max_bytes = spool->stats().bytes + spool->stats().bytes / 2;
  }
  auto spool = open_spool(tree.root(), limits);
  REQUIRE(spool->save_progress(1, some_progress()));
  REQUIRE(spool->put(make_batch()));
  CHECK(spool->stats().dropped.batches == 1);
  CHECK_FALSE(fs::exists(batch_file(tree.root(), 1)));
  CHECK_FALSE(fs::exists(progress_file(tree.root(), 1)));
}

TEST_CASE("quarantine_record sets a record aside that is no batch, with its progress gone",
          "[unit]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  REQUIRE(spool->put(make_batch()));
  REQUIRE(spool->save_progress(1, some_progress()));
  spool->quarantine_record(1, "spooled batch x cannot be read: not a batch");
  CHECK(spool->stats().quarantined == 1);
  CHECK(spool->stats().batches == 0);
  CHECK_FALSE(fs::exists(progress_file(tree.root(), 1)));
  CHECK_THAT(read_text(tree.root() / "spool/quarantine/00000000000000000001.batch.reason"),
             Catch::Contains("not a batch"));
}

}  // namespace
}  // namespace zt::test
