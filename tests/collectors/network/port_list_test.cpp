#include "collectors/network/port_list.hpp"

#include <catch2/catch.hpp>

#include "tests/support/fuzz.hpp"

using zt::network::contains;
using zt::network::parse_port_range;
using zt::network::port_range_option;
using zt::network::PortRange;

TEST_CASE("port list: single ports and ranges", "[unit][network][port_list]") {
  CHECK(parse_port_range("443") == PortRange{443, 443});
  CHECK(parse_port_range(" 8000 - 8100 ") == PortRange{8000, 8100});
  CHECK(parse_port_range("1-65535") == PortRange{1, 65535});
  CHECK(parse_port_range("22-22") == PortRange{22, 22});
  for (const char* bad : {"", "0", "65536", "-1", "100-", "-100", "200-100", "http", "4 43",
                          "1-2-3", "+443", "443.0", "0x1bb", "000000443"})
    CHECK_FALSE(parse_port_range(bad));
}

TEST_CASE("port list: membership, and the option's entries", "[unit][network][port_list]") {
  const std::vector<PortRange> list{{443, 443}, {8000, 8100}};
  CHECK(contains(list, 443));
  CHECK(contains(list, 8000));
  CHECK(contains(list, 8100));
  CHECK_FALSE(contains(list, 8101));
  CHECK_FALSE(contains(list, 22));
  CHECK_FALSE(contains({}, 22));

  auto entry = port_range_option("8000-8100");
  REQUIRE(entry);
  CHECK(*entry == PortRange{8000, 8100});
  auto bad = port_range_option("80-x");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message ==
        "\"80-x\" is not a port (1..65535) or a range of ports (\"8000-8100\")");
}

TEST_CASE("port list: fuzzed input", "[unit][network][port_list][fuzz]") {
  zt::test::fuzz_text("8000-8100", [](const std::string& text) {
    if (auto r = parse_port_range(text)) {
      CHECK(r->first >= 1);
      CHECK(r->first <= r->last);
    }
  });
}
