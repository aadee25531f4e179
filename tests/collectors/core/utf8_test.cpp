#include "collectors/core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace zt::collector;

TEST_CASE("utf8: validation follows RFC 3629", "[unit][core]") {
  CHECK(is_valid_utf8("plain ascii"));
  CHECK(is_valid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\xb3"));
  CHECK_FALSE(is_valid_utf8("\xc3"));              // truncated
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // a UTF-16 surrogate
  CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xff"));
}

TEST_CASE("utf8: invalid sequences become U+FFFD", "[unit][core]") {
  CHECK(valid_utf8("plain") == "plain");
  CHECK(valid_utf8("caf\xc3\xa9") == "caf\xc3\xa9");
  CHECK(valid_utf8("J\xfcrgen") == "J\xef\xbf\xbdrgen");                        // Latin-1
  CHECK(valid_utf8("\xc0\xaf") == "\xef\xbf\xbd\xef\xbf\xbd");                  // overlong
  CHECK(valid_utf8("\xed\xa0\x80") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // surrogate
  CHECK(valid_utf8("\xf0\x9f\x98") == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // truncated
  nlohmann::json j = {{"k\xff", {"a\xfe", 1}}};
  make_valid_utf8(j);
  CHECK(j.dump() == "{\"k\xef\xbf\xbd\":[\"a\xef\xbf\xbd\",1]}");
}
