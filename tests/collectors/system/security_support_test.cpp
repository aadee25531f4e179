#include "collectors/system/security_support.hpp"

#include <catch2/catch.hpp>

#include "tests/support/temp_tree.hpp"

using zt::system::parse_iso_date;
using zt::system::parse_security_support_ended;
using zt::system::parse_security_support_limited;
using zt::system::SourcePattern;

TEST_CASE("security-support-ended: columns, comments, tabs and details", "[unit][support]") {
  const auto list = parse_security_support_ended(
      "\n# List of packages\n#  1. source package name\n\n"
      "xen                      4.11.4+107-gef32c7afa2-1    2021-08-28  "
      "https://xenbits.example/SUPPORT.html\n"
      "intel-mediasdk\t22.5.4-1\t\t2024-11-21  \tabandoned upstream, no details\n"
      "php-horde.*\t0\t\t\t2025-03-22\n"
      "  \t\n"
      "broken 1.0\n"
      "baddate 1.0 2025-02-30 details\n"
      "# none yet (please remove this line once this is not true anymore)\r\n");
  CHECK(list.malformed_lines == 2);
  REQUIRE(list.entries.size() == 3);
  CHECK(list.entries[0].pattern == "xen");
  CHECK(list.entries[0].last_version == "4.11.4+107-gef32c7afa2-1");
  CHECK(list.entries[0].date == *parse_iso_date("2021-08-28"));
  CHECK(list.entries[0].details == "https://xenbits.example/SUPPORT.html");
  CHECK(list.entries[0].line == 5);
  CHECK(list.entries[1].pattern == "intel-mediasdk");
  CHECK(list.entries[1].details == "abandoned upstream, no details");
  CHECK(list.entries[1].text ==
        "intel-mediasdk\t22.5.4-1\t\t2024-11-21  \tabandoned upstream, no details");
  CHECK(list.entries[2].pattern == "php-horde.*");
  CHECK(list.entries[2].last_version == "0");
  CHECK(list.entries[2].details == "");
  CHECK(list.entries[2].line == 7);
}

TEST_CASE("security-support lists: the fixture files", "[unit][support]") {
  const auto weak = zt::test::fixture_host("sys-weak") / "usr/share/debian-security-support";
  const auto ended =
      parse_security_support_ended(zt::test::read_text(weak / "security-support-ended.deb10"));
  CHECK(ended.malformed_lines == 0);
  CHECK(ended.entries.size() == 4);
  const auto limited =
      parse_security_support_limited(zt::test::read_text(weak / "security-support-limited"));
  REQUIRE(limited.entries.size() == 3);
  CHECK(limited.entries[0].pattern == "binutils");
  CHECK(limited.entries[0].details == "Only suitable for trusted content");
  CHECK(limited.entries[0].line == 5);
  CHECK(limited.entries[1].pattern == "golang.*");
}

TEST_CASE("security-support-limited: a name alone is an entry", "[unit][support]") {
  const auto list = parse_security_support_limited("# c\nhdf5   limited  Not covered\ncython\n");
  REQUIRE(list.entries.size() == 2);
  CHECK(list.entries[0].details == "limited  Not covered");
  CHECK(list.entries[1].pattern == "cython");
  CHECK(list.entries[1].details == "");
  CHECK(list.entries[1].line == 3);
}

TEST_CASE("security-support patterns match the whole source name", "[unit][support]") {
  CHECK(SourcePattern("xen").matches("xen"));
  CHECK_FALSE(SourcePattern("xen").matches("xenstore"));
  CHECK_FALSE(SourcePattern("xen").matches("libxen"));
  CHECK(SourcePattern("libsoup2.4").matches("libsoup2.4"));
  CHECK(SourcePattern("golang.*").matches("golang-1.19"));
  CHECK(SourcePattern("golang.*").matches("golang"));
  CHECK_FALSE(SourcePattern("golang.*").matches("gccgo"));
  CHECK(SourcePattern("php-horde.*").matches("php-horde-imp"));
  CHECK(SourcePattern("qt(5|6)-webengine").matches("qt6-webengine"));
  CHECK(SourcePattern("gtk\\+2\\.0").matches("gtk+2.0"));
  SourcePattern bad("broken(");
  CHECK_FALSE(bad.valid());
  CHECK_FALSE(bad.matches("broken("));
  CHECK_FALSE(SourcePattern(std::string(5000, '(') + "x").valid());
  CHECK_FALSE(SourcePattern("").matches("x"));
  CHECK(SourcePattern("").matches(""));
}
