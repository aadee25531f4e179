// The rpm packages of a host tree holding one of the real databases of tests/fixtures/rpm
// (made by rpm and Berkeley DB's tools: make_fixtures.sh), checked against what rpm itself
// listed when it made them (expected.txt) and, tagged [integration], against rpm run now.
#include "collectors/readers/rpm_packages.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using zt::collector::HostFs;
using zt::readers::read_rpm_packages;
using zt::readers::RpmPackage;
using Lines = std::vector<std::string>;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(ZT_SOURCE_DIR) / "tests/fixtures/rpm";
constexpr std::size_t kCap = 1 << 20;

Lines sorted_lines(const std::string& text) {
  Lines lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// As rpm -qa --qf '%{NAME}|%{EPOCHNUM}|%{VERSION}|%{RELEASE}|%{ARCH}|%{SOURCERPM}|%{LICENSE}'.
Lines lines_of(const std::vector<RpmPackage>& packages) {
  Lines lines;
  for (const RpmPackage& p : packages)
    lines.push_back(p.name + "|" + std::to_string(p.epoch.value_or(0)) + "|" + p.version + "|" +
                    p.release + "|" + p.arch + "|" + p.source_rpm + "|" + p.license);
  std::sort(lines.begin(), lines.end());
  return lines;
}

// A host whose rpm database, at `host_path`, is a copy of the fixture file `fixture`.
void install(const zt::test::TempTree& host, const std::string& fixture,
             const std::string& host_path) {
  host.write(host_path.substr(1), zt::test::read_text(kFixtures / fixture));
}

Lines files_in(const std::filesystem::path& dir) {
  Lines names;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("rpm packages: each real database gives rpm's own list", "[unit][rpm]") {
  const Lines expected = sorted_lines(zt::test::read_text(kFixtures / "expected.txt"));
  REQUIRE(expected.size() == 6);
  const struct {
    const char* fixture;
    const char* host_path;
  } cases[] = {
      {"sqlite/rpmdb.sqlite", "/usr/lib/sysimage/rpm/rpmdb.sqlite"},
      {"sqlite/rpmdb.sqlite", "/var/lib/rpm/rpmdb.sqlite"},
      {"bdb/Packages", "/var/lib/rpm/Packages"},
      {"bdb-be/Packages", "/var/lib/rpm/Packages"},
      {"bdb-chksum/Packages", "/var/lib/rpm/Packages"},
  };
  for (const auto& c : cases) {
    INFO(c.fixture << " at " << c.host_path);
    const zt::test::TempTree host;
    install(host, c.fixture, c.host_path);
    std::vector<std::string> problems;
    const auto db = read_rpm_packages(HostFs(host.root()), kCap, problems);
    CHECK(problems.empty());
    REQUIRE(db);
    CHECK(db->path == c.host_path);
    CHECK(lines_of(db->packages) == expected);
    // The sqlite database was opened immutable: nothing was created beside it.
    const auto dir = host.root() / std::filesystem::path(c.host_path).relative_path();
    CHECK(files_in(dir.parent_path()) == Lines{dir.filename().string()});
  }
}

TEST_CASE("rpm packages: the sqlite database wins over an old Berkeley DB", "[unit][rpm]") {
  const zt::test::TempTree host;
  install(host, "bdb/Packages", "/var/lib/rpm/Packages");
  host.write("var/lib/rpm/rpmdb.sqlite", "not read");
  install(host, "sqlite/rpmdb.sqlite", "/usr/lib/sysimage/rpm/rpmdb.sqlite");
  const HostFs fs(host.root());
  REQUIRE(zt::readers::find_rpm_database(fs));
  CHECK(zt::readers::find_rpm_database(fs)->path == "/usr/lib/sysimage/rpm/rpmdb.sqlite");
  std::filesystem::remove(host.root() / "usr/lib/sysimage/rpm/rpmdb.sqlite");
  std::vector<std::string> problems;
  CHECK_FALSE(read_rpm_packages(fs, kCap, problems));
  CHECK(problems == Lines{"/var/lib/rpm/rpmdb.sqlite (under " + host.root().string() +
                          "): SQLite: file is not a database"});
}

TEST_CASE("rpm packages: no database, ndb, over the cap, a damaged header", "[unit][rpm]") {
  const zt::test::TempTree host;
  const HostFs fs(host.root());
  const std::string under = " (under " + host.root().string() + ")";
  std::vector<std::string> problems;
  CHECK_FALSE(read_rpm_packages(fs, kCap, problems));  // not an rpm host
  CHECK(problems.empty());

  host.write("usr/lib/sysimage/rpm/Packages.db", "ndb");
  CHECK_FALSE(read_rpm_packages(fs, kCap, problems));
  CHECK(problems == Lines{"/usr/lib/sysimage/rpm/Packages.db" + under +
                          ": rpm's ndb database format is not read; no packages listed"});

  problems.clear();
  install(host, "sqlite/rpmdb.sqlite", "/var/lib/rpm/rpmdb.sqlite");
  CHECK_FALSE(read_rpm_packages(fs, 4096, problems));
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0], Catch::StartsWith("/var/lib/rpm/rpmdb.sqlite" + under + ": ") &&
                              Catch::EndsWith(" bytes, over the cap of 4096"));

  // zt-beta's header (inline on a page of the Berkeley DB file) with its entry count zeroed.
  problems.clear();
  std::filesystem::remove(host.root() / "var/lib/rpm/rpmdb.sqlite");
  std::string file = zt::test::read_text(kFixtures / "bdb/Packages");
  const std::size_t name = file.find(std::string("zt-beta\0", 8));
  REQUIRE(name != std::string::npos);
  const std::size_t header = file.rfind(std::string("\0\0\0\x3f\0\0\0\x07", 8), name);
  REQUIRE(header != std::string::npos);  // the region tag: the first index entry
  file.replace(header - 8, 4, std::string(4, '\0'));
  host.write("var/lib/rpm/Packages", file);
  const auto db = read_rpm_packages(fs, kCap, problems);
  REQUIRE(db);
  CHECK(db->packages.size() == 5);
  REQUIRE(problems.size() == 1);
  CHECK_THAT(problems[0],
             Catch::Matches("/var/lib/rpm/Packages.*: 1 header\\(s\\) could not be parsed, the "
                            "first: record \\d: header with 0 index entries \\(1 to 65535 "
                            "expected\\)"));
}

TEST_CASE("rpm packages: rpm itself lists the same from each database", "[integration][rpm]") {
  const struct {
    const char* dir;
    const char* backend;
  } cases[] = {{"sqlite", "sqlite"}, {"bdb", "bdb_ro"}, {"bdb-be", "bdb_ro"}};
  for (const auto& c : cases) {
    INFO(c.dir);
    const zt::test::TempTree copy;  // rpm's sqlite backend may write beside the file
    std::filesystem::copy(kFixtures / c.dir, copy.root() / "db");
    const auto listed = zt::test::run_process(
        {"/usr/bin/rpm", "--dbpath", (copy.root() / "db").string(), "--define",
         std::string("_db_backend ") + c.backend, "-qa", "--qf",
         "%{NAME}|%{EPOCHNUM}|%{VERSION}|%{RELEASE}|%{ARCH}|%{SOURCERPM}|%{LICENSE}\\n"});
    REQUIRE(listed.exit_code == 0);
    const zt::test::TempTree host;
    install(host, std::string(c.dir) + (c.backend == std::string("sqlite") ? "/rpmdb.sqlite"
                                                                            : "/Packages"),
            c.backend == std::string("sqlite") ? "/var/lib/rpm/rpmdb.sqlite"
                                               : "/var/lib/rpm/Packages");
    std::vector<std::string> problems;
    const auto db = read_rpm_packages(HostFs(host.root()), kCap, problems);
    REQUIRE(db);
    CHECK(lines_of(db->packages) == sorted_lines(listed.out));
  }
}
