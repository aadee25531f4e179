// OsvPackageFilter: it never turns away a record that names one of the packages (the oracle is
// the parsed record: read_osv's package names), and turns away the others; the folder and zip
// readers parse only what it lets through.
#include "schema-client/feeds/osv_prefilter.hpp"

#include <zip.h>

#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "schema-client/feeds/osv.hpp"
#include "schema-client/feeds/osv_archive.hpp"
#include "tests/schema-client/feeds/feed_samples.hpp"

namespace zt::feeds {
namespace {

using Names = std::vector<std::string>;

std::set<std::string> package_names(std::string_view record) {
  std::set<std::string> names;
  for (const OsvRecord& r : read_osv("r.json", record).records)
    for (const OsvAffected& a : r.affected) names.insert(a.package.name);
  return names;
}

TEST_CASE("the OSV filter lets through exactly the real records that name a host package",
          "[unit]") {
  const std::string ubuntu = test::feed_sample("osv/ubuntu/CVE-2009-3560.json");
  const std::string github = test::feed_sample("osv/github/GHSA-jfh8-c2jp-5v3q.json");
  REQUIRE(package_names(ubuntu) == std::set<std::string>{"coin3", "audacity"});

  OsvPackageFilter audacity(Names{"audacity", "bash"});
  CHECK(audacity.may_concern(ubuntu));
  CHECK_FALSE(audacity.may_concern(github));
  OsvPackageFilter log4j(Names{"org.apache.logging.log4j:log4j-core"});
  CHECK(log4j.may_concern(github));
  CHECK_FALSE(log4j.may_concern(ubuntu));
  OsvPackageFilter none(Names{"coin", "audacity3", "log4j-core"});  // near names are not names
  CHECK_FALSE(none.may_concern(ubuntu));
  CHECK_FALSE(none.may_concern(github));
  CHECK(none.turned_away() == 2);
}

TEST_CASE("the OSV filter says maybe to what it cannot read simply, never no", "[unit]") {
  OsvPackageFilter only(Names{"openssl"});
  // Spaced keys, a "name" that is a value, an escape in the name or anywhere.
  CHECK(only.may_concern(R"({"affected": [{"package": {"name"  :
      "openssl"}}]})"));
  CHECK(only.may_concern(R"({"affected": [{"package": {"name": "open\"ssl"}}]})"));
  CHECK(only.may_concern(R"({"affected": [{"package": {"n\u0061me": "openssl"}}]})"));
  CHECK(only.may_concern(R"({"affected": [{"package": {"name": "openssl)"));  // cut short
  CHECK_FALSE(only.may_concern(R"({"summary": "name", "affected": [{"package": {"name": "gnutls28"}}]})"));
  CHECK_FALSE(only.may_concern(R"({"summary": "the openssl package"})"));
  CHECK(only.turned_away() == 2);
}

// A record of `package` with id `id`, in the layout of Debian's OSV export.
std::string debian_record(const std::string& id, const std::string& package) {
  return R"({"id": ")" + id + R"(", "modified": "2026-01-01T00:00:00Z", "affected": [{"package": )"
         R"({"name": ")" + package + R"(", "ecosystem": "Debian:12"}, "ranges": [{"type": )"
         R"("ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.2-1"}]}]}]})";
}

TEST_CASE("the folder and zip readers parse only the records the filter lets through",
          "[unit]") {
  // Over a thousand files: the folder is read by two threads, joined in path order.
  const unsigned seed = std::random_device{}();
  CAPTURE(seed);
  std::mt19937 random(seed);
  test::TempTree tree;
  std::vector<std::string> expected;
  zip_t* archive = zip_open((tree.root() / "all.zip").c_str(), ZIP_CREATE, nullptr);
  REQUIRE(archive != nullptr);
  std::vector<std::string> contents;
  contents.reserve(1500);
  for (int n = 0; n < 1500; ++n) {
    char id[32];
    std::snprintf(id, sizeof id, "DEBIAN-CVE-%05d", n);
    const bool host = random() % 3 == 0;
    if (host) expected.emplace_back(id);
    contents.push_back(debian_record(id, host ? "openssl" : "pkg" + std::to_string(n)));
    tree.write(std::string("osv/") + id + ".json", contents.back());
    zip_source_t* source = zip_source_buffer(archive, contents.back().data(), contents.back().size(), 0);
    REQUIRE(zip_file_add(archive, (std::string(id) + ".json").c_str(), source, 0) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);

  OsvPackageFilter folder_filter(Names{"openssl", "zlib"});
  const FeedRead<OsvRecord> folder = read_osv_folder(tree.root() / "osv", {}, &folder_filter);
  OsvPackageFilter zip_filter(Names{"openssl", "zlib"});
  const FeedRead<OsvRecord> zip = read_osv_zip_file(tree.root() / "all.zip", {}, &zip_filter);
  for (const FeedRead<OsvRecord>* read : {&folder, &zip}) {
    CHECK(read->problems.empty());
    std::vector<std::string> ids;
    for (const OsvRecord& r : read->records) ids.push_back(r.id);
    CHECK(ids == expected);
  }
  CHECK(folder_filter.turned_away() == 1500 - expected.size());
  CHECK(zip_filter.turned_away() == 1500 - expected.size());
  // Without a filter every record is read.
  CHECK(read_osv_folder(tree.root() / "osv").records.size() == 1500);
  CHECK(read_osv_zip_file(tree.root() / "missing.zip").problems.size() == 1);
}

}  // namespace
}  // namespace zt::feeds
