// OSV's evaluation of affected ranges (https://ossf.github.io/osv-schema/#evaluation) as the
// matcher applies it, on records made here: several introduced/fixed pairs in one range,
// events in any order, last_affected, limit, introduced alone, the versions list compared by
// the ecosystem's ordering, and a record naming one package twice.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "schema-client/vuln/match.hpp"

using namespace zt::vuln;
using zt::feeds::OsvEvent;
using zt::feeds::OsvEventKind;

namespace {

zt::feeds::OsvAffected affected(std::vector<OsvEvent> events, std::vector<std::string> versions) {
  zt::feeds::OsvAffected a;
  a.package = {"Debian:12", "p", ""};
  if (!events.empty()) a.ranges.push_back({zt::feeds::OsvRangeType::ecosystem, "", events});
  a.versions = std::move(versions);
  return a;
}

// The range that affects version `installed` of source package "p" on Debian 12 ("" none).
std::string why(const std::vector<OsvEvent>& events, const std::string& installed,
                const std::vector<std::string>& versions = {}) {
  zt::feeds::OsvRecord record;
  record.id = "R";
  record.affected.push_back(affected(events, versions));
  const Index index = Index::build({record});
  const auto matches =
      match(index, {"Debian:12", VersionScheme::dpkg}, {{"p-bin", installed, "p", "", "amd64"}});
  return matches.empty() ? "" : matches.front().range;
}

OsvEvent introduced(std::string v) { return {OsvEventKind::introduced, std::move(v)}; }
OsvEvent fixed(std::string v) { return {OsvEventKind::fixed, std::move(v)}; }
OsvEvent last_affected(std::string v) { return {OsvEventKind::last_affected, std::move(v)}; }
OsvEvent limit(std::string v) { return {OsvEventKind::limit, std::move(v)}; }

}  // namespace

TEST_CASE("match rules: several pairs in one range, in any order", "[unit]") {
  const std::vector<OsvEvent> events{fixed("2.5"), introduced("2.0"), fixed("1.5"),
                                     introduced("1.0")};
  CHECK(why(events, "0.9") == "");
  CHECK(why(events, "1.0") == "introduced 1.0, fixed 1.5");
  CHECK(why(events, "1.4.9-3") == "introduced 1.0, fixed 1.5");
  CHECK(why(events, "1.5") == "");
  CHECK(why(events, "1.9") == "");
  CHECK(why(events, "2.0~rc1") == "");  // ~ sorts before the release
  CHECK(why(events, "2.0") == "introduced 2.0, fixed 2.5");
  CHECK(why(events, "2.5") == "");
  CHECK(why(events, "1:0.1") == "");  // an epoch is above them all
}

TEST_CASE("match rules: last_affected, limit, introduced alone", "[unit]") {
  const std::vector<OsvEvent> last{introduced("1.0"), last_affected("1.5")};
  CHECK(why(last, "1.5") == "introduced 1.0, last_affected 1.5");
  CHECK(why(last, "1.5-1") == "");  // a revision sorts after no revision
  CHECK(why(last, "0.9") == "");

  const std::vector<OsvEvent> limited{introduced("0"), limit("2.0")};
  CHECK(why(limited, "1.0") == "introduced 0");
  CHECK(why(limited, "2.0") == "");
  CHECK(why(limited, "3.0") == "");
  CHECK(why({introduced("0"), limit("*")}, "99") == "introduced 0");

  CHECK(why({introduced("1.0")}, "0.9") == "");
  CHECK(why({introduced("1.0")}, "9.9") == "introduced 1.0");
}

TEST_CASE("match rules: the versions list, by the ecosystem's ordering", "[unit]") {
  CHECK(why({}, "1:1.0-1", {"1:1.0-1"}) == "listed in versions");
  CHECK(why({}, "1:1.0-01", {"1:1.0-1"}) == "listed in versions");  // dpkg: equal
  CHECK(why({}, "1.0-1", {"1:1.0-1"}) == "");
  // A range before the list: the range says why.
  CHECK(why({introduced("0"), fixed("2")}, "1", {"1"}) == "introduced 0, fixed 2");
}

TEST_CASE("match rules: one match per package and record, from the first entry affecting it",
          "[unit]") {
  zt::feeds::OsvRecord record;
  record.id = "R";
  record.aliases = {"GHSA-xxxx", "CVE-2099-2", "CVE-2099-1"};
  record.upstream = {"CVE-2099-1"};
  record.affected.push_back(affected({introduced("0"), fixed("1.0")}, {}));
  record.affected.push_back(affected({introduced("0"), fixed("2.0")}, {}));
  const Index index = Index::build({record});
  CHECK(index.packages() == 1);
  CHECK(index.ranges() == 2);
  const auto matches =
      match(index, {"Debian:12", VersionScheme::dpkg}, {{"p", "0.5", "", "", "amd64"}});
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].fixed_version == "1.0");
  CHECK(matches[0].cve_ids == std::vector<std::string>{"CVE-2099-1", "CVE-2099-2"});
}

TEST_CASE("match rules: a signed kernel image is looked up as linux at its own version",
          "[unit]") {
  zt::feeds::OsvRecord record;
  record.id = "R";
  record.aliases = {"CVE-2099-0001"};
  zt::feeds::OsvAffected a = affected({introduced("0"), fixed("6.1.119-1")}, {});
  a.package.name = "linux";
  record.affected.push_back(a);
  const Index index = Index::build({record});
  // Debian 12's images: Source: linux-signed-amd64 (6.1.106+3), the image 6.1.106-3.
  const std::vector<InstalledPackage> images{
      {"linux-image-6.1.0-25-amd64", "6.1.106-3", "linux-signed-amd64", "6.1.106+3", "amd64"},
      {"linux-image-6.1.0-28-amd64", "6.1.119-1", "linux-signed-amd64", "6.1.119+1", "amd64"},
      // The meta package: its version is not linux's ("6.1+1" would sort below every fix).
      {"linux-image-amd64", "6.1.106-3+1", "linux-signed-amd64", "6.1.106-3+1", "amd64"}};
  const auto matches = match(index, {"Debian:12", VersionScheme::dpkg}, images);
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].package == "linux-image-6.1.0-25-amd64");
  CHECK(matches[0].source_name == "linux");
  CHECK(matches[0].compared_version == "6.1.106-3");
}
