#include "collectors/readers/apk_installed.hpp"

#include <catch2/catch.hpp>

#include "tests/support/temp_tree.hpp"

using zt::readers::ApkPackage;
using zt::readers::parse_apk_installed;
using Packages = std::vector<ApkPackage>;

TEST_CASE("apk installed database of the alpine318 fixture", "[unit][apk]") {
  const auto installed = parse_apk_installed(
      zt::test::read_text(zt::test::fixture_host("alpine318") / "lib/apk/db/installed"));
  CHECK(installed.malformed_records == 0);
  CHECK(installed.packages == Packages{
                                  {"musl", "1.2.4-r2", "x86_64", "MIT", "musl"},
                                  {"busybox", "1.36.1-r7", "x86_64", "GPL-2.0-only", "busybox"},
                                  {"ca-certificates-bundle", "20240226-r0", "x86_64",
                                   "MPL-2.0 AND MIT", "ca-certificates"},
                                  {"libcrypto3", "3.1.7-r0", "x86_64", "Apache-2.0", "openssl"},
                                  {"libssl3", "3.1.7-r0", "x86_64", "Apache-2.0", "openssl"},
                              });
}

TEST_CASE("apk: letters are case-sensitive, file lines do not leak into the package",
          "[unit][apk]") {
  const auto installed = parse_apk_installed(
      "P:zlib-dev\nV:1.3.1-r0\nA:aarch64\nL:Zlib\no:zlib\n"
      "p:so:libz.so.1=1.3.1\n"  // provides, not the name
      "a:0:0:755\n"             // a file's owner, not the architecture
      "F:lib\nR:libz.so.1\n"
      "l:ignored\n"
      "O:not the origin\n");
  CHECK(installed.packages == Packages{{"zlib-dev", "1.3.1-r0", "aarch64", "Zlib", "zlib"}});
}

TEST_CASE("apk: separators, CRLF and a missing final newline", "[unit][apk]") {
  const auto installed = parse_apk_installed(
      "\n\nP:a\r\nV:1-r0\r\n\r\n\r\n \nP:b\nV:2-r1\nL:MIT");
  CHECK(installed.packages ==
        Packages{{"a", "1-r0", "", "", ""}, {"b", "2-r1", "", "MIT", ""}});
}

TEST_CASE("apk: malformed records are counted and left out, no crash", "[unit][apk]") {
  const auto installed = parse_apk_installed(
      "V:1.0-r0\nA:x86_64\n\n"  // no P:
      "not a field line\nP:good\nV:2-r0\n\n"
      "x\n\n");                   // a line too short to be a field: not a record
  CHECK(installed.malformed_records == 1);
  CHECK(installed.packages == Packages{{"good", "2-r0", "", "", ""}});
  CHECK(parse_apk_installed("").packages.empty());
  CHECK(parse_apk_installed("\xff\xfe\x00garbage").packages.empty());
}
