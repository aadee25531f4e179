// read_nvd() and read_cve5() on real NVD CVE API 2.0 answers and CVE JSON 5 records: exact ids,
// texts, scores, vectors and times; a bad NVD item skipped with the good ones around it kept.
#include "schema-client/feeds/cve.hpp"

#include <catch2/catch.hpp>

#include "tests/schema-client/feeds/feed_samples.hpp"

namespace zt::feeds {
namespace {

using test::problem_lines;
using test::when;
using Lines = std::vector<std::string>;

Lines urls(const CveRecord& record) {
  Lines out;
  for (const CveReference& r : record.references) out.push_back(r.url);
  return out;
}

TEST_CASE("an NVD 2.0 answer gives English text and NVD's own CVSS 3.1 with each reference once",
          "[unit]") {
  const auto read = read_nvd("nvd.json", test::feed_sample("nvd/CVE-2022-1576.json"));
  REQUIRE(problem_lines(read).empty());
  REQUIRE(read.records.size() == 1);
  const CveRecord& r = read.records[0];
  CHECK(r.source == CveSource::nvd);
  CHECK(r.id == "CVE-2022-1576");
  CHECK(r.state == "Modified");
  CHECK(!r.rejected);
  CHECK(r.description.starts_with(
      "The WP Maintenance Mode & Coming Soon WordPress plugin before 2.4.5"));
  CHECK(r.cvss_v3 == Cvss{6.5, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N", "MEDIUM"});
  CHECK(!r.cvss_v4);
  CHECK(when(r.published) == "2022-07-11T13:15:08.503Z");
  CHECK(when(r.modified) == "2024-11-21T06:41:00.133Z");
  CHECK(r.cwes == Lines{"CWE-352"});
  REQUIRE(r.references.size() == 1);
  CHECK(r.references[0].url ==
        "https://wpscan.com/vulnerability/68deab46-1c16-46ae-a912-a104958ca4cf");
  CHECK(r.references[0].tags == Lines{"Exploit", "Third Party Advisory"});

  const auto cups = read_nvd("cups.json", test::feed_sample("nvd/CVE-2024-47177.json"));
  REQUIRE(problem_lines(cups).empty());
  const CveRecord& c = cups.records.at(0);
  CHECK(c.state == "Awaiting Analysis");
  CHECK(c.cvss_v3 == Cvss{9.0, "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H", "CRITICAL"});
  CHECK(c.cwes == Lines{"CWE-77"});
  CHECK(
      urls(c) ==
      Lines{"https://github.com/OpenPrinting/cups-browsed/security/advisories/GHSA-rj88-6mr5-rcw8",
            "https://www.cups.org",
            "https://www.evilsocket.net/2024/09/26/Attacking-UNIX-systems-via-CUPS-Part-I"});
}

TEST_CASE("an NVD page keeps the good items around a bad one", "[unit]") {
  nlohmann::json page = nlohmann::json::parse(test::feed_sample("nvd/CVE-2022-1576.json"));
  const nlohmann::json good = page["vulnerabilities"][0];
  nlohmann::json bad = good;
  bad["cve"].erase("id");
  bad["cve"]["metrics"]["cvssMetricV31"][0]["cvssData"]["baseScore"] = 11;
  nlohmann::json v4 = good;
  v4["cve"]["id"] = "CVE-2024-0001";
  v4["cve"]["vulnStatus"] = "Rejected";
  v4["cve"]["metrics"]["cvssMetricV40"] = R"([
    {"source": "cna@example.org", "type": "Secondary",
     "cvssData": {"baseScore": 8.7, "vectorString": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N"}}])"_json;
  page["vulnerabilities"] = {good, bad, v4, 5};
  const auto read = read_nvd("page.json", page.dump());
  REQUIRE(read.records.size() == 2);
  CHECK(read.records[0].id == "CVE-2022-1576");
  CHECK(read.records[1].id == "CVE-2024-0001");
  CHECK(read.records[1].rejected);
  CHECK(read.records[1].cvss_v4 ==
        Cvss{8.7, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N", ""});
  CHECK(problem_lines(read) ==
        Lines{"page.json: $.vulnerabilities[1].cve.id: required key is missing",
              "page.json: $.vulnerabilities[1].cve.metrics.cvssMetricV31[0].cvssData.baseScore: "
              "must be between 0.0 and 10.0, got 11",
              "page.json: $.vulnerabilities[3]: expected object, got integer"});
  CHECK(problem_lines(read_nvd("x.json", R"({"format": "NVD_CVE"})")) ==
        Lines{"x.json: $.vulnerabilities: required key is missing"});
}

TEST_CASE("CVE JSON 5 records give the CNA's title and text and CVSS 3.1 or 4.0 and CWEs",
          "[unit]") {
  const auto xz = read_cve5("xz.json", test::feed_sample("cve5/CVE-2024-3094.json"));
  REQUIRE(problem_lines(xz).empty());
  const CveRecord& x = xz.records.at(0);
  CHECK(x.source == CveSource::cve5);
  CHECK(x.id == "CVE-2024-3094");
  CHECK(x.state == "PUBLISHED");
  CHECK(!x.rejected);
  CHECK(x.title == "Xz: malicious code in distributed source");
  CHECK(x.description.starts_with("Malicious code was discovered in the upstream tarballs of xz"));
  CHECK(x.cvss_v3 == Cvss{10, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "CRITICAL"});
  CHECK(!x.cvss_v4);
  CHECK(when(x.published) == "2024-03-29T16:51:12.588Z");
  CHECK(when(x.modified) == "2025-11-20T07:17:48.594Z");
  CHECK(x.cwes == Lines{"CWE-506"});
  CHECK(urls(x) == Lines{"https://access.redhat.com/security/cve/CVE-2024-3094",
                         "https://bugzilla.redhat.com/show_bug.cgi?id=2272210",
                         "https://www.openwall.com/lists/oss-security/2024/03/29/4"});
  CHECK(x.references[1].tags == Lines{"issue-tracking", "x_refsource_REDHAT"});

  const auto protobuf = read_cve5("pb.json", test::feed_sample("cve5/CVE-2025-4565.json"));
  REQUIRE(problem_lines(protobuf).empty());
  const CveRecord& p = protobuf.records.at(0);
  CHECK(p.title == "Unbounded recursion in Python Protobuf");
  CHECK(!p.cvss_v3);
  CHECK(p.cvss_v4 ==
        Cvss{8.2, "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N", "HIGH"});
  CHECK(p.cwes == Lines{"CWE-674"});

  const auto samba = read_cve5("samba.json", test::feed_sample("cve5/CVE-2021-44142.json"));
  REQUIRE(problem_lines(samba).empty());
  const CveRecord& s = samba.records.at(0);
  CHECK(when(s.published) == "2022-02-21T00:00:00.000Z");  // written without a zone
  CHECK(!s.cvss_v3);
  CHECK(s.title.empty());
  CHECK(s.cwes == Lines{"CWE-125", "CWE-787"});
  CHECK(s.references.size() == 3);
}

TEST_CASE("a REJECTED CVE 5 record is flagged with its reason as the text", "[unit]") {
  // Written from the CVE JSON 5 schema: no real rejected record was at hand.
  const auto read = read_cve5("rejected.json", R"({"dataType": "CVE_RECORD", "dataVersion": "5.1",
    "cveMetadata": {"cveId": "CVE-2023-0001", "state": "REJECTED", "datePublished": "2023-01-05T00:00:00",
                    "dateUpdated": "2023-02-01T10:00:00.000Z", "dateRejected": "2023-02-01T10:00:00.000Z"},
    "containers": {"cna": {"providerMetadata": {"orgId": "x"},
      "rejectedReasons": [{"lang": "en", "value": "This candidate was withdrawn by its CNA."}]}}})");
  REQUIRE(problem_lines(read).empty());
  const CveRecord& r = read.records.at(0);
  CHECK(r.rejected);
  CHECK(r.state == "REJECTED");
  CHECK(r.description == "This candidate was withdrawn by its CNA.");
  CHECK(when(r.modified) == "2023-02-01T10:00:00.000Z");
}

TEST_CASE("a broken CVE 5 record is skipped with its problems", "[unit]") {
  CHECK(
      problem_lines(read_cve5("a.json", R"({"cveMetadata": {"state": "RESERVED"},
      "containers": {"cna": {"metrics": [{"cvssV3_1": {"baseScore": "9.8"}}]}}})")) ==
      Lines{"a.json: $.cveMetadata.cveId: required key is missing",
            "a.json: $.cveMetadata.state: must be one of PUBLISHED, REJECTED, got \"RESERVED\"",
            "a.json: $.containers.cna.metrics[0].cvssV3_1.baseScore: expected number, got string",
            "a.json: $.containers.cna.metrics[0].cvssV3_1.vectorString: required key is missing"});
  CHECK(problem_lines(
            read_cve5("b.json", R"({"cveMetadata": {"cveId": "CVE-1", "state": "PUBLISHED"}})")) ==
        Lines{"b.json: $.containers: required key is missing"});
}

}  // namespace
}  // namespace zt::feeds
