// detect_format() and read_feed() on every sample, a zip, gzip EPSS and junk; and every
// truncation and many mutations of the samples through read_feed() without a crash or throw.
#include "schema-client/feeds/detect.hpp"

#include <zip.h>

#include <catch2/catch.hpp>

#include "tests/schema-client/base/gzip_writer.hpp"
#include "tests/schema-client/feeds/feed_samples.hpp"
#include "tests/support/fuzz.hpp"

namespace zt::feeds {
namespace {

using Lines = std::vector<std::string>;

// An empty zip archive: its end-of-central-directory record alone.
const std::string kEmptyZip = std::string("PK\x05\x06", 4) + std::string(18, '\0');

std::string detected(std::string_view name, const std::string& bytes) {
  const auto format = detect_format(name, bytes);
  return format ? std::string(name_of(*format)) : format.error().message;
}

TEST_CASE("each sample is told by its content", "[unit]") {
  CHECK(detected("x", test::feed_sample("osv/github/GHSA-jfh8-c2jp-5v3q.json")) == "OSV record");
  CHECK(detected("x", test::feed_sample("osv/ubuntu/CVE-2009-3560.json")) == "OSV record");
  CHECK(detected("x", test::feed_sample("debian_tracker.json")) == "Debian security tracker JSON");
  CHECK(detected("x", test::feed_sample("nvd/CVE-2022-1576.json")) == "NVD CVE API 2.0");
  CHECK(detected("x", test::feed_sample("nvd/CVE-2024-47177.json")) == "NVD CVE API 2.0");
  CHECK(detected("x", test::feed_sample("cve5/CVE-2024-3094.json")) == "CVE JSON 5");
  CHECK(detected("x", test::feed_sample("cve5/CVE-2021-44142.json")) == "CVE JSON 5");
  CHECK(detected("x", test::feed_sample("kev.json")) == "CISA KEV");
  CHECK(detected("x", test::feed_sample("epss.csv")) == "EPSS CSV");
  CHECK(detected("x", test::gzip(test::feed_sample("epss.csv"))) == "EPSS CSV");
  CHECK(detected("x", "cve,epss,percentile\n") == "EPSS CSV");
  CHECK(detected("x", kEmptyZip) == "OSV zip");
  // The name plays no part: a KEV catalog called .csv is still KEV.
  CHECK(detected("known.csv", test::feed_sample("kev.json")) == "CISA KEV");
}

TEST_CASE("a file of no known format is an error naming it and what it looked like", "[unit]") {
  const std::string known =
      ": not a feed this reader knows (OSV, Debian tracker, NVD, CVE 5, KEV, EPSS): ";
  CHECK(detected("a.bin", std::string("\x7f"
                                      "ELF\x02\x01\x01",
                                      7)) ==
        "a.bin" + known +
            "neither JSON, a zip nor EPSS CSV; its first bytes are 7f 45 4c 46 02 01 01");
  CHECK(detected("b.json", R"({"name": "not a feed", "items": []})") ==
        "b.json" + known + "JSON without the keys of any of them");
  CHECK(detected("c.json", "{\"id\": \"X\", ") == "c.json" + known + "not JSON (error at byte 13)");
  CHECK(detected("d", " \n") == "d" + known + "the file is empty");
  CHECK(detected("e.gz", test::gzip("hello")) ==
        "e.gz" + known + "gzip of something other than EPSS CSV");
}

TEST_CASE("read_feed reads what it detects and parses JSON once", "[unit]") {
  const auto nvd = read_feed("nvd.json", test::feed_sample("nvd/CVE-2022-1576.json"));
  REQUIRE(nvd.ok());
  CHECK(nvd->format == Format::nvd);
  CHECK(std::get<FeedRead<CveRecord>>(nvd->read).records.at(0).id == "CVE-2022-1576");

  const auto kev = read_feed("kev.json", test::feed_sample("kev.json"));
  REQUIRE(kev.ok());
  CHECK(std::get<KevRead>(kev->read).records.size() == 3);

  const auto epss = read_feed("epss.csv.gz", test::gzip(test::feed_sample("epss.csv")));
  REQUIRE(epss.ok());
  CHECK(std::get<EpssRead>(epss->read).records.size() == 5);

  const auto debian = read_feed("json", test::feed_sample("debian_tracker.json"));
  REQUIRE(debian.ok());
  CHECK(std::get<FeedRead<DebianTrackerEntry>>(debian->read).records.size() == 6);

  const auto osv = read_feed("ghsa.json", test::feed_sample("osv/github/GHSA-jfh8-c2jp-5v3q.json"));
  REQUIRE(osv.ok());
  CHECK(std::get<FeedRead<OsvRecord>>(osv->read).records.at(0).id == "GHSA-jfh8-c2jp-5v3q");

  const auto cve5 = read_feed("xz.json", test::feed_sample("cve5/CVE-2024-3094.json"));
  REQUIRE(cve5.ok());
  CHECK(std::get<FeedRead<CveRecord>>(cve5->read).records.at(0).source == CveSource::cve5);

  const auto zip = read_feed("all.zip", kEmptyZip);
  REQUIRE(zip.ok());
  CHECK(std::get<FeedRead<OsvRecord>>(zip->read).records.empty());

  CHECK(!read_feed("junk", "junk").ok());
}

// Every problem a reader reports names the file it was given.
void check_named(const model::Result<FeedFile>& file, std::string_view name) {
  if (!file.ok()) return;
  std::visit(
      [&](const auto& read) {
        for (const Problem& problem : read.problems)
          if (problem.file != name) FAIL("a problem names " << problem.file);
      },
      file->read);
}

TEST_CASE("truncated and mutated samples never crash the readers", "[unit]") {
  for (const char* sample : {"nvd/CVE-2024-47177.json", "osv/ubuntu/CVE-2009-3560.json",
                             "debian_tracker.json", "kev.json", "epss.csv"}) {
    INFO(sample);
    test::fuzz_text(
        test::feed_sample(sample),
        [](const std::string& text) { check_named(read_feed("f", text), "f"); }, 400);
  }
}

}  // namespace
}  // namespace zt::feeds
