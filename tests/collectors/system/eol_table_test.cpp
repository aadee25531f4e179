#include "collectors/system/eol_table.hpp"

#include <catch2/catch.hpp>
#include <set>

using zt::system::eol_release_key;
using zt::system::eol_table;
using zt::system::find_eol_release;
using zt::system::format_iso_date;
using zt::system::OsRelease;
using zt::system::parse_iso_date;

namespace {

OsRelease os(std::string id, std::string version_id, std::vector<std::string> id_like = {},
             std::string name = "") {
  OsRelease r;
  r.id = std::move(id);
  r.version_id = std::move(version_id);
  r.id_like = std::move(id_like);
  if (!name.empty()) r.name = std::move(name);
  return r;
}

// "<name> <eol>" of the matched release, or "unknown".
std::string lookup(const OsRelease& r) {
  const auto m = find_eol_release(r);
  if (!m) return "unknown";
  return std::string(m->release->name) + " " + format_iso_date(zt::system::Date{m->release->eol});
}

}  // namespace

TEST_CASE("eol table: every entry is well formed", "[unit][eol]") {
  std::set<std::pair<std::string_view, std::string_view>> keys;
  for (const auto& r : eol_table()) {
    INFO(r.id << " " << r.version);
    CHECK(r.eol.ok());
    CHECK(keys.emplace(r.id, r.version).second);  // no duplicates
    CHECK_FALSE(r.name.empty());
    CHECK(r.upgrade_url.starts_with("https://"));
    // Only Debian has a regular security end apart from its end of life, before it.
    CHECK(r.security_end.ok() == (r.id == "debian"));
    if (r.security_end.ok()) CHECK(zt::system::Date{r.security_end} < zt::system::Date{r.eol});
  }
  // The families and ranges the issue asks for.
  for (const char* v : {"9", "10", "11", "12", "13"}) CHECK(keys.count({"debian", v}) == 1);
  for (int year = 16; year <= 26; ++year)
    for (const char* month : {".04", ".10"}) {
      const std::string v = std::to_string(year) + month;
      if (v == "26.10") continue;
      INFO(v);
      CHECK(keys.count({"ubuntu", v}) == 1);
    }
  for (const char* v : {"7", "8", "9", "10"}) CHECK(keys.count({"rhel", v}) == 1);
  for (int minor = 12; minor <= 22; ++minor)
    CHECK(keys.count({"alpine", "3." + std::to_string(minor)}) == 1);
  CHECK(keys.count({"amzn", "2"}) == 1);
  CHECK(keys.count({"amzn", "2023"}) == 1);
}

TEST_CASE("eol table: lookups for each family", "[unit][eol]") {
  CHECK(lookup(os("debian", "12")) == "Debian 12 (bookworm) 2028-06-30");
  CHECK(lookup(os("debian", "10")) == "Debian 10 (buster) 2024-06-30");
  CHECK(lookup(os("raspbian", "11")) == "Debian 11 (bullseye) 2026-08-31");
  CHECK(lookup(os("ubuntu", "18.04")) == "Ubuntu 18.04 LTS (bionic) 2023-05-31");
  CHECK(lookup(os("ubuntu", "24.04")) == "Ubuntu 24.04 LTS (noble) 2029-04-30");
  CHECK(lookup(os("ubuntu", "23.10")) == "Ubuntu 23.10 (mantic) 2024-07-11");
  CHECK(lookup(os("rhel", "9.4")) == "Red Hat Enterprise Linux 9 2032-05-31");
  CHECK(lookup(os("rhel", "7.9")) == "Red Hat Enterprise Linux 7 2024-06-30");
  CHECK(lookup(os("rocky", "8.10", {"rhel", "centos", "fedora"})) == "Rocky Linux 8 2029-05-31");
  CHECK(lookup(os("almalinux", "8.9", {"rhel", "centos", "fedora"})) == "AlmaLinux 8 2029-03-01");
  CHECK(lookup(os("ol", "7.9", {"fedora"})) == "Oracle Linux 7 2024-12-31");
  CHECK(lookup(os("centos", "7", {"rhel", "fedora"}, "CentOS Linux")) ==
        "CentOS Linux 7 2024-06-30");
  CHECK(lookup(os("centos", "8", {"rhel", "fedora"}, "CentOS Linux")) ==
        "CentOS Linux 8 2021-12-31");
  CHECK(lookup(os("centos", "8", {"rhel", "fedora"}, "CentOS Stream")) ==
        "CentOS Stream 8 2024-05-31");
  CHECK(lookup(os("centos", "9", {"rhel", "fedora"}, "CentOS Stream")) ==
        "CentOS Stream 9 2027-05-31");
  CHECK(lookup(os("alpine", "3.18.9")) == "Alpine Linux 3.18 2025-05-09");
  CHECK(lookup(os("alpine", "3.22.1")) == "Alpine Linux 3.22 2027-05-01");
  CHECK(lookup(os("amzn", "2", {"centos", "rhel", "fedora"})) == "Amazon Linux 2 2026-06-30");
  CHECK(lookup(os("amzn", "2023", {"fedora"})) == "Amazon Linux 2023 2029-06-30");

  // A rebuild the table does not name: RHEL's dates by ID_LIKE, and it says so.
  const auto rebuild = find_eol_release(os("eurolinux", "9.2", {"rhel", "fedora", "centos"}));
  REQUIRE(rebuild);
  CHECK(rebuild->release->id == "rhel");
  CHECK(rebuild->key == "9");
  CHECK(rebuild->matched_by == "ID_LIKE rhel");
  CHECK(find_eol_release(os("debian", "12"))->matched_by == "ID");
}

TEST_CASE("eol table: unknown releases", "[unit][eol]") {
  CHECK(lookup(os("debian", "")) == "unknown");    // testing, sid
  CHECK(lookup(os("debian", "8")) == "unknown");   // older than the table
  CHECK(lookup(os("debian", "14")) == "unknown");  // newer than the table
  CHECK(lookup(os("ubuntu", "15.10")) == "unknown");
  CHECK(lookup(os("alpine", "3.21.0_alpha20240807")) == "unknown");  // edge
  CHECK(lookup(os("alpine", "3.11.13")) == "unknown");
  CHECK(lookup(os("fedora", "40")) == "unknown");
  CHECK(lookup(os("arch", "")) == "unknown");
  CHECK(lookup(os("linuxmint", "21.3", {"ubuntu", "debian"})) == "unknown");  // own numbering
  CHECK(lookup(os("alinux", "3", {"rhel", "fedora", "centos", "anolis"})) == "unknown");
  CHECK(lookup(os("rhel", "six")) == "unknown");
  CHECK(lookup(os("amzn", "2018.03")) == "unknown");
}

TEST_CASE("eol table: release keys", "[unit][eol]") {
  CHECK(eol_release_key(os("debian", "12")) == "12");
  CHECK(eol_release_key(os("debian", "12.7")) == "12");
  CHECK(eol_release_key(os("ubuntu", "22.04")) == "22.04");
  CHECK(eol_release_key(os("ubuntu", "22")) == "");
  CHECK(eol_release_key(os("alpine", "3.18.9")) == "3.18");
  CHECK(eol_release_key(os("rhel", "9.4")) == "9");
  CHECK(eol_release_key(os("centos", "9", {}, "CentOS Stream")) == "9-stream");
  CHECK(eol_release_key(os("amzn", "2023")) == "2023");
  CHECK(eol_release_key(os("debian", "")) == "");
  CHECK(eol_release_key(os("debian", " 12 ")) == "12");
}

TEST_CASE("dates: YYYY-MM-DD only, real days only", "[unit][eol]") {
  CHECK(parse_iso_date("2024-06-30").has_value());
  CHECK(format_iso_date(*parse_iso_date("2024-02-29")) == "2024-02-29");
  CHECK_FALSE(parse_iso_date("2023-02-29"));
  CHECK_FALSE(parse_iso_date("2024-13-01"));
  CHECK_FALSE(parse_iso_date("2024-6-30"));
  CHECK_FALSE(parse_iso_date("2024/06/30"));
  CHECK_FALSE(parse_iso_date("2024-06-30 "));
  CHECK_FALSE(parse_iso_date(""));
  CHECK_FALSE(parse_iso_date("+024-06-30"));
  CHECK(zt::system::days_between(*parse_iso_date("2028-04-01"), *parse_iso_date("2028-06-30")) ==
        90);
}
