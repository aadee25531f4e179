// Arista EOS: the fixture configurations of tests/fixtures/hosts/netconfig-eos as exact sets
// of findings with their lines, the EOS dialect of the parser on inline text, and EOS's
// detection (model, release) next to the IOS configurations it must not take.
#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "collectors/core/secret_evidence.hpp"
#include "collectors/netconfig/audit.hpp"
#include "collectors/netconfig/ios_parser.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::netconfig;

namespace {

constexpr const char* kSalt = "fixture-salt";
const std::chrono::sys_days kToday{std::chrono::year{2026} / 12 / 1};

using Found = std::tuple<std::string, std::string, std::vector<LineNo>>;  // check, component, lines

std::string fixture_text(std::string_view name) {
  return zt::test::read_text(zt::test::fixture_host("netconfig-eos") / "var/lib/rancid/arista/configs" / name);
}

AuditReport audit(std::string_view text) {
  return audit_config(text, shipped_standards().set, AuditOptions{kToday, kSalt});
}

std::set<Found> found(const AuditReport& report) {
  std::set<Found> out;
  for (const AuditFinding& f : report.findings)
    out.emplace(f.issue.check_id, f.issue.component, f.issue.lines);
  return out;
}

std::string community(std::string_view name) {
  const zt::collector::SecretEvidence e = zt::collector::secret_evidence(name, kSalt);
  return "snmp-server community " + e.masked + " (" + e.hash + ")";
}

}  // namespace

TEST_CASE("the hardened EOS switch gives no finding", "[unit]") {
  const AuditReport r = audit(fixture_text("leaf-dc-01"));
  CHECK(r.detection.vendor == Vendor::arista_eos);
  CHECK(r.detection.status == ParsingStatus::parsed);
  CHECK(r.detection.firmware_version == "4.30.5M");
  CHECK(r.detection.model == "DCS-7050SX3-48YC12");
  REQUIRE(r.ios);
  CHECK(r.ios->hostname->value == "leaf-dc-01");
  CHECK(r.ios->chassis->value == "DCS-7050SX3-48YC12");
  CHECK((r.ios->version->value == "4.30.5M" && r.ios->version->line == 2));
  CHECK(r.ios->users[0].secret->type == kSha512Type);
  CHECK(r.ios->banners.size() == 1);
  CHECK(r.ios->ends_with_end);
  CHECK(found(r) == std::set<Found>{});
  CHECK(r.notes.empty());
  CHECK(r.scores.overall_security == 100.0);
}

TEST_CASE("the weak EOS switch fires every EOS check, on exactly its lines", "[unit]") {
  const AuditReport r = audit(fixture_text("spine-lab-02"));
  CHECK(r.detection.firmware_version == "4.26.4M");
  CHECK(found(r) == std::set<Found>{
      {"eos_cleartext_password", "username ops", {9}},
      {"eos_cleartext_password", "enable secret", {23}},
      {"eos_md5_secret", "username backup", {10}},
      {"eos_user_nopassword", "username admin", {8}},
      {"eos_telnet_enabled", "management telnet", {53, 54}},
      {"eos_ssh_idle_timeout_disabled", "management ssh", {50, 51}},
      {"eos_ssh_no_access_group", "management ssh", {50}},
      {"eos_eapi_plain_http", "management api http-commands", {46, 47, 48}},
      {"eos_no_aaa_authentication", "global", {}},
      {"eos_aaa_root_enabled", "aaa root", {6}},
      {"eos_proxy_arp", "interface Ethernet1", {25, 29}},
      {"eos_lldp_external", "interface Ethernet1", {25, 26}},
      {"eos_firmware_end_of_support", "version 4.26.4M", {2}},
      {"eos_no_login_banner", "global", {}},
      {"eos_snmp_guessable_community", community("public"), {16}},
      {"eos_snmp_rw_community", community("Rw-Acc3ss-2024"), {17}},
      {"eos_snmp_community_no_acl", community("public"), {16}},
      {"eos_snmp_community_no_acl", community("Rw-Acc3ss-2024"), {17}},
      {"eos_snmp_v1_v2c", "snmp-server", {16, 17, 18}},
      {"eos_snmp_v3_without_priv", "snmp-server group OPS", {19}},
      {"eos_directed_broadcast", "interface Ethernet1", {25, 28}},
      {"eos_unused_interface_up", "interface Ethernet2", {32}},
      {"eos_no_remote_syslog", "global", {}},
      {"eos_ntp_unauthenticated", "global", {21}},
      {"eos_acl_shadowed_entry", "ip access-list EDGE-IN: permit tcp 203.0.113.0/25 any eq ssh", {42, 43}},
      {"eos_acl_permit_any_any", "ip access-list EDGE-IN", {44}},
      {"eos_acl_undefined", "access-list MGMT-IN", {39}},
  });
  // Every EOS check fires but eos_no_ntp, which cannot next to eos_ntp_unauthenticated.
  std::set<std::string> all, seen;
  for (const Check& c : eos_checks()) all.insert(std::string(c.id));
  all.erase("eos_no_ntp");
  for (const AuditFinding& f : r.findings) {
    seen.insert(f.issue.check_id);
    CHECK(f.standard->vendor == "arista_eos");
    for (const char* secret : {"Ar1staW3ak!", "En4bleMe!", "Rw-Acc3ss-2024", "$1$Zq3x$Y7fK"})
      CHECK(f.snippet.find(secret) == std::string::npos);
  }
  CHECK(seen == all);
  const std::string model = r.parsed_data.dump();
  for (const char* secret : {"Ar1staW3ak!", "En4bleMe!", "Rw-Acc3ss-2024"}) CHECK(model.find(secret) == std::string::npos);
  CHECK(r.scores.overall_security < 50.0);
}

TEST_CASE("an EOS switch without NTP fires eos_no_ntp, and the IOS defaults EOS does not share stay quiet",
          "[unit]") {
  // No `service password-encryption`, `aaa new-model`, `ip ssh version 2` or `no ip
  // source-route`: IOS checks that would fire here, and that EOS does not run.
  const AuditReport r = audit(
      "! device: s1 (DCS-7010T-48, EOS-4.31.2F)\nhostname s1\nlogging host 192.0.2.20\n"
      "aaa authentication login default local\nbanner motd\nHello\nEOF\nmanagement ssh\n"
      "   idle-timeout 5\n   ip access-group SSH in\nip access-list standard SSH\n   10 permit 192.0.2.0/24\nend\n");
  CHECK(r.detection.model == "DCS-7010T-48");
  CHECK(found(r) == std::set<Found>{{"eos_no_ntp", "global", {}}});
}

TEST_CASE("the EOS dialect reads EOS's stanzas, and IOS keeps its own reading", "[unit]") {
  const std::string text =
      "! device: sw (vEOS-lab, EOS-4.28.3M)\r\n"
      "banner login\r\nip access-list NOT-A-LIST\r\nEOF\r\n"
      "ip access-list OPEN\r\n   counters per-entry\r\n   10 remark anything\r\n   20 permit ip 10.0.0.0/8 any\r\n"
      "management api http-commands\r\n   protocol http localhost\r\n   no shutdown\r\n   !\r\n   vrf MGMT\r\n"
      "      no shutdown\r\n      ip access-group API\r\n"
      "username u privilege 15 secret sha512 $6$abc$def\r\nno lldp run\r\nlogging vrf MGMT host 192.0.2.9\r\n"
      "ntp authenticate servers\r\n";
  const IosConfig eos = parse_ios(text, Dialect::eos);
  CHECK((eos.chassis->value == "vEOS-lab" && eos.version->value == "4.28.3M"));
  REQUIRE(eos.acls.size() == 1);  // the banner's text is not a list
  CHECK((eos.acls[0].name == "OPEN" && eos.acls[0].kind == AclKind::extended && eos.acls[0].kind_implied &&
         eos.acls[0].line == 5));
  REQUIRE(eos.acls[0].entries.size() == 1);
  const AclEntry& e = eos.acls[0].entries[0];
  CHECK((e.line == 8 && e.text == "permit ip 10.0.0.0/8 any" && e.understood &&
         e.source == AddressMatch{0x0a000000u, 0x00ffffffu}));
  REQUIRE(eos.management.size() == 1);
  const ManagementService& api = eos.management[0];
  CHECK((api.name == "management api http-commands" && api.line == 9 && !api.protocol_http &&
         api.no_shutdown == std::optional<LineNo>{11} && api.access_group->value == "API"));
  REQUIRE(eos.users.size() == 1);
  CHECK((eos.users[0].secret->type == kSha512Type && eos.users[0].secret->value == "$6$abc$def"));
  CHECK(eos.no_lldp_run == std::optional<LineNo>{17});
  CHECK((eos.logging_hosts.size() == 1 && eos.logging_hosts[0].value == "192.0.2.9"));
  CHECK(eos.ntp_authenticate == std::optional<LineNo>{19});
  CHECK(eos.line_count == 19);
  CHECK_FALSE(eos.ends_with_end);
  // IOS: no `! device:` reading, `banner login` without a delimiter opens nothing, and a
  // three-word `ip access-list` is not a list.
  const IosConfig ios = parse_ios(text);
  CHECK((!ios.chassis && !ios.version && ios.banners.empty() && ios.acls.empty() && ios.management.empty()));
}

TEST_CASE("EOS is told apart from IOS by its own signs only", "[unit]") {
  const Detection command = detect_vendor("! Command: show running-config\nhostname leaf1\ninterface Ethernet1\n");
  CHECK((command.vendor == Vendor::arista_eos && command.status == ParsingStatus::parsed &&
         command.firmware_version.empty() && command.model.empty()));
  const Detection eapi = detect_vendor("hostname leaf2\n!\nmanagement api http-commands\n   no shutdown\n");
  CHECK(eapi.vendor == Vendor::arista_eos);
  const Detection boot = detect_vendor("! boot system flash:/EOS-4.28.3M.swi\nhostname leaf3\n");
  CHECK((boot.vendor == Vendor::arista_eos && boot.firmware_version == "4.28.3M" && boot.model.empty()));
  // IOS configurations with lines EOS also has stay IOS.
  for (const char* ios : {"version 15.2\nhostname r1\ninterface Ethernet1\n ip address 10.0.0.1 255.0.0.0\n"
                          "ip access-list extended X\n permit ip any any\nlldp run\nbanner login ^CHi^C\nend\n",
                          "!Command: show running-config\nversion 15.2\nhostname r2\n"}) {
    const Detection d = detect_vendor(ios);
    CHECK((d.vendor == Vendor::cisco_ios && d.model.empty()));
  }
}

TEST_CASE("truncated and malformed EOS configurations are audited as far as they go", "[unit]") {
  const std::string full = fixture_text("spine-lab-02");
  // Cut inside the eAPI block: what was read is audited, the missing `end` is noted.
  const AuditReport cut = audit(full.substr(0, full.find("   no shutdown")));
  CHECK(cut.detection.vendor == Vendor::arista_eos);
  REQUIRE(cut.ios);
  CHECK_FALSE(cut.ios->ends_with_end);
  CHECK(cut.notes == std::vector<std::string>{
      "no final 'end': the file may be cut short; absent commands may be in the missing part"});
  std::set<std::string> ids;
  for (const AuditFinding& f : cut.findings) ids.insert(f.issue.check_id);
  CHECK(ids.count("eos_cleartext_password") == 1);
  CHECK(ids.count("eos_eapi_plain_http") == 0);  // its `no shutdown` was cut off
  // Broken lines: a `! device:` without parentheses, a bad prefix, a lone `management`, an
  // unterminated banner swallowing the rest.
  const AuditReport broken = audit(
      "! device: sw\nip access-list A\n   10 permit ip 10.0.0.0/99 any\n   20 permit ip 10.0.0.0/ any\n"
      "management\nusername x secret\nbanner login\nntp server 192.0.2.1\n");
  CHECK(broken.detection.vendor == Vendor::arista_eos);
  CHECK((broken.detection.model.empty() && broken.detection.firmware_version.empty()));
  REQUIRE(broken.ios);
  REQUIRE(broken.ios->acls.size() == 1);
  for (const AclEntry& e : broken.ios->acls[0].entries) CHECK_FALSE(e.understood);
  CHECK(broken.ios->ntp_servers.empty());
  CHECK(broken.ios->users.size() == 1);
  CHECK_FALSE(broken.ios->users[0].secret);
}
