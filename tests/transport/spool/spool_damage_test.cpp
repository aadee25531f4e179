// Torn and damaged files: found at open (or later by front()), moved to quarantine/ with a
// reason, counted; the whole batches are still delivered, and nothing stalls. A write that was
// never committed (a .tmp left by a crash) is not damage: deleted, counted apart.
#include <catch2/catch.hpp>

#include "tests/transport/spool/spool_fixture.hpp"
#include "transport/spool_record.hpp"

namespace zt::test {
namespace {

// Puts `count` batches in a fresh spool under `state` and closes it; their ids in order.
std::vector<std::string> spool_batches(const std::filesystem::path& state, int count) {
  auto spool = open_spool(state);
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) {
    const model::Batch batch = make_batch();
    REQUIRE(spool->put(batch));
    ids.push_back(batch.batch_id);
  }
  return ids;
}

std::vector<std::string> drain(transport::Spool& spool) {
  std::vector<std::string> ids;
  while (auto next = spool.front()) {
    ids.push_back(next->batch_id);
    spool.acknowledge(next->sequence);
  }
  return ids;
}

TEST_CASE("torn and damaged files are quarantined and counted at open, interrupted writes "
          "deleted and counted apart, the rest delivered",
          "[unit]") {
  TempTree tree;
  const std::vector<std::string> ids = spool_batches(tree.root(), 6);
  const auto& root = tree.root();

  // A crash while writing batch 7: its tmp file, half written.
  const std::string whole = read_text(batch_file(root, 1));
  write_bytes(root / "spool/00000000000000000007.batch.tmp", whole.substr(0, whole.size() / 2));
  // And of a progress file and of the drop ledger.
  write_bytes(root / "spool/00000000000000000001.progress.tmp", "{\"generation\":");
  write_bytes(root / "spool/drops.json.tmp", "");
  // Batch 2 torn: shorter than its header says.
  std::filesystem::resize_file(batch_file(root, 2),
                               std::filesystem::file_size(batch_file(root, 2)) - 10);
  // Batch 3: one payload byte flipped.
  flip_byte(batch_file(root, 3), -100);
  // Batch 4: one byte of its batch_id flipped (a header byte).
  flip_byte(batch_file(root, 4), 80);
  // Batch 5: only part of its header made it.
  std::filesystem::resize_file(batch_file(root, 5), 40);
  // Garbage under a batch's name, and a file that is no spool file at all.
  write_bytes(batch_file(root, 9), "this is not a spool record");
  write_bytes(root / "spool/notes.txt", "left by someone");

  auto spool = open_spool(root);
  const transport::SpoolStats stats = spool->stats();
  CHECK(stats.quarantined == 6);
  CHECK(stats.uncommitted_removed == 3);
  CHECK(stats.batches == 2);
  CHECK(stats.dropped.batches == 0);
  for (const char* tmp : {"00000000000000000007.batch.tmp", "00000000000000000001.progress.tmp",
                          "drops.json.tmp"})
    CHECK_FALSE(std::filesystem::exists(root / "spool" / tmp));

  const std::vector<std::string> quarantined = names_in(root / "spool/quarantine");
  CHECK(quarantined.size() == 12);  // each with its .reason
  for (const std::string name :
       {"00000000000000000002.batch",
        "00000000000000000003.batch", "00000000000000000004.batch", "00000000000000000005.batch",
        "00000000000000000009.batch", "notes.txt"}) {
    INFO(name);
    CHECK(std::count(quarantined.begin(), quarantined.end(), name) == 1);
    CHECK(std::count(quarantined.begin(), quarantined.end(), name + ".reason") == 1);
  }
  CHECK_THAT(read_text(root / "spool/quarantine/00000000000000000003.batch.reason"),
             Catch::Contains("payload checksum mismatch"));
  CHECK_THAT(read_text(root / "spool/quarantine/00000000000000000004.batch.reason"),
             Catch::Contains("header checksum mismatch"));
  CHECK_THAT(read_text(root / "spool/quarantine/00000000000000000002.batch.reason"),
             Catch::Contains("the header says"));

  // The new batch is numbered after every file seen, quarantined ones included.
  const model::Batch later = make_batch();
  REQUIRE(spool->put(later));
  CHECK(std::filesystem::exists(batch_file(root, 10)));
  CHECK(drain(*spool) == std::vector<std::string>{ids[0], ids[5], later.batch_id});

  // A second open finds nothing more to quarantine; a name taken in quarantine/ gets a suffix.
  write_bytes(root / "spool/notes.txt", "again");
  auto reopened = open_spool(root);
  CHECK(reopened->stats().quarantined == 1);
  CHECK(std::filesystem::exists(root / "spool/quarantine/notes.txt.1"));
  CHECK(std::filesystem::exists(root / "spool/quarantine/notes.txt.1.reason"));
}

TEST_CASE("a file renamed to another sequence is quarantined", "[unit]") {
  TempTree tree;
  const std::vector<std::string> ids = spool_batches(tree.root(), 2);
  std::filesystem::rename(batch_file(tree.root(), 1), batch_file(tree.root(), 5));
  auto spool = open_spool(tree.root());
  CHECK(spool->stats().quarantined == 1);
  CHECK_THAT(read_text(tree.root() / "spool/quarantine/00000000000000000005.batch.reason"),
             Catch::Contains("sequence 1"));
  CHECK(drain(*spool) == std::vector<std::string>{ids[1]});
}

TEST_CASE("front() quarantines a file damaged after open and returns the next batch", "[unit]") {
  TempTree tree;
  auto spool = open_spool(tree.root());
  const model::Batch a = make_batch(), b = make_batch();
  REQUIRE(spool->put(a));
  REQUIRE(spool->put(b));
  flip_byte(batch_file(tree.root(), 1), -1);

  const auto next = spool->front();
  REQUIRE(next);
  CHECK(next->batch_id == b.batch_id);
  const transport::SpoolStats stats = spool->stats();
  CHECK(stats.quarantined == 1);
  CHECK(stats.batches == 1);
  CHECK(stats.bytes == next->bytes);
  CHECK(std::filesystem::exists(tree.root() / "spool/quarantine/00000000000000000001.batch"));

  std::filesystem::remove(batch_file(tree.root(), 2));  // gone behind the spool's back
  CHECK_FALSE(spool->front());
  CHECK(spool->stats().quarantined == 2);
  CHECK(spool->stats().batches == 0);
}

TEST_CASE("a damaged drop ledger is quarantined and the spool still opens", "[unit]") {
  TempTree tree;
  const std::vector<std::string> ids = spool_batches(tree.root(), 1);
  tree.write("spool/drops.json", R"({"version":1,"dropped":[],"sha256":"0000"})");
  auto spool = open_spool(tree.root());
  CHECK(spool->stats().quarantined == 1);
  CHECK(spool->stats().dropped.batches == 0);
  CHECK_THAT(read_text(tree.root() / "spool/quarantine/drops.json.reason"),
             Catch::Contains("checksum mismatch"));
  CHECK(drain(*spool) == ids);
}

}  // namespace
}  // namespace zt::test
