// The rpm header parser on headers built here entry by entry, on the real headers of the
// sqlite fixture (tests/fixtures/rpm, made by rpm itself: see make_fixtures.sh), and fuzzed.
#include "collectors/readers/rpm_header.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "collectors/readers/rpm_sqlite.hpp"
#include "tests/support/fuzz.hpp"

using zt::readers::parse_rpm_header;
using zt::readers::RpmPackage;

namespace {

constexpr std::uint32_t kInt32 = 4, kString = 6, kBin = 7, kI18nString = 9;

struct Tag {
  std::uint32_t tag;
  std::uint32_t type;
  std::string data;  // as stored: a string with its NUL, an INT32 in 4 big-endian bytes
  std::uint32_t count = 1;
  std::int64_t offset = -1;  // -1: where the data lands; else this offset, as written
};

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}
std::string str(const std::string& s) { return s + '\0'; }

// A header blob: preamble, index, data store (INT32 data aligned to 4, as rpm aligns it).
std::string header_blob(const std::vector<Tag>& tags) {
  std::string index, data;
  for (const Tag& t : tags) {
    if (t.type == kInt32)
      while (data.size() % 4 != 0) data += '\0';
    const auto offset = t.offset >= 0 ? t.offset : static_cast<std::int64_t>(data.size());
    index += be32(t.tag) + be32(t.type) + be32(static_cast<std::uint32_t>(offset)) +
             be32(t.count);
    data += t.data;
  }
  return be32(static_cast<std::uint32_t>(tags.size())) +
         be32(static_cast<std::uint32_t>(data.size())) + index + data;
}

std::vector<Tag> minimal() {
  return {{1000, kString, str("bash")}, {1001, kString, str("5.1.8")},
          {1002, kString, str("9.el9")}};
}

std::string error_of(const std::string& blob) {
  const auto parsed = parse_rpm_header(blob);
  REQUIRE_FALSE(parsed.ok());
  return parsed.error().message;
}

}  // namespace

TEST_CASE("rpm header: the tags of the inventory", "[unit][rpm]") {
  auto tags = minimal();
  tags.insert(tags.begin(), {63, kBin, std::string(16, '\x01'), 16});  // a region tag: skipped
  tags.push_back({1004, kI18nString, str("The GNU Bourne Again shell")});
  tags.push_back({1003, kInt32, be32(0x01020304)});
  tags.push_back({1014, kI18nString, str("GPLv3+") + str("translated")});
  tags.push_back({1022, kString, str("x86_64")});
  tags.push_back({1044, kString, str("bash-5.1.8-9.el9.src.rpm")});
  const auto parsed = parse_rpm_header(header_blob(tags));
  REQUIRE(parsed.ok());
  CHECK(*parsed == RpmPackage{"bash", 0x01020304, "5.1.8", "9.el9", "x86_64",
                              "bash-5.1.8-9.el9.src.rpm", "GPLv3+"});
  CHECK(zt::readers::rpm_evr(*parsed) == "16909060:5.1.8-9.el9");
}

TEST_CASE("rpm header: optional tags may be absent (gpg-pubkey)", "[unit][rpm]") {
  const auto parsed = parse_rpm_header(header_blob(
      {{1000, kString, str("gpg-pubkey")}, {1001, kString, str("fd431d51")},
       {1002, kString, str("4ae0493b")}}));
  REQUIRE(parsed.ok());
  CHECK(*parsed == RpmPackage{"gpg-pubkey", std::nullopt, "fd431d51", "4ae0493b", "", "", ""});
  CHECK(zt::readers::rpm_evr(*parsed) == "fd431d51-4ae0493b");
}

TEST_CASE("rpm header: every bound is checked and named", "[unit][rpm]") {
  const std::string good = header_blob(minimal());
  CHECK(error_of("") == "header of 0 bytes, shorter than its 8-byte preamble");
  CHECK(error_of(be32(0) + be32(0)) == "header with 0 index entries (1 to 65535 expected)");
  CHECK(error_of(be32(0x10000) + be32(0)) ==
        "header with 65536 index entries (1 to 65535 expected)");
  CHECK(error_of(be32(1) + be32(0x10000000)) ==
        "header data store of 268435456 bytes, over rpm's 268435455");
  CHECK(error_of(good.substr(0, good.size() - 1)) ==
        "header truncated: 72 bytes, its 3 index entries and 17-byte data store need 73");
  CHECK(error_of(be32(0xffff) + be32(0x0fffffff)).starts_with("header truncated: 8 bytes"));

  auto tags = minimal();
  tags[1].offset = 1000;
  CHECK(error_of(header_blob(tags)) ==
        "entry 1 (tag 1001): offset 1000 outside the 17-byte data store");
  tags[1].offset = 0x80000000;  // negative as an int32
  CHECK(error_of(header_blob(tags)) ==
        "entry 1 (tag 1001): offset -2147483648 outside the 17-byte data store");
  tags = minimal();
  tags[2].data = "9.el9";  // the last string without its terminator
  CHECK(error_of(header_blob(tags)) ==
        "entry 2 (tag 1002): string at offset 11 has no terminator in the 16-byte data store");
  tags = minimal();
  tags[0].type = kInt32;
  CHECK(error_of(header_blob(tags)) == "entry 0 (tag 1000): type 4 is not a string type");
  tags = minimal();
  tags[0].count = 0;
  CHECK(error_of(header_blob(tags)) == "entry 0 (tag 1000): count 0");

  tags = minimal();
  tags.push_back({1003, kString, str("3")});
  CHECK(error_of(header_blob(tags)) == "entry 3 (tag 1003): type 6 is not INT32");
  tags.back() = {1003, kInt32, be32(3), 1, 20};  // the last 4 bytes of a 24-byte store
  CHECK(parse_rpm_header(header_blob(tags)).ok());
  tags.back().offset = 21;
  CHECK(error_of(header_blob(tags)) ==
        "entry 3 (tag 1003): INT32 at offset 21 outside the 24-byte data store");

  for (std::size_t missing = 0; missing < 3; ++missing) {
    tags = minimal();
    tags.erase(tags.begin() + static_cast<std::ptrdiff_t>(missing));
    const char* names[] = {"NAME tag (1000)", "VERSION tag (1001)", "RELEASE tag (1002)"};
    CHECK(error_of(header_blob(tags)) == std::string("header has no ") + names[missing]);
  }
}

TEST_CASE("rpm header: the first of a repeated tag wins, trailing bytes are ignored",
          "[unit][rpm]") {
  auto tags = minimal();
  tags.push_back({1000, kString, str("other")});
  const auto parsed = parse_rpm_header(header_blob(tags) + "trailing");
  REQUIRE(parsed.ok());
  CHECK(parsed->name == "bash");
}

TEST_CASE("fuzz: rpm header, seeded with the real headers of the fixture", "[unit][fuzz][rpm]") {
  const auto blobs = zt::readers::read_rpm_sqlite_blobs(
      std::filesystem::path(ZT_SOURCE_DIR) / "tests/fixtures/rpm/sqlite/rpmdb.sqlite", 1 << 20);
  REQUIRE(blobs.ok());
  REQUIRE(blobs->size() == 6);
  for (const std::string& blob : *blobs) REQUIRE(parse_rpm_header(blob).ok());
  std::size_t parsed = 0;
  zt::test::fuzz_text((*blobs)[0], [&](const std::string& blob) {
    const auto package = parse_rpm_header(blob);
    if (package.ok()) ++parsed;
    else CHECK_FALSE(package.error().message.empty());
  });
  CHECK(parsed > 0);  // flips that miss the tags read still parse
}
