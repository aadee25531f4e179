// The base library's text and path helpers, on the inputs the collectors' parsers meet.
#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

#include "schema-client/base/path.hpp"
#include "schema-client/base/text.hpp"

using namespace zt::base;
using Views = std::vector<std::string_view>;

TEST_CASE("trim removes spaces, tabs, CR and LF at both ends only", "[unit]") {
  CHECK(trim("  a b\t\r\n") == "a b");
  CHECK(trim("\t\n") == "");
  CHECK(trim("") == "");
  CHECK(trim("x") == "x");
}

TEST_CASE("split_lines drops LF and a CR before it, keeps empty lines", "[unit]") {
  CHECK(split_lines("a\r\nb\n\nc") == Views{"a", "b", "", "c"});
  CHECK(split_lines("a\n") == Views{"a"});
  CHECK(split_lines("") == Views{});
  CHECK(split_lines("\r\n") == Views{""});
}

TEST_CASE("split_whitespace splits on runs of spaces and tabs", "[unit]") {
  CHECK(split_whitespace("  PermitRootLogin \t no ") == Views{"PermitRootLogin", "no"});
  CHECK(split_whitespace(" \t ") == Views{});
}

TEST_CASE("unquote strips one pair of matching quotes", "[unit]") {
  CHECK(unquote("\"a b\"") == "a b");
  CHECK(unquote("'x'") == "x");
  CHECK(unquote("\"x'") == "\"x'");
  CHECK(unquote("\"") == "\"");
}

TEST_CASE("parent_of gives the folder of a slash-separated path", "[unit]") {
  CHECK(parent_of("/etc/ssh/sshd_config") == "/etc/ssh");
  CHECK(parent_of("/etc") == "/");
  CHECK(parent_of("sshd_config") == "");
}
