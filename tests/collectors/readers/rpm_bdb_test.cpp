// The Berkeley DB hash reader on real files made by Berkeley DB's db5.3_load from rpm's own
// headers (tests/fixtures/rpm, made by make_fixtures.sh; rpm lists the same packages from
// them), on damaged copies, and fuzzed.
#include "collectors/readers/rpm_bdb.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "collectors/readers/rpm_header.hpp"
#include "tests/support/fuzz.hpp"
#include "tests/support/temp_tree.hpp"

using zt::readers::BdbValues;
using zt::readers::read_bdb_hash_values;

namespace {

constexpr std::size_t kCap = 1 << 20;

std::string fixture(const std::string& name) {
  return zt::test::read_text(std::filesystem::path(ZT_SOURCE_DIR) / "tests/fixtures/rpm" / name /
                             "Packages");
}

// The package names of the values, sorted; "!" for a value that is not a header.
std::vector<std::string> names_of(const BdbValues& read) {
  std::vector<std::string> names;
  for (const std::string& value : read.values) {
    const auto package = zt::readers::parse_rpm_header(value);
    names.push_back(package ? package->name : "!");
  }
  std::sort(names.begin(), names.end());
  return names;
}

const std::vector<std::string> kAllNames = {"zt-alpha",       "zt-beta",       "zt-big",
                                            "zt-delta-tools", "zt-gamma",      "zt-gamma-libs"};

std::size_t largest(const BdbValues& read) {
  std::size_t size = 0;
  for (const std::string& value : read.values) size = std::max(size, value.size());
  return size;
}

std::string error_of(const std::string& file) {
  const auto read = read_bdb_hash_values(file, kCap);
  REQUIRE_FALSE(read.ok());
  return read.error().message;
}

}  // namespace

TEST_CASE("rpm bdb: every header of the real databases, both byte orders, overflow chains",
          "[unit][rpm]") {
  struct Case {
    const char* name;
    std::size_t page_size;
    const char* magic;  // bytes 12..15: the byte order
  };
  for (const Case c : {Case{"bdb", 4096, "\x61\x15\x06\x00"},
                       Case{"bdb-be", 512, "\x00\x06\x15\x61"},
                       Case{"bdb-chksum", 1024, "\x61\x15\x06\x00"}}) {
    INFO(c.name);
    const std::string file = fixture(c.name);
    REQUIRE(file.substr(12, 4) == std::string(c.magic, 4));
    REQUIRE(file.size() / c.page_size >= 10);  // several pages
    const auto read = read_bdb_hash_values(file, kCap);
    REQUIRE(read.ok());
    CHECK(read->problems.empty());
    CHECK(names_of(*read) == kAllNames);  // record 0, rpm's counter, is not a value
    CHECK(largest(*read) > c.page_size);  // zt-big's header is on overflow pages
  }
}

TEST_CASE("rpm bdb: files that are not Berkeley DB hash databases", "[unit][rpm]") {
  const std::string good = fixture("bdb-be");
  CHECK(error_of("") == "not a Berkeley DB hash database: 0 bytes, less than one page");
  CHECK(error_of(std::string(4096, 'x')) ==
        "not a Berkeley DB hash database: magic 0x78787878, expected 0x061561");
  std::string btree = good;
  btree.replace(12, 4, "\x00\x05\x31\x62", 4);
  CHECK(error_of(btree) == "not a Berkeley DB hash database: magic 0x62310500, expected 0x061561");
  std::string odd = good;
  odd.replace(20, 4, "\x00\x00\x03\x00", 4);
  CHECK(error_of(odd) == "Berkeley DB page size 768 is not a power of two from 512 to 65536");
  CHECK(error_of(fixture("bdb-chksum").substr(0, 1000)) ==
        "Berkeley DB file of 1000 bytes, shorter than its first 1024-byte page");
  std::string encrypted = good;
  encrypted[24] = 1;
  CHECK(error_of(encrypted) == "Berkeley DB file is encrypted");
  std::string btree_meta = good;
  btree_meta[25] = 9;
  CHECK(error_of(btree_meta) == "Berkeley DB page 0 is of type 9, not hash metadata (8)");
}

TEST_CASE("rpm bdb: a damaged file gives what is left, with problems", "[unit][rpm]") {
  const std::string good = fixture("bdb-be");
  const std::size_t pages = good.size() / 512;

  SECTION("cut short: the pages that are there") {
    const auto read = read_bdb_hash_values(good.substr(0, 512 * 20 + 100), kCap);
    REQUIRE(read.ok());
    CHECK(read->problems.front() == "the file ends after 20 pages, before its last page " +
                                        std::to_string(pages - 1));
    CHECK(read->values.size() < kAllNames.size());
  }
  SECTION("an overflow page overwritten: that header only") {
    std::string damaged = good;
    std::size_t overflow = 0;  // the first overflow page (type 7)
    for (std::size_t p = 1; p < pages && overflow == 0; ++p)
      if (damaged[p * 512 + 25] == 7) overflow = p;
    REQUIRE(overflow != 0);
    damaged[overflow * 512 + 25] = 0;
    const auto read = read_bdb_hash_values(damaged, kCap);
    REQUIRE(read.ok());
    REQUIRE(read->problems.size() == 1);
    CHECK_THAT(read->problems[0],
               Catch::Matches("page \\d+: entry \\d+: overflow page " + std::to_string(overflow) +
                              ": not an overflow page of 1 to 486 bytes"));
    CHECK(read->values.size() == kAllNames.size() - 1);
  }
  SECTION("the cap: values up to it, then a problem") {
    const auto read = read_bdb_hash_values(good, 3000);
    REQUIRE(read.ok());
    CHECK(read->problems ==
          std::vector<std::string>{
              "the values exceed the cap of 3000 bytes: the rest of the file is not read"});
    CHECK(read->values.size() < kAllNames.size());
  }
}

TEST_CASE("fuzz: rpm bdb hash reader, truncations and flips of a real file", "[unit][fuzz][rpm]") {
  for (const char* name : {"bdb-be", "bdb-chksum"}) {
    INFO(name);
    zt::test::fuzz_text(fixture(name), [](const std::string& file) {
      const auto read = read_bdb_hash_values(file, kCap);
      if (!read.ok()) return;
      std::size_t total = 0;
      for (const std::string& value : read->values) {
        total += value.size();
        (void)zt::readers::parse_rpm_header(value);
      }
      CHECK(total <= kCap);
    }, 1000);
  }
}
