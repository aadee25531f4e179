// read_osv() on real OSV records (GitHub's advisory database, Ubuntu's OSV feed) and on broken
// ones: exact fields, exact problems at their JSON paths, and nothing kept of a bad record.
#include "schema-client/feeds/osv.hpp"

#include <catch2/catch.hpp>

#include "tests/schema-client/feeds/feed_samples.hpp"

namespace zt::feeds {
namespace {

using test::problem_lines;
using test::when;
using Lines = std::vector<std::string>;

std::vector<OsvEvent> events(const OsvRange& range) { return range.events; }

TEST_CASE("a GitHub advisory in OSV is read field by field", "[unit]") {
  const auto read = read_osv("GHSA.json", test::feed_sample("osv/github/GHSA-jfh8-c2jp-5v3q.json"));
  REQUIRE(problem_lines(read).empty());
  REQUIRE(read.records.size() == 1);
  const OsvRecord& r = read.records[0];
  CHECK(r.id == "GHSA-jfh8-c2jp-5v3q");
  CHECK(when(r.modified) == "2022-03-25T20:56:18.000Z");
  CHECK(when(r.published) == "2021-12-10T00:40:56.000Z");
  CHECK(when(r.withdrawn) == "-");
  CHECK(r.aliases == Lines{"CVE-2021-44228"});
  CHECK(r.summary == "Remote code injection in Log4j");
  CHECK(r.details.starts_with("# Summary\n\nLog4j versions prior to 2.16.0"));
  REQUIRE(r.severity.size() == 1);
  CHECK(r.severity[0].type == "CVSS_V3");
  CHECK(r.severity[0].score == "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
  REQUIRE(r.references.size() == 4);
  CHECK(r.references[3].type == "PACKAGE");
  CHECK(r.references[3].url == "https://github.com/apache/logging-log4j2");
  REQUIRE(r.affected.size() == 3);
  for (const OsvAffected& a : r.affected) {
    CHECK(a.package.ecosystem == "Maven");
    CHECK(a.package.name == "org.apache.logging.log4j:log4j-core");
    CHECK(a.package.purl.empty());
    REQUIRE(a.ranges.size() == 1);
    CHECK(a.ranges[0].type == OsvRangeType::ecosystem);
  }
  using K = OsvEventKind;
  CHECK(events(r.affected[0].ranges[0]) ==
        std::vector<OsvEvent>{{K::introduced, "2.13.0"}, {K::fixed, "2.15.0"}});
  CHECK(events(r.affected[1].ranges[0]) ==
        std::vector<OsvEvent>{{K::introduced, "0"}, {K::fixed, "2.3.1"}});
  CHECK(events(r.affected[2].ranges[0]) ==
        std::vector<OsvEvent>{{K::introduced, "2.4"}, {K::fixed, "2.12.2"}});
  CHECK(r.database_specific["severity"] == "CRITICAL");
  CHECK(r.database_specific["cwe_ids"].size() == 4);
}

TEST_CASE("an Ubuntu OSV record keeps its ecosystems and purl and versions and raw specifics",
          "[unit]") {
  const auto read = read_osv("ubuntu.json", test::feed_sample("osv/ubuntu/CVE-2009-3560.json"));
  REQUIRE(problem_lines(read).empty());
  REQUIRE(read.records.size() == 1);
  const OsvRecord& r = read.records[0];
  CHECK(r.id == "CVE-2009-3560");
  CHECK(r.aliases.empty());
  CHECK(when(r.published) == "2009-12-04T00:00:00.000Z");
  REQUIRE(r.affected.size() == 3);
  CHECK(r.affected[0].package.ecosystem == "Ubuntu:Pro:14.04:LTS");
  CHECK(r.affected[0].versions == Lines{"3.1.4~abc9f50-3", "3.1.4~abc9f50-4",
                                        "3.1.4~abc9f50-4ubuntu2", "3.1.4~abc9f50-4ubuntu2+esm1"});
  CHECK(events(r.affected[0].ranges[0]) == std::vector<OsvEvent>{{OsvEventKind::introduced, "0"}});
  const OsvAffected& jammy = r.affected[1];
  CHECK(jammy.package.ecosystem == "Ubuntu:22.04:LTS");
  CHECK(jammy.package.name == "coin3");
  CHECK(jammy.package.purl == "pkg:deb/ubuntu/coin3@4.0.0+ds-1build1?arch=src?distro=jammy");
  CHECK(events(jammy.ranges[0]) ==
        std::vector<OsvEvent>{{OsvEventKind::introduced, "0"},
                              {OsvEventKind::fixed, "4.0.0+ds-1build1"}});
  CHECK(jammy.versions.empty());
  CHECK(jammy.ecosystem_specific["ubuntu_priority"] == "medium");
  CHECK(jammy.ecosystem_specific["binaries"][0]["libcoin80c"] == "4.0.0+ds-1build1");
  CHECK(r.affected[2].package.ecosystem == "Ubuntu:24.04:LTS");
  CHECK(r.affected[2].ecosystem_specific.is_null());
}

TEST_CASE("OSV ranges of every type and event kind with distribution ecosystems", "[unit]") {
  const auto read = read_osv("x.json", R"({
    "id": "DEBIAN-CVE-2023-4911", "modified": "2024-01-02T03:04:05.123456789Z",
    "withdrawn": "2024-02-01T00:00:00+01:00", "upstream": ["CVE-2023-4911"],
    "affected": [
      {"package": {"ecosystem": "Debian:12", "name": "glibc"},
       "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.36-9+deb12u3"}]}],
       "ecosystem_specific": {"urgency": "high"}},
      {"package": {"ecosystem": "Red Hat:enterprise_linux:9::appstream", "name": "glibc"},
       "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.0.0"}, {"last_affected": "1.4.2"}]}]},
      {"package": {"ecosystem": "Alpine:v3.19", "name": "musl"},
       "ranges": [{"type": "GIT", "repo": "https://git.musl-libc.org/git/musl",
                   "events": [{"introduced": "abc123"}, {"limit": "def456"}]}]}
    ]})");
  REQUIRE(problem_lines(read).empty());
  const OsvRecord& r = read.records.at(0);
  CHECK(when(r.modified) == "2024-01-02T03:04:05.123Z");
  CHECK(when(r.withdrawn) == "2024-01-31T23:00:00.000Z");
  CHECK(r.upstream == Lines{"CVE-2023-4911"});
  CHECK(r.affected[0].ecosystem_specific == nlohmann::json{{"urgency", "high"}});
  CHECK(r.affected[1].package.ecosystem == "Red Hat:enterprise_linux:9::appstream");
  CHECK(r.affected[1].ranges[0].type == OsvRangeType::semver);
  CHECK(events(r.affected[1].ranges[0]) ==
        std::vector<OsvEvent>{{OsvEventKind::introduced, "1.0.0"},
                              {OsvEventKind::last_affected, "1.4.2"}});
  CHECK(r.affected[2].ranges[0].type == OsvRangeType::git);
  CHECK(r.affected[2].ranges[0].repo == "https://git.musl-libc.org/git/musl");
  CHECK(
      events(r.affected[2].ranges[0]) ==
      std::vector<OsvEvent>{{OsvEventKind::introduced, "abc123"}, {OsvEventKind::limit, "def456"}});
}

TEST_CASE("a broken OSV record is skipped with every problem at its JSON path", "[unit]") {
  SECTION("a missing id and a modified of the wrong type") {
    const auto read = read_osv("a.json", R"({"modified": 17, "summary": ["x"]})");
    CHECK(read.records.empty());
    CHECK(problem_lines(read) == Lines{
                                     "a.json: $.id: required key is missing",
                                     "a.json: $.modified: expected an RFC 3339 timestamp, got 17",
                                     "a.json: $.summary: expected string, got array",
                                 });
  }
  SECTION("an unknown event, a range type and a GIT range without repo") {
    const auto read = read_osv("b.json", R"({"id": "X-1", "modified": "2024-01-01T00:00:00Z",
      "affected": [{"package": {"ecosystem": "Debian:12", "name": "curl"},
        "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"patched": "8.0"}]},
                   {"type": "DEBIAN", "events": [{"fixed": "1"}]},
                   {"type": "GIT", "events": [{"fixed": "abc", "introduced": "0"}]},
                   {"type": "SEMVER", "events": []}]}]})");
    CHECK(read.records.empty());
    CHECK(problem_lines(read) ==
          Lines{
              "b.json: $.affected[0].ranges[0].events[1].patched: unknown event; expected "
              "introduced, fixed, last_affected or limit",
              "b.json: $.affected[0].ranges[1].type: must be one of ECOSYSTEM, SEMVER, GIT, got "
              "\"DEBIAN\"",
              "b.json: $.affected[0].ranges[2].repo: required key is missing",
              "b.json: $.affected[0].ranges[2].events[0]: expected exactly one of introduced, "
              "fixed, last_affected or limit, got 2 keys",
              "b.json: $.affected[0].ranges[3].events: must not be empty",
          });
  }
  SECTION("a package without a name, an alias that is not a string, not an object at all") {
    CHECK(problem_lines(read_osv("c.json", R"({"id": "X", "modified": "2024-01-01T00:00:00Z",
      "aliases": ["CVE-1", 2], "affected": [{"package": {"ecosystem": "npm"}}]})")) ==
          Lines{"c.json: $.aliases[1]: expected string, got integer",
                "c.json: $.affected[0].package.name: required key is missing"});
    CHECK(problem_lines(read_osv("d.json", "[1, 2]")) ==
          Lines{"d.json: $: expected object, got array"});
    CHECK(problem_lines(read_osv("e.json", "{\"id\": ")) ==
          Lines{"e.json: $: not JSON (error at byte 8)"});
  }
}

TEST_CASE("JSON nested past the limit is refused before the parser recurses", "[unit]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK(problem_lines(read_osv("deep.json", deep)) ==
        Lines{"deep.json: $: not JSON this reader takes: nested deeper than 256 levels"});
}

}  // namespace
}  // namespace zt::feeds
