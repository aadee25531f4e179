// The Junos parser and checks: the fixture configurations of
// tests/fixtures/hosts/netconfig-junos in both forms (braces and `set`) as exact sets of
// findings with their lines, both forms of a configuration giving the same findings, and the
// parser's statements on inline text (lists, comments, inactive settings, cut files).
#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "collectors/core/secret_evidence.hpp"
#include "collectors/netconfig/audit.hpp"
#include "collectors/netconfig/junos_checks.hpp"
#include "collectors/netconfig/junos_parser.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::netconfig;

namespace {

constexpr const char* kSalt = "fixture-salt";
const std::chrono::sys_days kToday{std::chrono::year{2026} / 12 / 1};

using Found = std::tuple<std::string, std::string, std::vector<LineNo>>;  // check, component, lines
using Fired = std::pair<std::string, std::string>;                         // check, component

AuditReport audit_text(std::string_view text) {
  return audit_config(text, shipped_standards().set, AuditOptions{kToday, kSalt});
}

AuditReport audit_fixture(std::string_view name) {
  return audit_text(zt::test::read_text(zt::test::fixture_host("netconfig-junos") /
                                        "var/lib/rancid/junos/configs" / name));
}

std::set<Found> found(const AuditReport& report) {
  std::set<Found> out;
  for (const AuditFinding& f : report.findings)
    out.emplace(f.issue.check_id, f.issue.component, f.issue.lines);
  return out;
}

std::set<Fired> fired(const AuditReport& report) {
  std::set<Fired> out;
  for (const AuditFinding& f : report.findings) out.emplace(f.issue.check_id, f.issue.component);
  return out;
}

std::string community(std::string_view name) {
  const zt::collector::SecretEvidence e = zt::collector::secret_evidence(name, kSalt);
  return "snmp community " + e.masked + " (" + e.hash + ")";
}

std::vector<std::vector<std::string>> words_of(std::string_view text) {
  std::vector<std::vector<std::string>> out;
  for (const JunosStatement& s : read_junos_statements(text).statements) out.push_back(s.words);
  return out;
}

}  // namespace

TEST_CASE("the hardened Junos router gives no finding in either form", "[unit]") {
  for (const char* name : {"mx-core-01", "mx-core-01.set"}) {
    INFO(name);
    const AuditReport r = audit_fixture(name);
    CHECK(r.detection.vendor == Vendor::juniper_junos);
    CHECK(r.detection.status == ParsingStatus::parsed);
    CHECK(r.detection.firmware_version == "21.4R3-S5.4");
    REQUIRE(r.junos);
    CHECK(r.junos->host_name->value == "mx-core-01");
    CHECK(found(r) == std::set<Found>{});
    CHECK(r.notes == std::vector<std::string>{});
    CHECK(r.scores.overall_security == 100.0);
  }
}

TEST_CASE("the weak Junos firewall fires every Junos check but one, on exactly its lines", "[unit]") {
  const AuditReport braces = audit_fixture("srx-branch-02");
  REQUIRE(braces.junos);
  CHECK_FALSE(braces.junos->set_form);
  CHECK(found(braces) == std::set<Found>{
      {"junos_weak_password_hash", "root-authentication", {6}},
      {"junos_weak_password_hash", "login user admin", {13}},
      {"junos_cleartext_service", "system services ftp", {27}},
      {"junos_cleartext_service", "system services telnet", {32}},
      {"junos_cleartext_service", "system services web-management http", {34}},
      {"junos_ssh_version1", "system services ssh", {30}},
      {"junos_ssh_root_login", "system services ssh", {29}},
      {"junos_snmp_guessable_community", community("public"), {49}},
      {"junos_snmp_rw_community", community("Wr1te-Acc3ss-77"), {52, 53}},
      {"junos_no_remote_syslog", "global", {}},
      {"junos_ntp_unauthenticated", "global", {45}},
      {"junos_no_login_banner", "global", {}},
  });

  const AuditReport set = audit_fixture("srx-branch-02.set");
  REQUIRE(set.junos);
  CHECK(set.junos->set_form);
  CHECK(found(set) == std::set<Found>{
      {"junos_weak_password_hash", "root-authentication", {4}},
      {"junos_weak_password_hash", "login user admin", {7}},
      {"junos_cleartext_service", "system services ftp", {12}},
      {"junos_cleartext_service", "system services telnet", {16}},
      {"junos_cleartext_service", "system services web-management http", {17}},
      {"junos_ssh_version1", "system services ssh", {14}},
      {"junos_ssh_root_login", "system services ssh", {13}},
      {"junos_snmp_guessable_community", community("public"), {20}},
      {"junos_snmp_rw_community", community("Wr1te-Acc3ss-77"), {21}},
      {"junos_no_remote_syslog", "global", {}},
      {"junos_ntp_unauthenticated", "global", {19}},
      {"junos_no_login_banner", "global", {}},
  });
  // The same configuration in both forms: the same findings, line numbers aside.
  CHECK(fired(braces) == fired(set));
  CHECK(braces.scores.overall_security == set.scores.overall_security);
}

TEST_CASE("a Junos configuration without NTP fires junos_no_ntp, and every Junos check has fired",
          "[unit]") {
  const AuditReport r = audit_text(
      "set version 20.4R3.8\nset system host-name j2\nset system syslog host 192.0.2.9 any any\n"
      "set system login message \"authorized use only\"\n");
  CHECK(found(r) == std::set<Found>{{"junos_no_ntp", "global", {}}});
  std::set<std::string> all, seen{"junos_no_ntp"};
  for (const JunosCheck& c : junos_checks()) all.insert(std::string(c.id));
  for (const auto& [check, component] : fired(audit_fixture("srx-branch-02"))) seen.insert(check);
  CHECK(seen == all);
}

TEST_CASE("Junos findings carry masked snippets and their standard", "[unit]") {
  const AuditReport r = audit_fixture("srx-branch-02");
  for (const AuditFinding& f : r.findings) {
    CHECK(f.standard->vendor == "juniper_junos");
    CHECK(f.snippet.find("kT9sQ2wE") == std::string::npos);
    CHECK(f.snippet.find("Wr1te-Acc3ss") == std::string::npos);
    CHECK(f.snippet.find("public") == std::string::npos);
  }
  CHECK(r.parsed_data.dump().find("kT9sQ2wE") == std::string::npos);
  CHECK(r.parsed_data.at("form") == "braces");
}

TEST_CASE("the Junos reader gives the same statements for both forms", "[unit]") {
  const std::vector<std::vector<std::string>> expected{
      {"system", "services", "ssh", "protocol-version", "v1", "v2"},
      {"system", "login", "message", "a b; { c }"},
      {"snmp", "community", "x y", "authorization", "read-only"}};
  CHECK(words_of("system {\n  services { ssh { protocol-version [ v1 v2 ]; } }\n"
                 "  # a comment\n  login { message \"a b; { c }\"; /* a\n comment */ }\n}\n"
                 "snmp { community \"x y\" { authorization read-only; } }\n") == expected);
  CHECK(words_of("set system services ssh protocol-version [ v1 v2 ]\n"
                 "set system login message \"a b; { c }\"\n"
                 "set snmp community \"x y\" authorization read-only\n") == expected);
}

TEST_CASE("the Junos reader skips inactive settings and says when a file is cut", "[unit]") {
  CHECK(words_of("system {\n  inactive: services { telnet; }\n  inactive: ntp;\n  host-name a;\n}\n") ==
        std::vector<std::vector<std::string>>{{"system", "host-name", "a"}});
  CHECK(words_of("set system services telnet\nset system services ftp\ndeactivate system services telnet\n") ==
        std::vector<std::vector<std::string>>{{"system", "services", "ftp"}});
  const JunosStatements cut = read_junos_statements("system {\n  services {\n    telnet;\n");
  CHECK_FALSE(cut.balanced);
  CHECK(cut.statements.size() == 1);
  CHECK(cut.statements[0].lines == std::vector<LineNo>{1, 2, 3});
  CHECK_FALSE(read_junos_statements("}\nsystem { host-name a; }\n").balanced);
  const AuditReport r = audit_text("version 20.4R3.8;\nsystem {\n  services {\n    telnet;\n");
  CHECK(r.notes == std::vector<std::string>{
      "unbalanced braces: the file may be cut short; absent settings may be in the missing part"});
}
