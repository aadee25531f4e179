// read_kev() on an excerpt of CISA's catalog and read_epss() on FIRST's CSV, plain and gzip
// (made here with zlib): exact entries, and bad items or rows skipped with their place named.
#include <catch2/catch.hpp>

#include "schema-client/feeds/epss.hpp"
#include "schema-client/feeds/kev.hpp"
#include "tests/schema-client/base/gzip_writer.hpp"
#include "tests/schema-client/feeds/feed_samples.hpp"

namespace zt::feeds {
namespace {

using test::problem_lines;
using test::when;
using Lines = std::vector<std::string>;

TEST_CASE("the KEV catalog gives its version and release time and every entry", "[unit]") {
  const auto read = read_kev("kev.json", test::feed_sample("kev.json"));
  REQUIRE(problem_lines(read).empty());
  CHECK(read.catalog_version == "2025.02.19");
  CHECK(when(read.date_released) == "2025-02-19T14:08:44.502Z");
  REQUIRE(read.records.size() == 3);
  const KevEntry& e = read.records[0];
  CHECK(e.cve == "CVE-2025-0108");
  CHECK(e.vendor_project == "Palo Alto Networks");
  CHECK(e.product == "PAN-OS");
  CHECK(e.vulnerability_name == "Palo Alto Networks PAN-OS Authentication Bypass Vulnerability");
  CHECK(e.date_added == "2025-02-18");
  CHECK(e.due_date == "2025-03-11");
  CHECK(!e.known_ransomware);
  CHECK(e.required_action.starts_with("Apply mitigations per vendor instructions"));
  CHECK(e.short_description.starts_with(
      "Palo Alto Networks PAN-OS contains an authentication bypass"));
  CHECK(e.notes ==
        "https://security.paloaltonetworks.com/CVE-2025-0108 ; "
        "https://nvd.nist.gov/vuln/detail/CVE-2025-0108");
  CHECK(e.cwes == Lines{"CWE-306"});
  CHECK(read.records[1].cve == "CVE-2024-53704");
  CHECK(read.records[2].cve == "CVE-2024-57727");
  CHECK(read.records[2].vendor_project == "SimpleHelp ");  // as CISA wrote it
  CHECK(read.records[2].due_date == "2025-03-06");
}

TEST_CASE("a bad KEV entry is skipped and the others kept", "[unit]") {
  nlohmann::json catalog = nlohmann::json::parse(test::feed_sample("kev.json"));
  auto& items = catalog["vulnerabilities"];
  items[0]["knownRansomwareCampaignUse"] = "Known";
  items[1]["dueDate"] = "2025-02-30";
  items[1].erase("product");
  items[2]["knownRansomwareCampaignUse"] = "Maybe";
  const auto read = read_kev("kev.json", catalog.dump());
  REQUIRE(read.records.size() == 1);
  CHECK(read.records[0].known_ransomware);
  CHECK(
      problem_lines(read) ==
      Lines{
          "kev.json: $.vulnerabilities[1].product: required key is missing",
          "kev.json: $.vulnerabilities[1].dueDate: expected a date YYYY-MM-DD, got \"2025-02-30\"",
          "kev.json: $.vulnerabilities[2].knownRansomwareCampaignUse: must be one of Known, "
          "Unknown, got \"Maybe\""});
}

const std::vector<EpssEntry> kSampleScores{
    {"CVE-1999-0001", 0.00383, 0.73075}, {"CVE-1999-0002", 0.01328, 0.85996},
    {"CVE-1999-0003", 0.04409, 0.92440}, {"CVE-1999-0004", 0.00917, 0.82963},
    {"CVE-1999-0005", 0.91963, 0.99214},
};

TEST_CASE("EPSS scores come with their model version and score date from plain and gzip CSV",
          "[unit]") {
  const std::string csv = test::feed_sample("epss.csv");
  for (const std::string& bytes : {csv, test::gzip(csv)}) {
    const auto read = read_epss("epss.csv", bytes);
    CHECK(problem_lines(read).empty());
    CHECK(read.model_version == "v2023.03.01");
    CHECK(when(read.score_date) == "2025-02-20T00:00:00.000Z");
    CHECK(read.records == kSampleScores);
  }
  const auto bare = read_epss("bare.csv", "cve,epss,percentile\r\nCVE-2024-1,1,0\r\n");
  CHECK(bare.model_version.empty());
  CHECK(!bare.score_date);
  CHECK(bare.records == std::vector<EpssEntry>{{"CVE-2024-1", 1, 0}});
}

TEST_CASE("bad EPSS rows are skipped with their line and the rest kept", "[unit]") {
  const auto read = read_epss("epss.csv",
                              "#model_version:v2025.03.14,score_date:someday\n"
                              "cve,epss,percentile\n"
                              "CVE-2024-0001,0.5,0.9\n"
                              "CVE-2024-0002,0.5\n"
                              "GHSA-1,1.5,abc\n"
                              "\n"
                              "CVE-2024-0003,0.25,0.75,extra\n"
                              "CVE-2024-0004,0.125,1e-1\n");
  CHECK(read.model_version == "v2025.03.14");
  CHECK(read.records ==
        std::vector<EpssEntry>{{"CVE-2024-0001", 0.5, 0.9}, {"CVE-2024-0004", 0.125, 0.1}});
  CHECK(problem_lines(read) ==
        Lines{"epss.csv: line 1: score_date: expected an RFC 3339 timestamp, got \"someday\"",
              "epss.csv: line 4: expected 3 fields (cve,epss,percentile), got 2",
              "epss.csv: line 5: cve: expected a CVE id, got \"GHSA-1\"",
              "epss.csv: line 5: epss: expected a number from 0 to 1, got \"1.5\"",
              "epss.csv: line 5: percentile: expected a number from 0 to 1, got \"abc\"",
              "epss.csv: line 7: expected 3 fields (cve,epss,percentile), got 4"});
}

TEST_CASE("EPSS without its header or with damaged or oversized gzip reads nothing", "[unit]") {
  CHECK(problem_lines(read_epss("a.csv", "cve,score\nCVE-1,0.1\n")) ==
        Lines{"a.csv: line 1: expected the header cve,epss,percentile, got \"cve,score\""});
  CHECK(problem_lines(read_epss("b.csv", "#model_version:v1\n")) ==
        Lines{"b.csv: line 2: expected the header cve,epss,percentile, got the end of the file"});
  const std::string packed = test::gzip(test::feed_sample("epss.csv"));
  CHECK(problem_lines(read_epss("c.csv.gz", packed.substr(0, packed.size() / 2))) ==
        Lines{"c.csv.gz: gzip: corrupt gzip body: truncated"});
  CHECK(problem_lines(read_epss("d.csv.gz", packed, 64)) ==
        Lines{"d.csv.gz: gzip: gzip body inflates past 64 bytes"});
}

}  // namespace
}  // namespace zt::feeds
