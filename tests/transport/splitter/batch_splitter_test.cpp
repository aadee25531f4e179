#include <catch2/catch.hpp>

#include <set>

#include "schema-client/model/uuid.hpp"
#include "schema-client/model/wire_format.hpp"
#include "tests/schema-client/sample_batch.hpp"
#include "transport/batch_splitter.hpp"

using zt::model::Batch;
using namespace zt::transport;

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

// Every part of the cut of `batch` from item 0, as the delivery makes them (generation 0).
std::vector<Batch> parts_of(const Batch& batch, const SplitLimits& limits) {
  const std::vector<std::size_t> ends = cut_points(batch, 0, limits);
  std::vector<Batch> parts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < ends.size(); ++i) {
    const int part = static_cast<int>(i) + 1;
    parts.push_back(part_of(batch, begin, ends[i], part, static_cast<int>(ends.size()),
                            part_batch_id(batch.batch_id, 0, part)));
    begin = ends[i];
  }
  return parts;
}

}  // namespace

TEST_CASE("A small batch stays whole, part 1 of 1, with its own id", "[unit]") {
  const Batch batch = big_batch(5, 3);
  const auto parts = parts_of(batch, {});
  REQUIRE(parts.size() == 1);
  CHECK(parts[0] == batch);  // part 1 of 1 and the same id: nothing changed
}

TEST_CASE("Config files are items before the findings: each in one part, in order", "[unit]") {
  Batch batch = big_batch(3, 2);
  batch.config_files = zt::testing::sample_config_files();
  batch.config_files.push_back(batch.config_files[1]);
  batch.config_files.back().file_path = "/srv/backups/switch-05.cfg";
  CHECK(item_count(batch) == 3 + 3 + 2);
  const auto parts = parts_of(batch, {.max_findings = 2});
  REQUIRE(parts.size() == 4);
  CHECK(parts[0].config_files ==
        std::vector<zt::model::ConfigFile>{batch.config_files[0], batch.config_files[1]});
  CHECK(parts[0].findings.empty());
  CHECK(parts[1].config_files == std::vector<zt::model::ConfigFile>{batch.config_files[2]});
  CHECK(parts[1].findings == std::vector<zt::model::Finding>{batch.findings[0]});
  CHECK(parts[2].findings ==
        std::vector<zt::model::Finding>{batch.findings[1], batch.findings[2]});
  CHECK(parts[3].config_files.empty());
  CHECK(parts[3].dependencies == batch.dependencies);
  for (const Batch& part : parts) CHECK(zt::model::parse_batch(zt::model::serialize(part)).ok());
}

TEST_CASE("A scan without findings or packages is one empty part", "[unit]") {
  const Batch batch = big_batch(0, 0);
  CHECK(cut_points(batch, 0, {}) == std::vector<std::size_t>{0});
  CHECK(parts_of(batch, {})[0] == batch);
}

TEST_CASE("A large scan is cut by findings and by bytes, nothing lost, order kept, every part "
          "valid",
          "[unit]") {
  const Batch batch = big_batch(2500, 1200);
  SECTION("by count") {
    CHECK(cut_points(batch, 0, {1000, 64 * 1024 * 1024}) ==
          std::vector<std::size_t>{1000, 2000, 3000, 3700});
    // From an item on: what a re-cut after a 413 does.
    CHECK(cut_points(batch, 2500, {500, 64 * 1024 * 1024}) ==
          std::vector<std::size_t>{3000, 3500, 3700});
  }
  SECTION("by bytes") {
    const std::size_t limit = 64 * 1024;
    const auto parts = parts_of(batch, {100000, limit});
    REQUIRE(parts.size() > 10);
    for (const Batch& part : parts) CHECK(zt::model::serialize(part).size() <= limit);
  }
  const auto parts = parts_of(batch, {700, 256 * 1024});
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
  const auto parts = parts_of(batch, {1000, 4096});
  REQUIRE(parts.size() == 3);
  CHECK(parts[1].findings.size() == 1);
  CHECK(parts[1].findings[0].description.size() == 10000);
}

TEST_CASE("Part ids are derived: the same in every run, apart per generation and part, UUIDs",
          "[unit]") {
  const std::string scan = zt::model::new_uuid();
  CHECK(part_batch_id(scan, 0, 1) == scan);
  std::set<std::string> ids{scan};
  for (int generation = 0; generation < 3; ++generation)
    for (int part = 1; part <= 50; ++part) {
      const std::string id = part_batch_id(scan, generation, part);
      CHECK(zt::model::is_uuid(id));
      CHECK(id == part_batch_id(scan, generation, part));
      if (generation > 0 || part > 1) CHECK(ids.insert(id).second);
    }
  CHECK(part_batch_id(zt::model::new_uuid(), 0, 2) != part_batch_id(scan, 0, 2));
}
