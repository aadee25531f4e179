// put() from a scan thread while an upload thread takes batches: nothing lost, nothing twice,
// in order.
#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "tests/transport/spool/spool_fixture.hpp"

namespace zt::test {
namespace {

TEST_CASE("concurrent put and front/acknowledge lose nothing and keep the order", "[unit]") {
  constexpr int kBatches = 100;
  TempTree tree;
  auto spool = open_spool(tree.root());
  std::vector<std::string> put_ids;
  for (int i = 0; i < kBatches; ++i) put_ids.push_back(make_batch(1).batch_id);

  std::thread producer([&] {
    for (const std::string& id : put_ids) {
      model::Batch batch = make_batch(1);
      batch.batch_id = id;
      if (!spool->put(batch)) spool->wake();  // let the test fail rather than hang
    }
  });

  std::vector<std::string> received;
  std::vector<std::uint64_t> sequences;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (received.size() < put_ids.size() && std::chrono::steady_clock::now() < deadline) {
    if (!spool->wait_for_batch(deadline)) continue;
    auto next = spool->front();
    REQUIRE(next);
    received.push_back(next->batch_id);
    sequences.push_back(next->sequence);
    spool->acknowledge(next->sequence);
  }
  producer.join();

  CHECK(received == put_ids);
  CHECK(std::set<std::uint64_t>(sequences.begin(), sequences.end()).size() == sequences.size());
  CHECK(std::is_sorted(sequences.begin(), sequences.end()));
  const transport::SpoolStats stats = spool->stats();
  CHECK(stats.batches == 0);
  CHECK(stats.bytes == 0);
  CHECK(stats.dropped.batches == 0);
  CHECK(stats.quarantined == 0);
  CHECK(stats.io_errors == 0);
  std::vector<std::string> left = names_in(tree.root() / "spool");
  CHECK(left == std::vector<std::string>{"dead-letter", "quarantine"});
}

}  // namespace
}  // namespace zt::test
