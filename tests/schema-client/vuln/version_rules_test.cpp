// The rules each header documents beyond the tools' own vectors: the bytes dpkg and rpm see
// (NUL, blanks, bytes of 0x80 and more), numbers longer than any integer, epochs, rpm's
// missing release, apk's invalid versions and 64-bit numbers; and that any bytes compare
// without a crash, each order being reflexive and antisymmetric. The dpkg and rpm answers
// here that the tools give were checked with dpkg 1.21.22 and rpm 4.18.0 (the oracle test
// checks the rules at random).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "schema-client/vuln/version_apk.hpp"
#include "schema-client/vuln/version_compare.hpp"
#include "schema-client/vuln/version_dpkg.hpp"
#include "schema-client/vuln/version_rpm.hpp"
#include "tests/support/fuzz.hpp"

using namespace zt::vuln;
using namespace std::string_view_literals;

namespace {

int sign(int order) { return order < 0 ? -1 : (order > 0 ? 1 : 0); }

}  // namespace

TEST_CASE("dpkg: bytes and blanks and long numbers and epochs", "[unit]") {
  CHECK(compare_dpkg("1.0\0zzz"sv, "1.0") == 0);       // a NUL ends the version
  CHECK(compare_dpkg(" \t1.0-1\t ", "1.0-1") == 0);    // blanks around it are ignored
  CHECK(compare_dpkg("1.0\x80", "1.0z") > 0);          // bytes >= 0x80 after the letters...
  CHECK(compare_dpkg("1.0\xff", "1.0+") < 0);          // ...and before ASCII punctuation
  CHECK(compare_dpkg("1.0\x80", "1.0\x7f") < 0);
  CHECK(compare_dpkg("1.99999999999999999999999", "1.99999999999999999999998") > 0);
  CHECK(compare_dpkg("1.000000000000000000000001", "1.1") == 0);
  CHECK(compare_dpkg("+1:1.0", "1:1.0") == 0);  // the epoch is what strtol reads
  CHECK(compare_dpkg("-0:1.0", "1.0") == 0);
  CHECK(compare_dpkg("\n1:1.0", "1:1.0") == 0);
  CHECK(compare_dpkg("2147483647:1", "1:9") > 0);

  // Text dpkg refuses still compares, by the lenient split.
  CHECK(compare_dpkg("99999999999:1", "2147483647:1") > 0);  // too large, still a number
  CHECK(compare_dpkg("a:1", "1") > 0);     // no epoch: 'a' against a digit
  CHECK(compare_dpkg("-1:1", "0:1") < 0);  // no epoch: "-1:1" is upstream "", revision "1:1"
  CHECK(compare_dpkg("", "0") == 0);
  CHECK(compare_dpkg("1.0-", "1.0") == 0);
  CHECK(compare_dpkg("1.0 1", "1.0") > 0);  // an inner blank is an ordinary byte

  const auto parsed = parse_dpkg("+1:1.0~rc1-2+deb12u1");
  REQUIRE(parsed.has_value());
  CHECK(parsed->epoch == 1);
  CHECK(parsed->upstream == "1.0~rc1");
  CHECK(parsed->revision == "2+deb12u1");
  CHECK_FALSE(parsed->warned);
  CHECK(parse_dpkg("2147483647:1").has_value());
  CHECK_FALSE(parse_dpkg("2147483648:1").has_value());
  CHECK_FALSE(parse_dpkg("1.0-1:2").has_value());  // the first ':' follows no number
  CHECK(parse_dpkg("1.0\x80")->warned);
  CHECK(compare_dpkg(*parse_dpkg("1:1.0-1"), *parse_dpkg("1.0-1")) > 0);
  CHECK(compare_dpkg(*parse_dpkg("0:1.0~rc1"), *parse_dpkg("1.0")) < 0);
}

TEST_CASE("rpm: the EVR split and a missing release or epoch and bytes", "[unit]") {
  const RpmEvr evr = split_rpm_evr("2:1.0-3.el9");
  CHECK(evr.epoch == "2");
  CHECK(evr.version == "1.0");
  CHECK(evr.release == std::optional<std::string_view>("3.el9"));
  const RpmEvr colons = split_rpm_evr("1:2:3-4-5");
  CHECK(colons.epoch == "1");
  CHECK(colons.version == "2:3-4");
  CHECK(colons.release == std::optional<std::string_view>("5"));
  CHECK(split_rpm_evr("abc:1.0").epoch.empty());
  CHECK(split_rpm_evr("abc:1.0").version == "abc:1.0");
  CHECK_FALSE(split_rpm_evr("1.0").release.has_value());

  CHECK(compare_rpm("1.0", "1.0-") < 0);  // a missing release sorts before any release
  CHECK(compare_rpm("1.0-", "1.0-0") < 0);
  CHECK(compare_rpm("1.0-1", "1.0") > 0);
  CHECK(compare_rpm(":1.0", "1.0") == 0);  // an empty epoch is 0
  CHECK(compare_rpm("0:1.0", "1.0") == 0);
  CHECK(compare_rpm("00:1.0", "0:1.0") == 0);
  CHECK(compare_rpm("1:0.1", "9.9") > 0);
  CHECK(compare_rpm_evr({"", "1.0", std::nullopt}, {"0", "1.0", "1"}) < 0);
  CHECK(compare_rpm("", "0") < 0);  // rpm refuses an empty EVR
  CHECK(compare_rpm("1.0\0-9"sv, "1.0") == 0);
  CHECK(compare_rpm_segments("1.1.\xce\xb1", "1.1.\xce\xb2") == 0);  // not ASCII: separators
  CHECK(compare_rpm_segments("1.123456789012345678901234567890",
                             "1.123456789012345678901234567889") > 0);
  CHECK(compare_rpm_segments("1.0^", "1.0^~") > 0);
  CHECK(compare_rpm_segments("1a", "1.a") == 0);
}

TEST_CASE("apk: invalid versions and hashes and leading zeros and 64-bit numbers", "[unit]") {
  CHECK(is_valid_apk("1.2.3_git20240101~abc123-r2"));
  CHECK(is_valid_apk("1.0b_rc1_p2-r0"));
  for (const char* invalid : {"", "a1", "1.0b2", "1.0_foo", "1.0-r", "1.0~", "1.0~ABC", "1..0",
                              "1.0-1", "1.0-r1-r2", "1.0_"}) {
    INFO(invalid);
    CHECK_FALSE(is_valid_apk(invalid));
  }
  CHECK(compare_apk("abc", "xyz") == 0);  // invalid at the same point: equal
  CHECK(compare_apk("1.0!", "1.0#") == 0);
  CHECK(compare_apk("1.0_alpha", "1.0!") < 0);
  CHECK(compare_apk("1.0!", "1.0") < 0);
  CHECK(compare_apk("1.0~abc", "1.0~abd") < 0);
  CHECK(compare_apk("1.0~abc", "1.0-r1") > 0);
  CHECK(compare_apk("1.0-r1", "1.0_p1") < 0);
  CHECK(compare_apk("1.0_p1", "1.0a") < 0);
  CHECK(compare_apk("1.01", "1.1") < 0);  // a leading zero makes it text
  CHECK(compare_apk("1.0", "1.00") < 0);
  CHECK(compare_apk("01", "1") == 0);  // but not in the first number
  CHECK(compare_apk("18446744073709551616", "0") == 0);  // 2^64 wraps, as in apk
}

TEST_CASE("compare_versions dispatches on the scheme", "[unit]") {
  CHECK(compare_versions(VersionScheme::dpkg, "1.0~rc1", "1.0") < 0);
  CHECK(compare_versions(VersionScheme::rpm, "1.0", "1.0-1") < 0);
  CHECK(compare_versions(VersionScheme::rpm, "1.0_1", "1.0.1") == 0);
  CHECK(compare_versions(VersionScheme::dpkg, "1.0_1", "1.0.1") > 0);  // '_' after '.'
  CHECK(compare_versions(VersionScheme::apk, "1.0_rc1", "1.0") < 0);
  CHECK(compare_versions(VersionScheme::apk, "1.0.1", "1.0_p1") > 0);
}

TEST_CASE("any bytes compare without a crash and reflexively and antisymmetrically", "[unit]") {
  const std::vector<std::string> others = {
      "", "0", "1.0", "1:1.0-1", "1.0~rc1", "1.0^git1", "1.0_p1-r2", "1.0a", "~", "^", "-", ":",
      "1.0~abc-r1", std::string("1.0\0", 4), "\x80\xff", "10000000000000000000000"};
  const auto all_orders = [&](const std::string& text) {
    for (const auto scheme : {VersionScheme::dpkg, VersionScheme::rpm, VersionScheme::apk}) {
      INFO("scheme " << static_cast<int>(scheme) << ", text " << zt::test::escaped(text));
      REQUIRE(compare_versions(scheme, text, text) == 0);
      for (const std::string& other : others) {
        INFO("against " << zt::test::escaped(other));
        REQUIRE(sign(compare_versions(scheme, text, other)) ==
                -sign(compare_versions(scheme, other, text)));
      }
    }
    (void)parse_dpkg(text);
    (void)is_valid_apk(text);
  };
  zt::test::fuzz_text("1:2.30~rc1+dfsg-4^git5\n1.0_alpha2-r3~ab\n0:00.0.1-", all_orders, 2000);
}
