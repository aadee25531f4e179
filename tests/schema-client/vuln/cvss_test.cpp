// CVSS v3 base scores against published ones: the worked examples of FIRST's "CVSS v3.1
// Examples" document (https://www.first.org/cvss/v3.1/examples, each vector with the score
// FIRST gives it), and every v3 vector with its baseScore in the NVD and CVE 5 records of
// tests/schema-client/feeds/data (scored by NVD and the CNAs, not by us).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "schema-client/feeds/cve.hpp"
#include "schema-client/vuln/cvss.hpp"
#include "tests/support/temp_tree.hpp"

using zt::vuln::cvss3_base_score;

TEST_CASE("cvss: FIRST's v3.1 examples", "[unit]") {
  struct Example {
    const char* cve;
    const char* vector;
    double score;
  };
  const std::vector<Example> examples{
      {"CVE-2013-1937", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1},
      {"CVE-2013-0375", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4},
      {"CVE-2014-3566", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1},
      {"CVE-2012-1516", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9},
      {"CVE-2012-0384", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8},
      {"CVE-2015-1098", "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8},
      {"CVE-2014-0160", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5},
      {"CVE-2014-6271", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8},
      {"CVE-2008-1447", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.8},
      {"CVE-2014-2005", "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8},
      {"CVE-2010-0467", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", 5.8},
      {"CVE-2012-1342", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N", 5.8},
      {"CVE-2014-9253", "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", 5.4},
      {"CVE-2009-0658", "CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8},
      {"CVE-2011-1265", "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.8},
      {"CVE-2014-2019", "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 4.6},
      {"CVE-2015-0970", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 8.8},
      {"CVE-2014-0224", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 7.4},
      {"CVE-2012-5376", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 9.6},
      {"CVE-2016-1645", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 8.8},
      {"CVE-2016-0128", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N", 6.8},
      {"CVE-2016-5729", "CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H", 8.2},
  };
  for (const Example& e : examples) {
    INFO(e.cve << " " << e.vector);
    const auto score = cvss3_base_score(e.vector);
    REQUIRE(score.has_value());
    CHECK(*score == Approx(e.score).margin(1e-9));
  }
}

TEST_CASE("cvss: the v3 scores of the NVD and CVE 5 sample records", "[unit]") {
  const auto data = std::filesystem::path(ZT_SOURCE_DIR) / "tests/schema-client/feeds/data";
  std::size_t checked = 0;
  for (const char* folder : {"nvd", "cve5"}) {
    for (const auto& entry : std::filesystem::directory_iterator(data / folder)) {
      const std::string bytes = zt::test::read_text(entry.path());
      const auto read = std::string(folder) == "nvd"
                            ? zt::feeds::read_nvd(entry.path().string(), bytes)
                            : zt::feeds::read_cve5(entry.path().string(), bytes);
      for (const auto& record : read.records) {
        if (!record.cvss_v3) continue;
        INFO(record.id << " " << record.cvss_v3->vector);
        const auto score = cvss3_base_score(record.cvss_v3->vector);
        REQUIRE(score.has_value());
        CHECK(*score == Approx(record.cvss_v3->score).margin(1e-9));
        ++checked;
      }
    }
  }
  CHECK(checked >= 3);
}

TEST_CASE("cvss: v3.0, extra metrics, and vectors that are not v3 base vectors", "[unit]") {
  CHECK(cvss3_base_score("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == 9.8);
  // Temporal and environmental metrics do not change the base score.
  CHECK(cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C/CR:H") ==
        9.8);
  // No impact: 0.0, whatever the exploitability.
  CHECK(cvss3_base_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N") == 0.0);
  for (const char* bad : {"", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                          "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P",
                          "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                          "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",          // A missing
                          "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L",  // A twice
                          "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",      // no such AV
                          "CVSS:3.1/AV:NN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                          "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:"}) {
    INFO(bad);
    CHECK_FALSE(cvss3_base_score(bad).has_value());
  }
}

TEST_CASE("cvss: a score's rating", "[unit]") {
  using zt::model::Severity;
  using zt::vuln::severity_of_score;
  CHECK(severity_of_score(0.0) == Severity::info);
  CHECK(severity_of_score(0.1) == Severity::low);
  CHECK(severity_of_score(3.9) == Severity::low);
  CHECK(severity_of_score(4.0) == Severity::medium);
  CHECK(severity_of_score(6.9) == Severity::medium);
  CHECK(severity_of_score(7.0) == Severity::high);
  CHECK(severity_of_score(8.9) == Severity::high);
  CHECK(severity_of_score(9.0) == Severity::critical);
  CHECK(severity_of_score(10.0) == Severity::critical);
}
