#include <catch2/catch.hpp>

#include "ingest/http/gzip.hpp"
#include "tests/ingest/http/gzip_writer.hpp"

using zt::ingest::gunzip;
using zt::ingest::is_over_limit;

TEST_CASE("gunzip returns what gzip compressed", "[unit]") {
  const std::string text = R"({"findings":[]})";
  auto result = gunzip(zt::test::gzip(text), 1024);
  REQUIRE(result.ok());
  CHECK(*result == text);
}

TEST_CASE("gunzip accepts an output exactly at the limit", "[unit]") {
  const std::string text(1000, 'a');
  CHECK(gunzip(zt::test::gzip(text), 1000).ok());
  auto over = gunzip(zt::test::gzip(text), 999);
  REQUIRE_FALSE(over.ok());
  CHECK(is_over_limit(over.error()));
}

TEST_CASE("gunzip reads members one after the other, as `cat a.gz b.gz` makes", "[unit]") {
  auto result = gunzip(zt::test::gzip("one,") + zt::test::gzip("two"), 100);
  REQUIRE(result.ok());
  CHECK(*result == "one,two");
}

TEST_CASE("gunzip stops a gzip bomb at the limit, before reaching its end", "[unit]") {
  const std::string bomb = zt::test::gzip_zeros(100u * 1024 * 1024);
  REQUIRE(bomb.size() < 200 * 1024);
  auto whole = gunzip(bomb, 1024 * 1024);
  REQUIRE_FALSE(whole.ok());
  CHECK(is_over_limit(whole.error()));
  // Cut in half, the stream would be corrupt at its end; "over limit" shows that inflating
  // stopped long before it got there.
  auto half = gunzip(std::string_view(bomb).substr(0, bomb.size() / 2), 1024 * 1024);
  REQUIRE_FALSE(half.ok());
  CHECK(is_over_limit(half.error()));
}

TEST_CASE("gunzip calls corrupt input corrupt, not over the limit", "[unit]") {
  const std::string good = zt::test::gzip("hello hello hello");
  SECTION("not gzip at all") {
    auto result = gunzip("plain text, not gzip", 1024);
    REQUIRE_FALSE(result.ok());
    CHECK_FALSE(is_over_limit(result.error()));
    CHECK_THAT(result.error().message, Catch::Contains("corrupt gzip"));
  }
  SECTION("truncated") {
    auto result = gunzip(std::string_view(good).substr(0, good.size() - 6), 1024);
    REQUIRE_FALSE(result.ok());
    CHECK_FALSE(is_over_limit(result.error()));
  }
  SECTION("damaged checksum") {
    std::string bad = good;
    bad[bad.size() - 6] = static_cast<char>(bad[bad.size() - 6] ^ 0x55);
    auto result = gunzip(bad, 1024);
    REQUIRE_FALSE(result.ok());
    CHECK_FALSE(is_over_limit(result.error()));
  }
  SECTION("garbage after the member") {
    auto result = gunzip(good + "trailing", 1024);
    REQUIRE_FALSE(result.ok());
    CHECK_FALSE(is_over_limit(result.error()));
  }
  SECTION("empty") {
    auto result = gunzip("", 1024);
    REQUIRE_FALSE(result.ok());
    CHECK_FALSE(is_over_limit(result.error()));
  }
}
