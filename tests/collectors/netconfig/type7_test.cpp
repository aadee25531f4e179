#include "collectors/netconfig/type7.hpp"

#include <catch2/catch.hpp>

using zt::netconfig::decode_type7;

// Published vectors: "0822455D0A16" → "cisco" (IOS's own `show key chain` of `key-string 7
// 0822455D0A16`, in G. Hoffman's "Cisco Type 7 decryption" note, and the README of
// github.com/Cairnarvon/type7, with "05080F1C2243" → "cisco" and "13061B13181F" → "class"
// from its encryptor); "08204E" → "ab", "1513090F" → "abc", "104F0B1A011214" → "abcdef"
// (the sample values of L0pht's CISCO.TXT, mudge, 1997).
TEST_CASE("type 7 values decode to their published clear texts", "[unit]") {
  CHECK(decode_type7("0822455D0A16") == "cisco");
  CHECK(decode_type7("05080F1C2243") == "cisco");
  CHECK(decode_type7("13061B13181F") == "class");
  CHECK(decode_type7("08204E") == "ab");
  CHECK(decode_type7("1513090F") == "abc");
  CHECK(decode_type7("104F0B1A011214") == "abcdef");
  CHECK(decode_type7("0822455d0a16") == "cisco");  // lower-case hex
}

TEST_CASE("type 7 decoding refuses what is not a type 7 value", "[unit]") {
  CHECK_FALSE(decode_type7(""));
  CHECK_FALSE(decode_type7("08"));             // an offset and nothing
  CHECK_FALSE(decode_type7("0822455D0A1"));    // odd length
  CHECK_FALSE(decode_type7("08ZZ455D0A16"));   // not hex
  CHECK_FALSE(decode_type7("A822455D0A16"));   // the offset is decimal
  CHECK_FALSE(decode_type7("99224"));          // odd, and an offset past the constant
  CHECK_FALSE(decode_type7("990000"));         // offset 99: past the constant
  // 53 characters of constant: from offset 15, 38 characters are the most.
  CHECK(decode_type7("15" + std::string(76, '0')).has_value());
  CHECK_FALSE(decode_type7("15" + std::string(78, '0')));
}
