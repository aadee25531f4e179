#include <catch2/catch.hpp>

#include <set>

#include "schema-client/model/wire_format.hpp"
#include "tests/schema-client/sample_batch.hpp"
#include "transport/batch_splitter.hpp"

using zt::model::Batch;
using zt::transport::split_batch;

namespace {

// The sample batch with `findings` findings (copies of the samples) and `dependencies`
// packages.
Batch big_batch(std::size_t findings, std::size_t dependencies) {
  Batch batch = zt::testing::completed_scan("agent-1", 10);
  const auto samples = batch.findings;
  batch.findings.clear();
  for (std::size_t i = 0; i < findings; ++i) {
    batch.findings.push_back(samples[i % samples.size()]);
    batch.findings.back().title += " #" + std::to_string(i);
  }
  batch.dependencies.clear();
  for (std::size_t i = 0; i < dependencies; ++i)
    batch.dependencies.push_back({"pkg" + std::to_string(i), "1.0", "deb", "/var/lib/dpkg/status", ""});
  return batch;
}

}  // namespace

TEST_CASE("A small batch stays whole, part 1 of 1, with its own id", "[unit]") {
  const Batch batch = big_batch(5, 3);
  const auto parts = split_batch(batch, {});
  REQUIRE(parts.size() == 1);
  CHECK(parts[0] == batch);  // part 1 of 1 and the same id: nothing changed
}

TEST_CASE("A large scan is cut by findings and by bytes, nothing lost, order kept, every part "
          "valid",
          "[unit]") {
  const Batch batch = big_batch(2500, 1200);
  SECTION("by count") {
    const auto parts = split_batch(batch, {1000, 64 * 1024 * 1024});
    CHECK(parts.size() == 4);  // 3700 items, 1000 per part
  }
  SECTION("by bytes") {
    const std::size_t limit = 64 * 1024;
    const auto parts = split_batch(batch, {100000, limit});
    REQUIRE(parts.size() > 10);
    for (const Batch& part : parts) CHECK(zt::model::serialize(part).size() <= limit);
  }
  const auto parts = split_batch(batch, {700, 256 * 1024});
  std::vector<zt::model::Finding> findings;
  std::vector<zt::model::Dependency> dependencies;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Batch& part = parts[i];
    CHECK(part.part == static_cast<int>(i) + 1);
    CHECK(part.parts == static_cast<int>(parts.size()));
    CHECK(part.scan == batch.scan);
    CHECK(part.agent == batch.agent);
    CHECK(part.findings.size() + part.dependencies.size() <= 700);
    ids.insert(part.batch_id);
    // What the ingest will read: the wire format accepts each part as it is.
    auto read = zt::model::parse_batch(zt::model::serialize(part));
    REQUIRE(read.ok());
    CHECK(*read == part);
    findings.insert(findings.end(), part.findings.begin(), part.findings.end());
    dependencies.insert(dependencies.end(), part.dependencies.begin(), part.dependencies.end());
  }
  CHECK(ids.size() == parts.size());
  CHECK(parts.front().batch_id == batch.batch_id);
  CHECK(findings == batch.findings);
  CHECK(dependencies == batch.dependencies);
}

TEST_CASE("A finding larger than the byte limit travels alone", "[unit]") {
  Batch batch = big_batch(3, 0);
  batch.findings[1].description = std::string(10000, 'x');
  const auto parts = split_batch(batch, {1000, 4096});
  REQUIRE(parts.size() == 3);
  CHECK(parts[1].findings.size() == 1);
  CHECK(parts[1].findings[0].description.size() == 10000);
}
