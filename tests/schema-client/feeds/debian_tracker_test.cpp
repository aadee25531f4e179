// read_debian_tracker() on an excerpt of the tracker's JSON: one entry per (package, CVE,
// release) with exact fields; a bad release or CVE skipped with its JSON path, the rest kept.
#include "schema-client/feeds/debian_tracker.hpp"

#include <catch2/catch.hpp>

#include "tests/schema-client/feeds/feed_samples.hpp"

namespace zt::feeds {
namespace {

using test::problem_lines;
using Lines = std::vector<std::string>;
using Repositories = std::vector<std::pair<std::string, std::string>>;

// "package CVE release(version) status fixed urgency" of each entry, in key order (the JSON
// library keeps object keys sorted).
Lines summary(const FeedRead<DebianTrackerEntry>& read) {
  constexpr const char* kStatus[] = {"resolved", "open", "undetermined"};
  Lines lines;
  for (const DebianTrackerEntry& e : read.records)
    lines.push_back(e.source_package + " " + e.cve + " " + e.release + "(" + e.release_version +
                    ") " + kStatus[static_cast<int>(e.status)] + " " +
                    (e.fixed_version.empty() ? "-" : e.fixed_version) + " " + e.urgency);
  return lines;
}

TEST_CASE("the Debian tracker's JSON gives one entry per package and CVE and release", "[unit]") {
  const auto read = read_debian_tracker("json", test::feed_sample("debian_tracker.json"));
  CHECK(problem_lines(read).empty());
  REQUIRE(
      summary(read) ==
      Lines{
          "chromium CVE-2022-0456 bookworm(12) resolved 98.0.4758.80-1 not yet assigned",
          "chromium CVE-2022-0456 bullseye(11) resolved 98.0.4758.80-1~deb11u1 not yet assigned",
          "chromium CVE-2022-0456 buster(10) open - end-of-life",
          "prototypejs CVE-2008-7220 buster(10) resolved 1.6.0.2-1 high**",
          "prototypejs CVE-2008-7220 sid(unstable) resolved 1.6.0.2-1 high**",
          "prototypejs CVE-2008-7220 stretch(9) resolved 1.6.0.2-1 high**",
      });
  const DebianTrackerEntry& first = read.records[5];
  CHECK(first.scope == "remote");
  CHECK(first.debianbug == 555217);
  CHECK(
      first.description.starts_with("Unspecified vulnerability in Prototype JavaScript framework"));
  CHECK(first.repositories == Repositories{{"stretch", "1.7.1-3"}});
  const DebianTrackerEntry& bullseye = read.records[1];
  CHECK(bullseye.repositories == Repositories{{"bullseye", "90.0.4430.212-1"},
                                              {"bullseye-security", "98.0.4758.102-1~deb11u1"}});
  CHECK(bullseye.description.empty());
  CHECK(!bullseye.debianbug);
  CHECK(bullseye.nodsa.empty());
}

TEST_CASE("a bad Debian release is skipped and its neighbours kept", "[unit]") {
  const auto read = read_debian_tracker("json", R"({
    "openssl": {
      "CVE-2024-0727": {"description": "PKCS12", "debianbug": "none", "releases": {
        "bookworm": {"status": "resolved", "fixed_version": "3.0.13-1~deb12u1"}}},
      "CVE-2023-5678": {"releases": {
        "bookworm": {"status": "resolved", "fixed_version": "3.0.13-1~deb12u1", "urgency": "low",
                     "nodsa": "Minor issue", "nodsa_reason": "postponed"},
        "duke": {"status": "open"},
        "trixie": {"status": "fixed"},
        "bullseye": {"fixed_version": 3},
        "forky": {"status": "undetermined", "repositories": {"forky": 3}},
        "sid": {"status": "open"}}}
    },
    "curl": [],
    "zlib": {"TEMP-0000000-ABCDEF": {"releases": {"bookworm": {"status": "open"}}}}})");
  REQUIRE(summary(read) == Lines{"openssl CVE-2023-5678 bookworm(12) resolved 3.0.13-1~deb12u1 low",
                                 "openssl CVE-2023-5678 sid(unstable) open - ",
                                 "zlib TEMP-0000000-ABCDEF bookworm(12) open - "});
  CHECK(read.records[0].nodsa == "Minor issue");
  CHECK(read.records[0].nodsa_reason == "postponed");
  CHECK(problem_lines(read) ==
        Lines{
            "json: $.curl: expected object, got array",
            "json: $.openssl.CVE-2023-5678.releases.bullseye.status: required key is missing",
            "json: $.openssl.CVE-2023-5678.releases.bullseye.fixed_version: expected string, got "
            "integer",
            "json: $.openssl.CVE-2023-5678.releases.duke: unknown Debian release; add it to "
            "debian_release_version()",
            "json: $.openssl.CVE-2023-5678.releases.forky.repositories.forky: expected string, got "
            "integer",
            "json: $.openssl.CVE-2023-5678.releases.trixie.status: must be one of resolved, open, "
            "undetermined, got \"fixed\"",
            "json: $.openssl.CVE-2024-0727.debianbug: expected integer, got string",
        });
}

TEST_CASE("Debian code names map to their versions", "[unit]") {
  CHECK(debian_release_version("buster") == "10");
  CHECK(debian_release_version("bullseye") == "11");
  CHECK(debian_release_version("bookworm") == "12");
  CHECK(debian_release_version("trixie") == "13");
  CHECK(debian_release_version("sid") == "unstable");
  CHECK(debian_release_version("duke").empty());
}

}  // namespace
}  // namespace zt::feeds
