#include "schema-client/config/duration.hpp"

#include <catch2/catch.hpp>

namespace zt::config {
namespace {

using namespace std::chrono_literals;

TEST_CASE("config: parse_duration reads seconds or one unit", "[unit]") {
  CHECK(parse_duration("90") == 90s);
  CHECK(parse_duration("90s") == 90s);
  CHECK(parse_duration("5m") == 5min);
  CHECK(parse_duration("1h") == 1h);
  CHECK(parse_duration("1d") == 24h);
  CHECK(parse_duration("0") == 0s);
  CHECK(parse_duration("-5m") == -5min);  // parsed; the range check refuses it
}

TEST_CASE("config: parse_duration refuses anything else", "[unit]") {
  for (const char* text : {"", "abc", "m", "5x", "5 m", "1.5h", "1h30m", "5M", "+5m", " 5m",
                           "99999999999999999999", "9999999999999999d"}) {
    INFO(text);
    CHECK_FALSE(parse_duration(text).has_value());
  }
}

TEST_CASE("config: format_duration picks the largest exact unit", "[unit]") {
  CHECK(format_duration(0s) == "0s");
  CHECK(format_duration(61s) == "61s");
  CHECK(format_duration(60s) == "1m");
  CHECK(format_duration(90min) == "90m");
  CHECK(format_duration(2h) == "2h");
  CHECK(format_duration(48h) == "2d");
}

}  // namespace
}  // namespace zt::config
