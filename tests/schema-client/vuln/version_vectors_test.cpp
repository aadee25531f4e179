// The tools' own published vectors (tests/schema-client/vuln/data/, each file names its
// repository, path and commit): every pair both ways, and dpkg's parse verdicts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "schema-client/vuln/version_apk.hpp"
#include "schema-client/vuln/version_dpkg.hpp"
#include "schema-client/vuln/version_rpm.hpp"
#include "tests/support/temp_tree.hpp"

namespace {

using zt::vuln::compare_apk;
using zt::vuln::compare_dpkg;
using zt::vuln::compare_rpm;

std::string data_file(std::string_view name) {
  return zt::test::read_text(std::filesystem::path(ZT_SOURCE_DIR) /
                             "tests/schema-client/vuln/data" / name);
}

// The lines of a vector file that are not comments or blank.
std::vector<std::string> data_lines(std::string_view name) {
  std::vector<std::string> lines;
  std::istringstream in(data_file(name));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.front() != '#') lines.push_back(line);
  }
  return lines;
}

int sign(int order) { return order < 0 ? -1 : (order > 0 ? 1 : 0); }

// Checks every "a op b" line (what follows is a comment) with `compare`, both ways; returns
// how many pairs it read.
template <typename Compare>
std::size_t check_pairs(std::string_view name, Compare compare) {
  std::size_t pairs = 0;
  for (const std::string& line : data_lines(name)) {
    std::istringstream fields(line);
    std::string a, op, b;
    fields >> a >> op >> b;
    INFO(name << ": " << line);
    REQUIRE((op == "<" || op == "=" || op == ">"));
    const int expected = op == "<" ? -1 : (op == "=" ? 0 : 1);
    CHECK(sign(compare(a, b)) == expected);
    CHECK(sign(compare(b, a)) == -expected);
    ++pairs;
  }
  return pairs;
}

// dpkg_parse.txt writes a tab inside a version as "\t".
std::string unescape_tabs(std::string text) {
  for (std::size_t at; (at = text.find("\\t")) != std::string::npos;) text.replace(at, 2, "\t");
  return text;
}

}  // namespace

TEST_CASE("dpkg: the vectors of dpkg's own tests", "[unit]") {
  CHECK(check_pairs("dpkg_compare.txt", [](auto a, auto b) { return compare_dpkg(a, b); }) == 54);
}

TEST_CASE("dpkg: parse verdicts of dpkg's own tests", "[unit]") {
  std::size_t cases = 0;
  for (const std::string& line : data_lines("dpkg_parse.txt")) {
    const std::size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    std::istringstream fields(line.substr(0, tab));
    std::string verdict, epoch, upstream, revision;
    fields >> verdict >> epoch >> upstream >> revision;
    const std::string text = unescape_tabs(line.substr(tab + 1));
    INFO("dpkg_parse.txt: " << line);
    const auto parsed = zt::vuln::parse_dpkg(text);
    if (verdict == "error") {
      CHECK_FALSE(parsed.has_value());
    } else {
      REQUIRE(parsed.has_value());
      CHECK(parsed->warned == (verdict == "warn"));
      CHECK(std::to_string(parsed->epoch) == epoch);
      CHECK(parsed->upstream == upstream);
      CHECK(parsed->revision == (revision == "-" ? "" : revision));
    }
    ++cases;
  }
  CHECK(cases == 80);
}

TEST_CASE("rpm: the vectors of rpm's rpmvercmp.at", "[unit]") {
  CHECK(check_pairs("rpm_compare.txt", [](auto a, auto b) { return compare_rpm(a, b); }) == 91);
  // rpmvercmp.at runs them through rpm.vercmp, which splits an EVR; none has ':' or '-', so
  // they are rpmvercmp's own order too.
  check_pairs("rpm_compare.txt",
              [](auto a, auto b) { return zt::vuln::compare_rpm_segments(a, b); });
}

TEST_CASE("apk: the vectors of apk-tools' test/version.data", "[unit]") {
  CHECK(check_pairs("apk_compare.txt", [](auto a, auto b) { return compare_apk(a, b); }) == 733);
}
