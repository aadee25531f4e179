// `zerotrace-ingest feeds import` and `feeds status` as an operator runs them: the real binary,
// as the ingest's database role, on the real feed samples (every format, an OSV zip and a
// gzip EPSS file among them), a bad record, a missing file, and a feed fetched over HTTPS
// from `openssl s_server -WWW` with the server's certificate verified; `vulns rematch
// --changed-since` and its refusal of a time it cannot read.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "schema-client/base/gzip.hpp"
#include "tests/ingest/api/ingest_process.hpp"
#include "tests/support/loopback.hpp"
#include "tests/support/postgres_cluster.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/tls_files.hpp"

using nlohmann::json;
using zt::test::Completed;
using Set = std::set<std::string>;

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string source(const std::string& relative) {
  return (fs::path(ZT_SOURCE_DIR) / relative).string();
}
std::string feed_data(const std::string& relative) {
  return source("tests/schema-client/feeds/data/" + relative);
}

// A database of its own, reached as the ingest's role.
class FeedDatabase {
 public:
  FeedDatabase()
      : url_(zt::test::shared_cluster().url(zt::test::shared_cluster().create_database(),
                                            zt::test::PostgresCluster::kIngestRole)) {}

  Completed run(const std::vector<std::string>& args, const std::string& format = "json") const {
    std::vector<std::string> argv = {zt::testing::ingest_binary(), "--database-url", url_,
                                     "--format", format};
    argv.insert(argv.end(), args.begin(), args.end());
    return zt::test::run_process(argv);
  }

  json run_json(const std::vector<std::string>& args, int exit_code = 0) const {
    const Completed done = run(args);
    INFO(done.err);
    REQUIRE(done.exit_code == exit_code);
    return json::parse(done.out);
  }

 private:
  std::string url_;
};

// Per file: "format|read|inserted|updated|unchanged|withdrawn|problems"; the rematch that
// follows an import that wrote anything as "rematch" → "agents|findings|resolved".
std::map<std::string, std::string> outcomes(const json& imported) {
  std::map<std::string, std::string> out;
  for (const json& file : imported) {
    if (file.contains("rematch")) {
      const json& r = file.at("rematch");
      out["rematch"] = r.at("agents").dump() + "|" + r.at("findings").dump() + "|" +
                       r.at("resolved").dump();
      continue;
    }
    out[file.at("name")] = file.contains("error")
                               ? "error: " + file.at("error").get<std::string>()
                               : file.at("format").get<std::string>() + "|" +
                                     file.at("read").dump() + "|" + file.at("inserted").dump() +
                                     "|" + file.at("updated").dump() + "|" +
                                     file.at("unchanged").dump() + "|" +
                                     file.at("withdrawn").dump() + "|" +
                                     std::to_string(file.at("problems").size());
  }
  return out;
}

}  // namespace

TEST_CASE("feeds import takes every feed format, a second import writes nothing",
          "[integration]") {
  zt::test::TempTree tree;
  const fs::path zip = tree.root() / "all.zip";
  const Completed zipped = zt::test::run_process(
      {"/usr/bin/python3", "-m", "zipfile", "-c", zip.string(),
       source("tests/schema-client/vuln/data/match/alpine/ZT-TEST-ALPINE-1.json"),
       source("tests/schema-client/vuln/data/match/alpine/ZT-TEST-ALPINE-2.json")});
  REQUIRE(zipped.exit_code == 0);
  const auto gz = zt::base::gzip_compress(zt::test::read_text(feed_data("epss.csv")));
  REQUIRE(gz);
  const std::string epss_gz = tree.write("epss.csv.gz", *gz).string();

  const std::vector<std::string> files = {
      feed_data("osv"),
      source("tests/schema-client/vuln/data/match/debian"),
      zip.string(),
      feed_data("debian_tracker.json"),
      feed_data("nvd/CVE-2022-1576.json"),
      feed_data("cve5/CVE-2024-3094.json"),
      feed_data("kev.json"),
      epss_gz};
  std::vector<std::string> import = {"feeds", "import"};
  import.insert(import.end(), files.begin(), files.end());

  FeedDatabase db;
  CHECK(outcomes(db.run_json(import)) ==
        std::map<std::string, std::string>{
            {files[0], "OSV folder|2|2|0|0|0|0"},
            {files[1], "OSV folder|13|13|0|0|1|0"},
            {files[2], "OSV zip|2|2|0|0|0|0"},
            {files[3], "Debian security tracker JSON|6|6|0|0|0|0"},
            {files[4], "NVD CVE API 2.0|1|1|0|0|0|0"},
            {files[5], "CVE JSON 5|1|1|0|0|0|0"},
            {files[6], "CISA KEV|3|3|0|0|0|0"},
            {files[7], "EPSS CSV|5|5|0|0|0|0"},
            {"rematch", "0|0|0"}});  // no agent has an inventory yet
  // Nothing written: no rematch.
  CHECK(outcomes(db.run_json(import)) ==
        std::map<std::string, std::string>{
            {files[0], "OSV folder|2|0|0|2|0|0"},
            {files[1], "OSV folder|13|0|0|13|0|0"},
            {files[2], "OSV zip|2|0|0|2|0|0"},
            {files[3], "Debian security tracker JSON|6|0|0|6|0|0"},
            {files[4], "NVD CVE API 2.0|1|0|0|1|0|0"},
            {files[5], "CVE JSON 5|1|0|0|1|0|0"},
            {files[6], "CISA KEV|3|0|0|3|0|0"},
            {files[7], "EPSS CSV|5|0|0|5|0|0"}});

  Set status;
  for (const json& s : db.run_json({"feeds", "status"}))
    status.insert(s.at("source").get<std::string>() + "|" + s.at("records").dump() + "|" +
                  (s.at("newest").is_null() ? "-" : "newest"));
  CHECK(status == Set{"osv|17|newest", "debian_tracker|6|newest", "cve|2|newest",
                      "kev|3|newest", "epss|5|newest"});
  const Completed text = db.run({"feeds", "status"}, "text");
  CHECK(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("kev                      3  2025-02-18T00:00:00.000Z\n"));
}

TEST_CASE("A bad record is skipped and named, a missing file fails alone", "[integration]") {
  zt::test::TempTree tree;
  tree.write("osv/good.json", zt::test::read_text(source(
                                  "tests/schema-client/vuln/data/match/debian/ZT-TEST-curl.json")));
  tree.write("osv/bad.json", R"({"id": "ZT-BAD", "affected": []})");
  const std::string folder = (tree.root() / "osv").string();
  const std::string missing = (tree.root() / "missing.json").string();

  FeedDatabase db;
  const Completed done =
      db.run({"feeds", "import", missing, folder, feed_data("kev.json")}, "text");
  CHECK(done.exit_code == 1);
  CHECK(done.out == folder + ": OSV folder: read 1, inserted 1, updated 0, unchanged 0, "
                             "withdrawn 0, skipped with problems: 1\n" +
                        feed_data("kev.json") + ": CISA KEV: read 3, inserted 3, updated 0, "
                                                "unchanged 0, withdrawn 0\n"
                                                "rematch: 0 agent(s), 0 CVE finding(s) "
                                                "matched (0 new or changed), 0 resolved\n");
  CHECK_THAT(done.err,
             Catch::Contains(folder + "/bad.json: $.modified: required key is missing\n"));
  CHECK_THAT(done.err, Catch::Contains("zerotrace-ingest: " + missing + ": cannot read: "));
  CHECK(db.run({"feeds", "import", folder}).exit_code == 0);  // problems alone: still done
}

TEST_CASE("An https URL is fetched with the server verified, then imported", "[integration]") {
  zt::test::TlsFiles tls;
  zt::test::TempTree served;
  served.write("kev.json", zt::test::read_text(feed_data("kev.json")));
  std::unique_ptr<zt::test::Child> server;
  const unsigned short port = zt::test::start_on_free_port([&](unsigned short p) {
    server = std::make_unique<zt::test::Child>(std::vector<std::string>{
        "/bin/sh", "-c",
        "cd " + served.root().string() + " && exec /usr/bin/openssl s_server -quiet -WWW"
        " -accept 127.0.0.1:" + std::to_string(p) + " -cert " + tls.certificate().string() +
        " -key " + tls.key().string() + " 1>&2"});
    return zt::test::wait_for_child_port(*server, p, 10s);
  });
  const std::string base = "https://127.0.0.1:" + std::to_string(port);

  FeedDatabase db;
  const json fetched =
      db.run_json({"feeds", "import", "--ca-file", tls.certificate().string(), base + "/kev.json"});
  CHECK(outcomes(fetched) ==
        std::map<std::string, std::string>{{base + "/kev.json", "CISA KEV|3|3|0|0|0|0"},
                                           {"rematch", "0|0|0"}});

  // Not trusted by the system's CA store; not a feed (s_server answers 200 with an error text);
  // plain HTTP; a query kept out of sight.
  const Completed untrusted = db.run({"feeds", "import", base + "/kev.json?token=secret"});
  CHECK(untrusted.exit_code == 1);
  CHECK_THAT(untrusted.err, Catch::Contains(base + "/kev.json: cannot download: "));
  CHECK_THAT(untrusted.err + untrusted.out, !Catch::Contains("secret"));
  const Completed absent = db.run(
      {"feeds", "import", "--ca-file", tls.certificate().string(), base + "/missing.json"});
  CHECK(absent.exit_code == 1);
  CHECK_THAT(absent.err, Catch::Contains(base + "/missing.json: not a feed this reader knows"));
  const Completed plain = db.run({"feeds", "import", "http://127.0.0.1:1/kev.json"});
  CHECK(plain.exit_code == 1);
  CHECK_THAT(plain.err, Catch::Contains("only https:// URLs are fetched"));
}

TEST_CASE("vulns rematch --changed-since takes an RFC 3339 time, and names any other text",
          "[integration]") {
  FeedDatabase db;
  const Completed bad = db.run({"vulns", "rematch", "--changed-since", "yesterday"}, "text");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "zerotrace-ingest: --changed-since: expected an RFC 3339 time such as "
                   "2026-12-07T10:00:00Z, got \"yesterday\"\n");
  // Before any import nothing changed: no agent is matched or counted. (What a scoped rematch
  // matches is tested on the database: tests/schema-client/pg/vuln_matcher_test.cpp.)
  const json none = db.run_json({"vulns", "rematch", "--changed-since", "2026-12-07T10:00:00Z"});
  CHECK(none == json{{"agents", 0}, {"untouched", 0}, {"findings", 0}, {"written", 0},
                     {"resolved", 0}, {"mismatches", json::array()}});
  db.run_json({"feeds", "import", feed_data("kev.json")});
  const json after = db.run_json({"vulns", "rematch", "--changed-since", "2026-12-07T10:00:00Z"});
  CHECK(after.at("agents") == 0);
}
