// The spool's main path: put, front, acknowledge, in order and across a restart; the body it
// hands out; file modes; dead letters; waiting for a batch; folders it cannot use.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <thread>

#include "schema-client/model/wire_format.hpp"
#include "tests/transport/spool/spool_fixture.hpp"

namespace zt::test {
namespace {

using transport::Spool;
using transport::SpoolLimits;

TEST_CASE("put, front and acknowledge deliver batches oldest first, across a reopen", "[unit]") {
  TempTree tree;
  const model::Batch a = make_batch(), b = make_batch(), c = make_batch();
  std::uint64_t last_sequence = 0;
  {
    auto spool = open_spool(tree.root());
    CHECK_FALSE(spool->front());
    REQUIRE(spool->put(a));
    REQUIRE(spool->put(b));
    REQUIRE(spool->put(c));
    CHECK(spool->stats().batches == 3);

    auto first = spool->front();
    REQUIRE(first);
    CHECK(first->batch_id == a.batch_id);
    CHECK(spool->front()->sequence == first->sequence);  // front() does not remove
    spool->acknowledge(first->sequence);
    CHECK_FALSE(std::filesystem::exists(batch_file(tree.root(), first->sequence)));
    CHECK(spool->front()->batch_id == b.batch_id);
    spool->acknowledge(first->sequence);  // twice: ignored
    CHECK(spool->stats().batches == 2);
    last_sequence = first->sequence + 2;
  }
  auto spool = open_spool(tree.root());
  const transport::SpoolStats stats = spool->stats();
  CHECK(stats.batches == 2);
  CHECK(stats.quarantined == 0);
  CHECK(stats.bytes == std::filesystem::file_size(batch_file(tree.root(), last_sequence - 1)) +
                           std::filesystem::file_size(batch_file(tree.root(), last_sequence)));

  const model::Batch d = make_batch();
  REQUIRE(spool->put(d));
  std::vector<std::string> delivered;
  std::vector<std::uint64_t> sequences;
  while (auto next = spool->front()) {
    delivered.push_back(next->batch_id);
    sequences.push_back(next->sequence);
    spool->acknowledge(next->sequence);
  }
  CHECK(delivered == std::vector<std::string>{b.batch_id, c.batch_id, d.batch_id});
  // Sequences continue after a restart: the new batch is numbered after those on disk.
  CHECK(sequences ==
        std::vector<std::uint64_t>{last_sequence - 1, last_sequence, last_sequence + 1});
  CHECK(spool->stats().batches == 0);
  CHECK(spool->stats().bytes == 0);
}

TEST_CASE("the body is the batch's wire-format JSON, gzip-compressed", "[unit]") {
  TempTree tree;
  TestClock clock;
  auto spool = open_spool(tree.root(), {}, clock);
  const model::Batch batch = make_batch(12);
  REQUIRE(spool->put(batch));
  clock.advance(std::chrono::seconds(90));

  const auto spooled = spool->front();
  REQUIRE(spooled);
  CHECK(spooled->batch_id == batch.batch_id);
  CHECK(spooled->finding_count == batch.findings.size());
  CHECK(spooled->spooled_at == TestClock::start());
  CHECK(spooled->bytes == std::filesystem::file_size(batch_file(tree.root(), spooled->sequence)));
  CHECK(spool->stats().oldest_age == std::chrono::seconds(90));

  const std::string json = gunzip(spooled->body);
  CHECK(json == model::serialize(batch));
  const auto parsed = model::parse_batch(json);
  REQUIRE(parsed.ok());
  CHECK(*parsed == batch);
}

TEST_CASE("spool folders are 0700 and its files 0600, whatever the umask", "[unit]") {
  TempTree tree;
  // A folder made earlier with a looser mode is tightened.
  std::filesystem::create_directories(tree.root() / "state/spool");
  std::filesystem::permissions(tree.root() / "state/spool", std::filesystem::perms(0755));
  const mode_t saved_umask = ::umask(0);
  {
    auto spool = open_spool(tree.root() / "state", SpoolLimits{.max_bytes = 1});
    REQUIRE(spool->put(make_batch(1)).ok() == false);  // over the limit: a drop, saved
    REQUIRE(spool->put(make_batch(0)).ok() == false);
    auto roomy = open_spool(tree.root() / "state2");
    REQUIRE(roomy->put(make_batch()));
    REQUIRE(roomy->put(make_batch()));
    roomy->dead_letter(roomy->front()->sequence, "422: schema_version 9 is not supported");
  }
  ::umask(saved_umask);

  for (const char* folder : {"state/spool", "state/spool/quarantine", "state/spool/dead-letter",
                             "state2", "state2/spool", "state2/spool/dead-letter"})
    CHECK(mode_of(tree.root() / folder) == 0700);
  CHECK(mode_of(tree.root() / "state/spool/drops.json") == 0600);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(tree.root() / "state2"))
    if (entry.is_regular_file()) {
      INFO(entry.path());
      CHECK(mode_of(entry.path()) == 0600);
      ++files;
    }
  CHECK(files == 3);  // one batch waiting, one dead letter and its reason
}

TEST_CASE("dead_letter moves the batch to dead-letter/ with its reason", "[unit]") {
  TempTree tree;
  const model::Batch refused = make_batch(), next = make_batch();
  std::uint64_t sequence = 0;
  {
    auto spool = open_spool(tree.root());
    REQUIRE(spool->put(refused));
    REQUIRE(spool->put(next));
    sequence = spool->front()->sequence;
    spool->dead_letter(sequence, "422 Unprocessable Entity: $.findings[0].severity: unknown");
    spool->dead_letter(sequence, "again");  // no longer in the spool: ignored
    CHECK(spool->front()->batch_id == next.batch_id);
    const transport::SpoolStats stats = spool->stats();
    CHECK(stats.dead_lettered == 1);
    CHECK(stats.batches == 1);
    CHECK(stats.dropped.batches == 0);
  }
  const auto dead_letter = tree.root() / "spool/dead-letter";
  const std::string name = batch_file(tree.root(), sequence).filename().string();
  CHECK(names_in(dead_letter) == std::vector<std::string>{name, name + ".reason"});
  const std::string reason = read_text(dead_letter / (name + ".reason"));
  CHECK_THAT(reason, Catch::Contains("$.findings[0].severity: unknown"));
  CHECK_THAT(reason, Catch::Contains(refused.batch_id));
  // The file is the record as it was spooled.
  CHECK(std::filesystem::file_size(dead_letter / name) > 0);

  auto spool = open_spool(tree.root());
  CHECK(spool->front()->batch_id == next.batch_id);
  CHECK(spool->stats().batches == 1);
}

TEST_CASE("dead-letter/ keeps the newest max_set_aside_files batches", "[unit]") {
  TempTree tree;
  TestClock clock;
  auto spool = open_spool(tree.root(), {.max_set_aside_files = 2}, clock);
  for (int i = 0; i < 3; ++i) REQUIRE(spool->put(make_batch()));
  std::vector<std::string> names;
  while (auto next = spool->front()) {
    names.push_back(batch_file(tree.root(), next->sequence).filename().string());
    // Distinct modification times, oldest first.
    std::filesystem::last_write_time(batch_file(tree.root(), next->sequence),
                                     std::filesystem::file_time_type::clock::now() -
                                         std::chrono::hours(10 - static_cast<int>(names.size())));
    spool->dead_letter(next->sequence, "400");
  }
  CHECK(spool->stats().dead_lettered == 3);
  CHECK(names_in(tree.root() / "spool/dead-letter") ==
        std::vector<std::string>{names[1], names[1] + ".reason", names[2], names[2] + ".reason"});
}

TEST_CASE("wait_for_batch returns when a batch is put, on wake(), or at the deadline", "[unit]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  const auto far = std::chrono::steady_clock::now() + std::chrono::minutes(5);

  SECTION("a put wakes the waiter") {
    bool got = false;
    std::thread waiter([&] { got = spool->wait_for_batch(far); });
    REQUIRE(spool->put(make_batch()));
    waiter.join();
    CHECK(got);
    CHECK(spool->wait_for_batch(far));  // a batch is waiting: at once
  }
  SECTION("wake() wakes the waiter, and a wake() before the wait is not lost") {
    bool got = true;
    std::thread waiter([&] { got = spool->wait_for_batch(far); });
    spool->wake();
    waiter.join();
    CHECK_FALSE(got);
    spool->wake();
    CHECK_FALSE(spool->wait_for_batch(far));
  }
  SECTION("the deadline passes") {
    CHECK_FALSE(
        spool->wait_for_batch(std::chrono::steady_clock::now() + std::chrono::milliseconds(20)));
  }
  CHECK(std::chrono::steady_clock::now() < far);
}

TEST_CASE("open fails, naming the path, when the spool folder cannot be used", "[unit]") {
  TempTree tree;
  tree.write("state/spool", "a file where the folder should be");
  auto opened = Spool::open(tree.root() / "state");
  REQUIRE_FALSE(opened.ok());
  CHECK_THAT(opened.error().message, Catch::Contains((tree.root() / "state/spool").string()) &&
                                         Catch::Contains("Not a directory"));

  tree.write("file", "x");
  auto under_a_file = Spool::open(tree.root() / "file/state");
  REQUIRE_FALSE(under_a_file.ok());
  CHECK_THAT(under_a_file.error().message, Catch::Contains((tree.root() / "file").string()));

  // A symbolic link planted in place of the spool folder is not followed.
  tree.mkdir("elsewhere");
  tree.symlink((tree.root() / "elsewhere").string(), "linked/spool");
  CHECK_FALSE(Spool::open(tree.root() / "linked").ok());
}

}  // namespace
}  // namespace zt::test
