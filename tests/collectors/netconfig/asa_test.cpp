// The ASA parser and checks: the fixture configurations of tests/fixtures/hosts/netconfig-asa
// as exact sets of findings with their lines, and the parser on inline text.
#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "collectors/core/secret_evidence.hpp"
#include "collectors/netconfig/asa_checks.hpp"
#include "collectors/netconfig/asa_parser.hpp"
#include "collectors/netconfig/audit.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::netconfig;

namespace {

constexpr const char* kSalt = "fixture-salt";
const std::chrono::sys_days kToday{std::chrono::year{2026} / 12 / 1};

using Found = std::tuple<std::string, std::string, std::vector<LineNo>>;  // check, component, lines

AuditReport audit_fixture(std::string_view name) {
  const std::string text = zt::test::read_text(zt::test::fixture_host("netconfig-asa") / "srv/tftp/configs" / name);
  return audit_config(text, shipped_standards().set, AuditOptions{kToday, kSalt});
}

std::set<Found> found(const AuditReport& report) {
  std::set<Found> out;
  for (const AuditFinding& f : report.findings)
    out.emplace(f.issue.check_id, f.issue.component, f.issue.lines);
  return out;
}

}  // namespace

TEST_CASE("the hardened ASA gives no finding", "[unit]") {
  const AuditReport r = audit_fixture("fw-dc-01");
  CHECK(r.detection.vendor == Vendor::cisco_asa);
  CHECK(r.detection.status == ParsingStatus::parsed);
  CHECK(r.detection.firmware_version == "9.16(4)");
  REQUIRE(r.asa);
  CHECK(r.asa->hostname->value == "fw-dc-01");
  CHECK(r.asa->passwords.size() == 2);
  CHECK(found(r) == std::set<Found>{});
  CHECK(r.scores.overall_security == 100.0);
}

TEST_CASE("the weak ASA fires every ASA check, on exactly its lines", "[unit]") {
  const AuditReport r = audit_fixture("fw-branch-09");
  const zt::collector::SecretEvidence e = zt::collector::secret_evidence("public", kSalt);
  CHECK(found(r) == std::set<Found>{
      {"asa_cleartext_password", "enable password", {6}},
      {"asa_cleartext_password", "username admin", {8}},
      {"asa_telnet_management", "telnet outside", {24}},
      {"asa_telnet_management", "telnet inside", {25}},
      {"asa_http_open_outside", "http outside", {21, 22}},
      {"asa_ssh_version1", "global", {27}},
      {"asa_snmp_guessable_community", "snmp-server community " + e.masked + " (" + e.hash + ")", {23}},
      {"asa_logging_disabled", "global", {20}},
      {"asa_acl_permit_any_any", "access-list OUTSIDE_IN", {17}},
      {"asa_acl_permit_any_any", "access-list INSIDE_OUT", {18}},
  });
  std::set<std::string> all, seen;
  for (const AsaCheck& c : asa_checks()) all.insert(std::string(c.id));
  for (const AuditFinding& f : r.findings) {
    seen.insert(f.issue.check_id);
    CHECK(f.snippet.find("Cisc0-Enable") == std::string::npos);
    CHECK(f.snippet.find("Adm1n-Pass") == std::string::npos);
  }
  CHECK(seen == all);
  CHECK(r.parsed_data.dump().find("Cisc0-Enable") == std::string::npos);
}

TEST_CASE("the ASA parser reads what the checks need and ignores the rest", "[unit]") {
  const AsaConfig c = parse_asa(
      "ASA Version 9.8(4)\r\ntelnet timeout 5\r\n telnet 0.0.0.0 0.0.0.0 outside\r\n"
      "access-list A line 2 extended permit ip any6 any6\r\naccess-list B extended permit ip any host 192.0.2.1\r\n"
      "logging enable\r\nhttp 0.0.0.0 0.0.0.0 outside\r\n");
  CHECK(c.telnet.empty());
  REQUIRE(c.permit_any_any.size() == 1);
  CHECK((c.permit_any_any[0].acl == "A" && c.permit_any_any[0].line == 4));
  CHECK(c.logging_enable == std::optional<LineNo>{6});
  CHECK(c.http.size() == 1);
  CHECK(c.line_count == 7);
  // No `http server enable`: the http lines open nothing, and logging is on.
  const AuditReport r = audit_config("ASA Version 9.8(4)\nlogging enable\nhttp 0.0.0.0 0.0.0.0 outside\n",
                                     shipped_standards().set, AuditOptions{kToday, kSalt});
  CHECK(found(r) == std::set<Found>{});
}
