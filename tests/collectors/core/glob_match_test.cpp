// glob_match against exact answers, and against the C library's fnmatch (no flags), which it
// stands in for on Windows: the same answer for every glob and text of the table.
#include "collectors/core/glob_match.hpp"

#include <fnmatch.h>

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

using zt::collector::glob_match;

namespace {

struct Case {
  std::string glob, text;
  bool match;
};

const std::vector<Case> kCases = {
    {"*", "", true},
    {"*", ".env", true},  // a leading "." is not special without FNM_PERIOD
    {"*", "/a/b", true},  // "*" crosses "/" without FNM_PATHNAME
    {".env*", ".env", true},
    {".env*", ".env.local", true},
    {".env*", "env", false},
    {"*.pem", "key.pem", true},
    {"*.pem", "key.pem.bak", false},
    {"id_*", "id_rsa", true},
    {"id_*", "xid_rsa", false},
    {"*/.cache", "/home/ann/.cache", true},
    {"*/.cache", "/home/ann/.cache/x", false},
    {"/var/lib/docker", "/var/lib/docker", true},
    {"/var/lib/docker", "/var/lib/dockerd", false},
    {"*/node_modules", "/srv/app/node_modules", true},
    {"a?c", "abc", true},
    {"a?c", "ac", false},
    {"a?c", "a/c", true},
    {"[ab]x", "bx", true},
    {"[ab]x", "cx", false},
    {"[a-c]x", "bx", true},
    {"[!a-c]x", "bx", false},
    {"[!a-c]x", "dx", true},
    {"[^a-c]x", "dx", true},
    {"[]]x", "]x", true},
    {"[!]]x", "]x", false},
    {"[a-]x", "-x", true},
    {"[x", "[x", true},  // no closing "]": a literal "["
    {"[x", "x", false},
    {"\\*", "*", true},
    {"\\*", "a", false},
    {"a\\?", "a?", true},
    {"[\\]]", "]", true},
    {"*a*b*c*", "xaybzc", true},
    {"*a*b*c*", "xaybz", false},
    {"**", "anything", true},
    {"*x", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxy", false},
    {"", "", true},
    {"", "a", false},
    {"abc", "abcd", false},
    {"a*", "A", false},  // case-sensitive
    {"caf\xc3\xa9*", "caf\xc3\xa9.txt", true},
};

}  // namespace

TEST_CASE("glob_match gives the exact answers of the table", "[unit][glob_match]") {
  std::vector<std::string> wrong;
  for (const Case& c : kCases)
    if (glob_match(c.glob, c.text) != c.match) wrong.push_back(c.glob + " vs " + c.text);
  CHECK(wrong == std::vector<std::string>{});
}

TEST_CASE("glob_match answers as fnmatch with no flags", "[unit][glob_match]") {
  std::vector<std::string> differ;
  for (const Case& c : kCases)
    if (glob_match(c.glob, c.text) != (::fnmatch(c.glob.c_str(), c.text.c_str(), 0) == 0))
      differ.push_back(c.glob + " vs " + c.text);
  CHECK(differ == std::vector<std::string>{});
}
