// The shipped rule packs (conf/compliance) evaluated on the fixture hosts cis-debian12-pass
// and cis-debian12-fail (tests/fixtures/hosts, see their README.md): exact sets of statuses,
// the control list of the benchmark, and the Ubuntu pack on a Debian host.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "collectors/compliance/evaluator.hpp"
#include "collectors/compliance/host_view.hpp"
#include "collectors/compliance/pack_loader.hpp"
#include "collectors/core/host_fs.hpp"
#include "collectors/core/os_release.hpp"
#include "tests/support/temp_tree.hpp"

namespace fs = std::filesystem;
using zt::compliance::Pack;
using zt::compliance::Status;
using zt::test::TempTree;

namespace {

const fs::path kSource = ZT_SOURCE_DIR;

Pack load(const std::string& name) {
  const fs::path path = kSource / "conf/compliance" / name;
  const auto loaded = zt::compliance::parse_pack(zt::test::read_text(path), path.string());
  for (const std::string& e : loaded.errors) UNSCOPED_INFO(e);
  REQUIRE(loaded.errors.empty());
  REQUIRE(loaded.pack.has_value());
  return *loaded.pack;
}

// A copy of a fixture host with the modes and owners of its .modes file applied
// ("path mode uid gid" per line). Owners need root: false when not root.
bool prepare_host(const std::string& name, const TempTree& tree) {
  if (::geteuid() != 0) return false;
  tree.copy_from(zt::test::fixture_host(name));
  std::istringstream modes(zt::test::read_text(zt::test::fixture_host(name + ".modes")));
  std::string line;
  while (std::getline(modes, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string path, mode;
    unsigned uid = 0, gid = 0;
    fields >> path >> mode >> uid >> gid;
    const fs::path full = tree.root() / path;
    INFO(line);
    REQUIRE(fs::exists(fs::symlink_status(full)));
    REQUIRE(::lchown(full.c_str(), uid, gid) == 0);
    REQUIRE(::chmod(full.c_str(), static_cast<mode_t>(std::stoul(mode, nullptr, 8))) == 0);
  }
  return true;
}

using Results = std::vector<zt::compliance::ControlResult>;

Results run(const Pack& pack, const fs::path& root) {
  const zt::collector::HostFs host_fs(root);
  zt::compliance::HostView view(host_fs);
  std::optional<zt::collector::OsRelease> os;
  if (auto r = zt::collector::read_host_os_release(host_fs); r) os = *r;
  return zt::compliance::evaluate_pack(pack, os, {}, view);
}

std::set<std::string> ids_with(const Results& results, Status status) {
  std::set<std::string> out;
  for (const auto& r : results)
    if (r.outcome.status == status) out.insert(r.control->id);
  return out;
}

std::set<std::string> decided_ids(const Pack& pack) {
  std::set<std::string> out;
  for (const auto& c : pack.controls)
    if (c.check) out.insert(c.id);
  return out;
}

// The fixtures' fake secrets: a password hash, the GRUB password hash, a host key, a .netrc
// password. No evidence item may carry one.
void check_no_secret(const Results& results) {
  for (const auto& r : results)
    for (const auto& e : r.outcome.evidence) {
      INFO(r.control->id << " " << e.probe << " " << e.path << ": " << e.observed);
      for (const char* secret : {"notarealhash", "NOTAREALHASH", "FIXTURE-NOT-A-KEY", "password fixture", "$1$fixture"})
        CHECK(e.observed.find(secret) == std::string::npos);
    }
}

std::string describe(const zt::compliance::ControlResult& r) {
  std::ostringstream out;
  out << r.control->id << " " << zt::compliance::to_string(r.outcome.status) << ":";
  for (const auto& e : r.outcome.evidence)
    out << "\n  " << e.probe << " " << e.path << ":" << e.line << " observed=" << e.observed
        << " expected=" << e.expected;
  return out.str();
}

// The fixture's dpkg status without the `remove` packages and with the `add` ones installed.
void set_packages(const TempTree& tree, const std::set<std::string>& add,
                  const std::set<std::string>& remove) {
  const fs::path status = tree.root() / "var/lib/dpkg/status";
  std::istringstream in(zt::test::read_text(status));
  std::string out, stanza, line;
  const auto flush = [&] {
    if (stanza.empty()) return;
    const auto name = stanza.substr(9, stanza.find('\n') - 9);  // "Package: <name>"
    if (remove.count(name) == 0) out += stanza + "\n";
    stanza.clear();
  };
  while (std::getline(in, line)) {
    if (line.empty()) flush();
    else stanza += line + "\n";
  }
  flush();
  for (const auto& name : add)
    out += "Package: " + name + "\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.0-1\n\n";
  tree.write("var/lib/dpkg/status", out);
}

// The statuses of the controls of section 4 (the firewall), by id.
std::map<std::string, Status> firewall_statuses(const Results& results) {
  std::map<std::string, Status> out;
  for (const auto& r : results)
    if (r.control->id.starts_with("4.") && r.control->check) out[r.control->id] = r.outcome.status;
  return out;
}

// Not applicable by design on the pass host: the alternatives the site did not choose.
const std::set<std::string> kPassNotApplicable = {
    "1.7.10",                                                     // no gdm3
    "2.3.3.1", "2.3.3.2", "2.3.3.3",                              // timesyncd, not chrony
    "4.2.1", "4.2.2", "4.2.3", "4.2.4", "4.2.7",                  // nftables, not ufw
    "4.4.1.1", "4.4.1.2", "4.4.1.3", "4.4.2.1", "4.4.2.2", "4.4.3.1", "4.4.3.2",  // nor iptables
    "6.1.2.1.1", "6.1.2.1.2", "6.1.2.1.3", "6.1.2.2",             // rsyslog, not journald alone
};

// Not applicable on the fail host: alternatives that cannot apply together with the ones
// that fail there (ufw is installed, rsyslog is not).
const std::set<std::string> kFailNotApplicable = {
    "4.2.1", "4.3.1", "4.4.1.1",                                      // a firewall is installed
    "4.3.4", "4.3.5", "4.3.6", "4.3.8", "4.3.9", "4.3.10",            // nftables is not the choice
    "4.4.2.1", "4.4.2.2", "4.4.3.1", "4.4.3.2",                       // nor iptables (ufw is)
    "6.1.3.2", "6.1.3.3", "6.1.3.4", "6.1.3.7",                       // rsyslog not installed
};

}  // namespace

TEST_CASE("cis packs: both packs load with no error", "[unit][compliance]") {
  const Pack debian = load("cis_debian12.yaml");
  CHECK(debian.id == "cis_debian12");
  CHECK(debian.controls.size() == 312);
  const Pack ubuntu = load("cis_ubuntu2204.yaml");
  CHECK(ubuntu.id == "cis_ubuntu2204");
  for (const Pack* pack : {&debian, &ubuntu})
    for (const auto& c : pack->controls) {
      INFO(pack->id << " " << c.id);
      CHECK(!c.title.empty());
      CHECK(!c.section.empty());
      CHECK(!c.description.empty());
      CHECK(!c.remediation.empty());
      CHECK(c.references.cis == c.id);
      CHECK((c.check.has_value() != !c.manual.empty()));  // decided, or manual with a reason
    }
}

TEST_CASE("cis packs: the Debian pack's controls are the benchmark's, exactly", "[unit][compliance]") {
  // id -> (profile, title) from the cut-down list of CIS Debian Linux 12 v1.1.0.
  std::map<std::string, std::pair<std::string, std::string>> expected;
  std::istringstream list(zt::test::read_text(
      kSource / "tests/collectors/compliance/packs/cis_debian12_v1.1.0_controls.txt"));
  std::string line;
  while (std::getline(list, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab1 = line.find('\t');
    const auto tab2 = line.find('\t', tab1 + 1);
    REQUIRE(tab2 != std::string::npos);
    expected[line.substr(0, tab1)] = {line.substr(tab1 + 1, tab2 - tab1 - 1), line.substr(tab2 + 1)};
  }
  REQUIRE(expected.size() == 312);

  std::map<std::string, std::pair<std::string, std::string>> actual;
  for (const auto& c : load("cis_debian12.yaml").controls) {
    INFO(c.id);
    REQUIRE(c.profiles.size() == 1);
    CHECK(actual.emplace(c.id, std::make_pair(c.profiles[0], c.title)).second);
  }
  CHECK(actual == expected);
}

TEST_CASE("cis packs: coverage of the Debian pack by section", "[unit][compliance]") {
  std::map<std::string, std::pair<int, int>> by_section;  // decided, manual
  for (const auto& c : load("cis_debian12.yaml").controls) {
    auto& counts = by_section[c.id.substr(0, c.id.find('.'))];
    (c.check ? counts.first : counts.second)++;
  }
  const std::map<std::string, std::pair<int, int>> expected = {
      {"1", {54, 12}}, {"2", {42, 1}}, {"3", {17, 1}}, {"4", {21, 8}},
      {"5", {66, 5}},  {"6", {54, 8}}, {"7", {19, 4}}};
  CHECK(by_section == expected);  // 273 decided, 39 manual
}

TEST_CASE("cis packs: every decided Debian control passes on the pass host", "[unit][compliance]") {
  TempTree tree;
  if (!prepare_host("cis-debian12-pass", tree)) {
    WARN("skipped: the fixture's owners need root");
    return;
  }
  const Pack pack = load("cis_debian12.yaml");
  const Results results = run(pack, tree.root());
  REQUIRE(results.size() == pack.controls.size());
  for (const auto& r : results) {
    INFO(describe(r));
    CHECK(r.outcome.status != Status::fail);
    CHECK(r.outcome.status != Status::error);
  }
  CHECK(ids_with(results, Status::not_applicable) == kPassNotApplicable);
  CHECK(ids_with(results, Status::manual).size() == 39);
  std::set<std::string> passing = decided_ids(pack);
  for (const auto& id : kPassNotApplicable) passing.erase(id);
  CHECK(ids_with(results, Status::pass) == passing);
  check_no_secret(results);
}

TEST_CASE("cis packs: every decided Debian control fails on the fail host, with evidence",
          "[unit][compliance]") {
  TempTree tree;
  if (!prepare_host("cis-debian12-fail", tree)) {
    WARN("skipped: the fixture's owners need root");
    return;
  }
  const Pack pack = load("cis_debian12.yaml");
  const Results results = run(pack, tree.root());
  std::set<std::string> failing = decided_ids(pack);
  for (const auto& id : kFailNotApplicable) failing.erase(id);
  for (const auto& r : results) {
    INFO(describe(r));
    CHECK(r.outcome.status != Status::error);
    if (failing.count(r.control->id) != 0) {
      CHECK(r.outcome.status == Status::fail);
      CHECK(!r.outcome.evidence.empty());
    }
  }
  CHECK(ids_with(results, Status::fail) == failing);
  CHECK(ids_with(results, Status::not_applicable) == kFailNotApplicable);
  check_no_secret(results);
}

TEST_CASE("cis packs: the firewall the host chose decides which section 4 controls apply",
          "[unit][compliance]") {
  const Pack pack = load("cis_debian12.yaml");
  constexpr Status P = Status::pass, F = Status::fail, N = Status::not_applicable;
  TempTree tree;

  SECTION("iptables-persistent, well configured: 4.4 passes, 4.2 and 4.3 do not apply") {
    if (!prepare_host("cis-debian12-pass", tree)) {
      WARN("skipped: the fixture's owners need root");
      return;
    }
    set_packages(tree, {"iptables-persistent"}, {"nftables"});
    fs::remove(tree.root() / "etc/systemd/system/sysinit.target.wants/nftables.service");
    tree.write("usr/lib/systemd/system/netfilter-persistent.service", "[Unit]\n");
    tree.symlink("/usr/lib/systemd/system/netfilter-persistent.service",
                 "etc/systemd/system/multi-user.target.wants/netfilter-persistent.service");
    const std::string rules =
        "*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT DROP [0:0]\n"
        "-A INPUT -i lo -j ACCEPT\n-A OUTPUT -o lo -j ACCEPT\n";
    tree.write("etc/iptables/rules.v4", rules + "-A INPUT -s 127.0.0.0/8 -j DROP\nCOMMIT\n");
    tree.write("etc/iptables/rules.v6", rules + "-A INPUT -s ::1 -j DROP\nCOMMIT\n");
    const std::map<std::string, Status> expected = {
        {"4.1.1", P},   {"4.2.1", N},   {"4.2.2", N},   {"4.2.3", N},   {"4.2.4", N},
        {"4.2.7", N},   {"4.3.1", N},   {"4.3.2", N},   {"4.3.4", N},   {"4.3.5", N},
        {"4.3.6", N},   {"4.3.8", N},   {"4.3.9", N},   {"4.3.10", N},  {"4.4.1.1", P},
        {"4.4.1.2", P}, {"4.4.1.3", P}, {"4.4.2.1", P}, {"4.4.2.2", P}, {"4.4.3.1", P},
        {"4.4.3.2", P}};
    CHECK(firewall_statuses(run(pack, tree.root())) == expected);
  }

  SECTION("nftables installed alone, not enabled and without rules: 4.3 fails") {
    if (!prepare_host("cis-debian12-fail", tree)) {
      WARN("skipped: the fixture's owners need root");
      return;
    }
    set_packages(tree, {}, {"ufw", "iptables-persistent"});
    fs::remove(tree.root() / "etc/systemd/system/sysinit.target.wants/nftables.service");
    const std::map<std::string, Status> expected = {
        {"4.1.1", F},   {"4.2.1", F},   {"4.2.2", N},   {"4.2.3", N},   {"4.2.4", N},
        {"4.2.7", N},   {"4.3.1", P},   {"4.3.2", N},   {"4.3.4", F},   {"4.3.5", F},
        {"4.3.6", F},   {"4.3.8", F},   {"4.3.9", F},   {"4.3.10", F},  {"4.4.1.1", F},
        {"4.4.1.2", N}, {"4.4.1.3", N}, {"4.4.2.1", N}, {"4.4.2.2", N}, {"4.4.3.1", N},
        {"4.4.3.2", N}};
    CHECK(firewall_statuses(run(pack, tree.root())) == expected);
  }
}

TEST_CASE("cis packs: every decided Ubuntu control passes on the Ubuntu pass host",
          "[unit][compliance]") {
  TempTree tree;
  if (!prepare_host("cis-ubuntu2204-pass", tree)) {
    WARN("skipped: the fixture's owners need root");
    return;
  }
  const Pack pack = load("cis_ubuntu2204.yaml");
  const Results results = run(pack, tree.root());
  for (const auto& r : results) {
    INFO(describe(r));
    CHECK((r.outcome.status == Status::pass || r.outcome.status == Status::manual));
  }
  CHECK(ids_with(results, Status::pass) == decided_ids(pack));
  check_no_secret(results);

  // and the Debian pack applies to none of it
  const Pack debian = load("cis_debian12.yaml");  // results point into it
  for (const auto& r : run(debian, tree.root())) {
    INFO(describe(r));
    CHECK(r.outcome.status == Status::not_applicable);
  }
}

TEST_CASE("cis packs: the Ubuntu pack does not apply to a Debian host", "[unit][compliance]") {
  const Pack pack = load("cis_ubuntu2204.yaml");
  const Results results = run(pack, zt::test::fixture_host("cis-debian12-pass"));
  REQUIRE(results.size() == pack.controls.size());
  for (const auto& r : results) {
    INFO(describe(r));
    CHECK(r.outcome.status == Status::not_applicable);
  }
}
