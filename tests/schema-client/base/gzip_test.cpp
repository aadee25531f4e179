#include <catch2/catch.hpp>

#include "schema-client/base/gzip.hpp"
#include "tests/schema-client/base/gzip_writer.hpp"

using zt::base::gzip_decompress;
using zt::base::is_over_limit;

TEST_CASE("gzip_decompress returns what gzip compressed", "[unit]") {
  const std::string text = R"({"findings":[]})";
  auto result = gzip_decompress(zt::test::gzip(text), 1024);
  REQUIRE(result.ok());
  CHECK(*result == text);
}

TEST_CASE("gzip_decompress accepts an output exactly at the limit", "[unit]") {
  const std::string text(1000, 'a');
  CHECK(gzip_decompress(zt::test::gzip(text), 1000).ok());
  auto over = gzip_decompress(zt::test::gzip(text), 999);
  REQUIRE_FALSE(over.ok());
  CHECK(is_over_limit(over.error()));
}

TEST_CASE("gzip_decompress reads members one after the other, as `cat a.gz b.gz` makes", "[unit]") {
  auto result = gzip_decompress(zt::test::gzip("one,") + zt::test::gzip("two"), 100);
  REQUIRE(result.ok());
  CHECK(*result == "one,two");
}

TEST_CASE("gzip_decompress stops a gzip bomb at the limit, before reaching its end", "[unit]") {
  const std::string bomb = zt::test::gzip_zeros(100u * 1024 * 1024);
  REQUIRE(bomb.size() < 200 * 1024);
  auto whole = gzip_decompress(bomb, 1024 * 1024);
  REQUIRE_FALSE(whole.ok());
  CHECK(is_over_limit(whole.error()));
  // Cut in half, the stream would be corrupt at its end; "over limit" shows that inflating
  // stopped long before it got there.
  auto half = gzip_decompress(std::string_view(bomb).substr(0, bomb.size() / 2), 1024 * 1024);
  REQUIRE_FALSE(half.ok());
  CHECK(is_over_limit(half.error()));
}

TEST_CASE("gzip_decompress calls corrupt input corrupt, not over the limit", "[unit]") {
  const std::string good = zt::test::gzip("hello hello hello");
  SECTION("not gzip at all") {
    auto result = gzip_decompress("plain text, not gzip", 1024);
    REQUIRE_FALSE(result.ok());
    CHECK_FALSE(is_over_limit(result.error()));
    CHECK_THAT(result.error().message, Catch::Contains("corrupt gzip"));
  }
  SECTION("truncated") {
    auto result = gzip_decompress(std::string_view(good).substr(0, good.size() - 6), 1024);
    REQUIRE_FALSE(result.ok());
    CHECK_FALSE(is_over_limit(result.error()));
  }
  SECTION("damaged checksum") {
    std::string bad = good;
    bad[bad.size() - 6] = static_cast<char>(bad[bad.size() - 6] ^ 0x55);
    auto result = gzip_decompress(bad, 1024);
    REQUIRE_FALSE(result.ok());
    CHECK_FALSE(is_over_limit(result.error()));
  }
  SECTION("garbage after the member") {
    auto result = gzip_decompress(good + "trailing", 1024);
    REQUIRE_FALSE(result.ok());
    CHECK_FALSE(is_over_limit(result.error()));
  }
  SECTION("empty") {
    auto result = gzip_decompress("", 1024);
    REQUIRE_FALSE(result.ok());
    CHECK_FALSE(is_over_limit(result.error()));
  }
}

TEST_CASE("gzip_compress writes one gzip member that inflates to what was sent", "[unit]") {
  for (const std::string& text : {std::string(), std::string("{}"), std::string(200000, 'a'),
                                  std::string("{\"findings\":[\"\xc3\xa9\",\"\\u0000\"]}")}) {
    const auto packed = zt::base::gzip_compress(text);
    REQUIRE(packed.ok());
    CHECK(static_cast<unsigned char>((*packed)[0]) == 0x1f);  // the gzip magic
    CHECK(static_cast<unsigned char>((*packed)[1]) == 0x8b);
    const auto unpacked = gzip_decompress(*packed, 1 << 20);
    REQUIRE(unpacked.ok());
    CHECK(*unpacked == text);
  }
  CHECK(zt::base::gzip_compress(std::string(200000, 'a'))->size() < 1000);
}
