#include "collectors/core/text.hpp"

#include <catch2/catch.hpp>
#include <string_view>
#include <vector>

using namespace zt::collector;
using Views = std::vector<std::string_view>;

TEST_CASE("trim strips spaces, tabs and line ends on both sides", "[unit][text]") {
  CHECK(trim("  a b\t\r\n") == "a b");
  CHECK(trim("x") == "x");
  CHECK(trim(" \t\r\n") == "");
  CHECK(trim("") == "");
}

TEST_CASE("split_lines splits on newlines and drops a CR before them", "[unit][text]") {
  CHECK(split_lines("a\nb\n") == Views{"a", "b"});
  CHECK(split_lines("a\r\nb") == Views{"a", "b"});
  CHECK(split_lines("a\n\nb\n") == Views{"a", "", "b"});
  CHECK(split_lines("") == Views{});
  CHECK(split_lines("\n") == Views{""});
}

TEST_CASE("split_whitespace splits on runs of spaces and tabs", "[unit][text]") {
  CHECK(split_whitespace("  install ok\t\tinstalled ") == Views{"install", "ok", "installed"});
  CHECK(split_whitespace(" \t ") == Views{});
}

TEST_CASE("unquote strips one pair of matching quotes", "[unit][text]") {
  CHECK(unquote("\"Debian\"") == "Debian");
  CHECK(unquote("'x y'") == "x y");
  CHECK(unquote("\"mismatched'") == "\"mismatched'");
  CHECK(unquote("\"") == "\"");
  CHECK(unquote("plain") == "plain");
}
