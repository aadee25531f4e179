#include "collectors/system/proc_info.hpp"

#include <catch2/catch.hpp>

using zt::system::parse_kernel_release;
using zt::system::parse_uptime_seconds;

TEST_CASE("kernel release: the first line, trimmed", "[unit][proc]") {
  CHECK(parse_kernel_release("6.1.0-28-amd64\n") == "6.1.0-28-amd64");
  CHECK(parse_kernel_release("  6.18.44-fc-v782 \r\nsecond line\n") == "6.18.44-fc-v782");
  CHECK(parse_kernel_release("") == std::nullopt);
  CHECK(parse_kernel_release(" \n") == std::nullopt);
}

TEST_CASE("uptime: whole seconds since boot", "[unit][proc]") {
  CHECK(parse_uptime_seconds("431.13 755.11\n") == 431);
  CHECK(parse_uptime_seconds("864123.99 1702210.67\n") == 864123);
  CHECK(parse_uptime_seconds("0.00 0.00") == 0);
  CHECK(parse_uptime_seconds("12") == 12);
}

TEST_CASE("uptime: anything but a non-negative decimal is rejected", "[unit][proc]") {
  CHECK(parse_uptime_seconds("") == std::nullopt);
  CHECK(parse_uptime_seconds("abc 1.0") == std::nullopt);
  CHECK(parse_uptime_seconds("-5.0 1.0") == std::nullopt);
  CHECK(parse_uptime_seconds("12.5x 1.0") == std::nullopt);
  CHECK(parse_uptime_seconds("1e5 1.0") == std::nullopt);
  CHECK(parse_uptime_seconds("inf 1.0") == std::nullopt);
  CHECK(parse_uptime_seconds("nan") == std::nullopt);
  CHECK(parse_uptime_seconds("99999999999999999999999 1") == std::nullopt);
}
