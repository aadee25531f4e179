// read_osv_zip() on zips made here with libzip, and read_osv_folder() on data/osv and on a
// temporary tree: every record read, each problem naming its entry or file, limits reported.
#include "schema-client/feeds/osv_archive.hpp"

#include <zip.h>

#include <catch2/catch.hpp>
#include <stdexcept>
#include <utility>

#include "tests/schema-client/feeds/feed_samples.hpp"
#include "tests/support/fuzz.hpp"

namespace zt::feeds {
namespace {

using test::problem_lines;
using Lines = std::vector<std::string>;
using Entries = std::vector<std::pair<std::string, std::string>>;

// A zip of `entries` (a name ending in '/' is a folder), built in memory.
std::string make_zip(const Entries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source failed");
  for (const auto& [name, content] : entries) {
    if (name.ends_with('/')) {
      zip_dir_add(archive, name.c_str(), 0);
      continue;
    }
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (source == nullptr || zip_file_add(archive, name.c_str(), source, 0) < 0)
      throw std::runtime_error("zip_file_add failed");
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  std::string bytes;
  zip_source_open(buffer);
  char chunk[4096];
  for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;)
    bytes.append(chunk, static_cast<std::size_t>(n));
  zip_source_close(buffer);
  zip_source_free(buffer);
  return bytes;
}

std::vector<std::string> ids(const FeedRead<OsvRecord>& read) {
  std::vector<std::string> out;
  for (const OsvRecord& record : read.records) out.push_back(record.id);
  return out;
}

constexpr std::string_view kSmall = R"({"id": "SMALL-1", "modified": "2024-01-01T00:00:00Z"})";

TEST_CASE("an OSV zip gives a record per entry and names a bad one", "[unit]") {
  const std::string zip = make_zip({
      {"GHSA-jfh8-c2jp-5v3q.json", test::feed_sample("osv/github/GHSA-jfh8-c2jp-5v3q.json")},
      {"bad.json", R"({"modified": "2024-01-01T00:00:00Z"})"},
      {"nested/", ""},
      {"nested/CVE-2009-3560.json", test::feed_sample("osv/ubuntu/CVE-2009-3560.json")},
      {"small.json", std::string(kSmall)},
  });
  const auto read = read_osv_zip("all.zip", zip);
  CHECK(ids(read) == Lines{"GHSA-jfh8-c2jp-5v3q", "CVE-2009-3560", "SMALL-1"});
  CHECK(problem_lines(read) == Lines{"all.zip/bad.json: $.id: required key is missing"});
  CHECK(read.records[1].affected[1].package.name == "coin3");
}

TEST_CASE("an OSV zip past its limits skips the rest and reports it", "[unit]") {
  const std::string zip = make_zip({
      {"a.json", std::string(kSmall)},
      {"b.json", std::string(200, ' ') + std::string(kSmall)},
      {"c.json", std::string(kSmall)},
  });
  const auto read = read_osv_zip("all.zip", zip, ArchiveLimits{100, 2});
  CHECK(ids(read) == Lines{"SMALL-1"});
  CHECK(problem_lines(read) ==
        Lines{"all.zip: $: has 3 entries, past the limit of 2; the rest are skipped",
              "all.zip/b.json: $: larger than the limit of 100 bytes; skipped"});
}

TEST_CASE("bytes that are not a zip are one problem", "[unit]") {
  CHECK(problem_lines(read_osv_zip("all.zip", "PK\x03\x04 but no more")) ==
        Lines{"all.zip: $: not a zip archive: Not a zip archive"});
  CHECK(read_osv_zip("empty.zip", "").records.empty());
}

TEST_CASE("truncated and mutated zips never crash the zip reader", "[unit]") {
  const std::string zip = make_zip({{"a.json", std::string(kSmall)}, {"b/c.json", "{\"id\": 1}"}});
  test::fuzz_text(
      zip, [](const std::string& bytes) { (void)read_osv_zip("f.zip", bytes); }, 400);
}

TEST_CASE("a folder of OSV records is read recursively in path order", "[unit]") {
  const auto read = read_osv_folder(test::feed_data("osv"));
  CHECK(problem_lines(read).empty());
  CHECK(ids(read) == Lines{"GHSA-jfh8-c2jp-5v3q", "CVE-2009-3560"});

  test::TempTree tree;
  tree.write("b/good.json", kSmall);
  tree.write("a/bad.json", R"({"id": "BAD", "modified": "yesterday"})");
  tree.write("notes.txt", "not a record");
  tree.write("c/big.json", std::string(300, ' ') + std::string(kSmall));
  const auto mixed = read_osv_folder(tree.root(), ArchiveLimits{200, 10});
  CHECK(ids(mixed) == Lines{"SMALL-1"});
  const std::string root = tree.root().string();
  CHECK(problem_lines(mixed) ==
        Lines{root + "/a/bad.json: $.modified: expected an RFC 3339 timestamp, got \"yesterday\"",
              root + "/c/big.json: $: larger than the limit of 200 bytes; skipped"});

  CHECK(problem_lines(read_osv_folder(tree.root() / "missing")) ==
        Lines{root + "/missing: $: cannot list: No such file or directory"});
}

}  // namespace
}  // namespace zt::feeds
