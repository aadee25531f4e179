#include "collectors/netconfig/audit.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "collectors/core/secret_evidence.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::netconfig;
using zt::test::fixture_host;
using zt::test::read_text;

namespace {

constexpr const char* kSalt = "fixture-salt";
const std::chrono::sys_days kToday{std::chrono::year{2026} / 12 / 1};

using Found = std::tuple<std::string, std::string, std::vector<LineNo>>;  // check, component, lines

AuditReport audit_fixture(std::string_view tree, std::string_view path) {
  const std::string text = read_text(fixture_host(tree) / path);
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

constexpr std::string_view kWeakRouter = "home/oxidized/.config/oxidized/configs/branch/rtr-branch-07";
constexpr std::string_view kWeakSwitch = "home/oxidized/.config/oxidized/configs/branch/sw-access-03";

}  // namespace

TEST_CASE("the hardened IOS configuration gives no finding", "[unit]") {
  const AuditReport r = audit_fixture("netconfig-hardened", "var/lib/rancid/core/configs/rtr-core-01.example.net");
  CHECK(r.detection.vendor == Vendor::cisco_ios);
  CHECK(r.detection.firmware_version == "15.9(3)M9");  // the image; the train is "version 15.9"
  REQUIRE(r.ios);
  CHECK(r.ios->chassis->value == "CISCO2911/K9 - a 2900 router");
  CHECK(found(r) == std::set<Found>{});
  CHECK(r.notes == std::vector<std::string>{});
  CHECK(r.scores.overall_security == 100.0);
  CHECK(r.scores.overall_risk == 0.0);
  CHECK(r.scores.compliance == std::map<std::string, double>{
                                   {"cis_cisco_ios_15", 100.0}, {"nist_800_53", 100.0}, {"pci_dss_4", 100.0}});
}

TEST_CASE("the weak IOS router fires every check but one, on exactly its lines", "[unit]") {
  const AuditReport r = audit_fixture("netconfig-weak", kWeakRouter);
  CHECK(r.detection.firmware_version == "12.4");
  const std::set<Found> expected{
      // passwords
      {"ios_enable_password", "enable password", {13}},
      {"ios_type7_password", "enable password", {13}},
      {"ios_type7_password", "username admin", {15}},
      {"ios_type7_password", "line con 0", {82}},
      {"ios_type7_password", "line vty 0 4", {84}},
      {"ios_type5_secret", "enable secret", {12}},
      {"ios_type5_secret", "username ops", {17}},
      {"ios_no_password_encryption", "global", {}},
      {"ios_local_user_weak_password", "username admin", {15}},
      {"ios_local_user_weak_password", "username backup", {16}},
      // management plane
      {"ios_vty_telnet", "line vty 0 4", {83, 86}},
      {"ios_vty_telnet", "line vty 5 15", {87}},
      {"ios_vty_no_access_class", "line vty 0 4", {83}},
      {"ios_vty_no_access_class", "line vty 5 15", {87}},
      {"ios_exec_timeout_disabled", "line con 0", {80, 81}},
      {"ios_ssh_version1", "global", {23}},
      {"ios_http_server", "global", {22}},
      {"ios_no_aaa_new_model", "global", {}},
      {"ios_no_login_banner", "global", {}},
      {"ios_no_login_block", "global", {}},
      // SNMP
      {"ios_snmp_guessable_community", community("public"), {70}},
      {"ios_snmp_rw_community", community("Wr1teAcc3ss!"), {71}},
      {"ios_snmp_community_no_acl", community("public"), {70}},
      {"ios_snmp_v1_v2c", "snmp-server", {70, 71}},
      {"ios_snmp_v3_without_priv", "snmp-server group LEGACY", {72}},
      // routing and services
      {"ios_ip_source_route", "global", {19}},
      {"ios_proxy_arp", "interface FastEthernet0/0", {37, 39}},
      {"ios_proxy_arp", "interface FastEthernet0/1", {44, 46}},
      {"ios_directed_broadcast", "interface FastEthernet0/0", {37, 41}},
      {"ios_cdp_lldp_external", "interface FastEthernet0/0", {37, 42}},
      {"ios_unused_interface_up", "interface FastEthernet0/2", {50}},
      {"ios_small_servers", "global", {7, 8}},
      {"ios_finger", "global", {21}},
      {"ios_bootp_server", "global", {20}},
      // logging and time
      {"ios_no_remote_syslog", "global", {}},
      {"ios_ntp_unauthenticated", "global", {74}},
      {"ios_no_timestamps", "global", {6}},
      // crypto
      {"ios_ike_weak_encryption", "crypto isakmp policy 10", {26, 27}},
      {"ios_ike_weak_encryption", "crypto isakmp policy 20", {31}},
      {"ios_ike_weak_hash", "crypto isakmp policy 10", {26, 28}},
      {"ios_ike_weak_dh_group", "crypto isakmp policy 10", {26, 30}},
      {"ios_ike_weak_dh_group", "crypto isakmp policy 20", {31}},
      {"ios_ipsec_weak_transform", "crypto ipsec transform-set LEGACY", {35}},
      // access lists: overlapping subnets (55 inside 54), a port inside a range (57 in 56),
      // established (59 after 58); 60 is live (58 needs ACK or RST, 60 does not)
      {"ios_acl_shadowed_entry", "access-list 101: permit tcp 10.1.0.0 0.0.255.255 any eq www", {54, 55}},
      {"ios_acl_shadowed_entry", "access-list 101: deny tcp any any eq 1500", {56, 57}},
      {"ios_acl_shadowed_entry", "access-list 101: permit tcp any any eq 443 established", {58, 59}},
      {"ios_acl_shadowed_entry", "ip access-list extended WAN-IN: deny udp any any eq snmp", {65, 66}},
      {"ios_acl_permit_any_any", "access-list 101", {61}},
      {"ios_acl_permit_any_any", "ip access-list extended WAN-IN", {65}},
      {"ios_acl_undefined", "access-list 150", {47}},
      // firmware
      {"ios_firmware_end_of_support", "version 12.4", {4}},
  };
  CHECK(found(r) == expected);
  CHECK(r.notes == std::vector<std::string>{});
}

TEST_CASE("the weak switch fires the checks the router cannot", "[unit]") {
  const AuditReport r = audit_fixture("netconfig-weak", kWeakSwitch);
  CHECK(found(r) == std::set<Found>{{"ios_no_ntp", "global", {}}, {"ios_acl_undefined", "access-list 5", {31}}});
}

TEST_CASE("between them the weak configurations fire every check", "[unit]") {
  std::set<std::string> fired, all;
  for (std::string_view path : {kWeakRouter, kWeakSwitch})
    for (const Found& f : found(audit_fixture("netconfig-weak", path))) fired.insert(std::get<0>(f));
  for (const Check& c : ios_checks()) all.insert(std::string(c.id));
  CHECK(fired == all);
}

TEST_CASE("findings carry masked snippets, their standard and a detail without secrets", "[unit]") {
  const AuditReport r = audit_fixture("netconfig-weak", kWeakRouter);
  std::map<std::pair<std::string, std::string>, const AuditFinding*> by;
  for (const AuditFinding& f : r.findings) by[{f.issue.check_id, f.issue.component}] = &f;
  const AuditFinding* enable = by.at({"ios_type7_password", "enable password"});
  CHECK(enable->snippet == "enable password 7 082…");
  CHECK(enable->issue.detail == "the type 7 value decodes to a 5-character password");
  CHECK(enable->standard->id == "ios_type7_password");
  CHECK(by.at({"ios_vty_telnet", "line vty 0 4"})->snippet == "line vty 0 4\n transport input telnet ssh");
  CHECK(by.at({"ios_snmp_v1_v2c", "snmp-server"})->snippet ==
        "snmp-server community p… RO\nsnmp-server community Wr1… RW 10");
  CHECK(by.at({"ios_acl_shadowed_entry", "access-list 101: deny tcp any any eq 1500"})->issue.detail ==
        "never matched: line 56 (permit tcp any any range 1000 2000) matches all of it first, "
        "with the opposite action");
  CHECK(by.at({"ios_firmware_end_of_support", "version 12.4"})->issue.detail ==
        "support ended on 2016-01-31 (Cisco EoL bulletin, IOS 12.4 and 12.4T (date not re-checked))");
  // The decoded type 7 passwords ("cisco", "class", "abcdef"; "class" is also in the words
  // "access-class", so only where no such word is), the clear-text one, the communities, the
  // IKE key, a type 7 value and an MD5 hash.
  for (const AuditFinding& f : r.findings) {
    CHECK(f.snippet.find("class") == std::string::npos);
    for (std::string_view secret : {"cisco", "abcdef", "backup123", "public", "Wr1teAcc3ss!",
                                    "SharedKey123", "0822455D0A16", "hx5rVt7rPNoS4wqbXKX7m0"}) {
      INFO(f.issue.check_id << " " << f.issue.component);
      CHECK(f.snippet.find(secret) == std::string::npos);
      CHECK(f.issue.detail.find(secret) == std::string::npos);
      CHECK(f.issue.component.find(secret) == std::string::npos);
    }
  }
}

TEST_CASE("parsed_data is the model with its lines and without a secret", "[unit]") {
  const AuditReport r = audit_fixture("netconfig-weak", kWeakRouter);
  const nlohmann::json& d = r.parsed_data;
  CHECK(d.at("hostname") == nlohmann::json{{"value", "rtr-branch-07"}, {"line", 10}});
  CHECK(d.at("interfaces").at(0).at("name") == "FastEthernet0/0");
  CHECK(d.at("interfaces").at(0).at("line") == 37);
  CHECK(d.at("enable_password").at("type") == 7);
  CHECK(d.at("enable_password").at("evidence").at("masked") == "082…");
  CHECK(d.at("acls").at(1).at("entries").at(1) ==
        nlohmann::json{{"line", 55}, {"text", "permit tcp 10.1.0.0 0.0.255.255 any eq www"}});
  CHECK(d.at("snmp").at("communities").at(1).at("access") == "RW");
  const std::string text = d.dump();
  for (std::string_view secret : {"0822455D0A16", "backup123", "\"public\"", "Wr1teAcc3ss!", "hx5rVt7rPNoS4wqbXKX7m0",
                                  "13061B13181F", "104F0B1A011214"}) {
    INFO(secret);
    CHECK(text.find(secret) == std::string::npos);
  }
  const AuditReport asa = audit_fixture("netconfig-weak", "home/oxidized/.config/oxidized/configs/asa-edge-01");
  CHECK(asa.parsed_data.at("vendor") == "cisco_asa");
  CHECK(asa.parsed_data.dump().find("8Ry2YjIyt7RRXU24") == std::string::npos);
  // A file that is not parsed has no model.
  const AuditReport xr = audit_config("!! IOS XR Configuration 7.3.2\nhostname xr1\n",
                                      shipped_standards().set, AuditOptions{kToday, kSalt});
  CHECK(xr.parsed_data.is_null());
}

TEST_CASE("the scores follow the documented formula", "[unit]") {
  const AuditReport r = audit_fixture("netconfig-weak", kWeakSwitch);
  // Failed: ios_no_ntp (medium, 4) and ios_acl_undefined (high, 7) of 38 checks weighing
  // 13 high (91) + 17 medium (68) + 8 low (8) = 167.
  CHECK(r.scores.total_findings == 2);
  CHECK(r.scores.critical_findings == 0);
  CHECK(r.scores.overall_security == Approx(93.4));  // 100 × (1 − 11/167), one decimal
  CHECK(r.scores.overall_risk == zt::model::default_risk_score(zt::model::Severity::high));
  // CIS: 24 checks have CIS ids, ios_no_ntp one of them (23/24); NIST: all 38, both fail
  // (36/38); PCI DSS: 37, both fail (35/37).
  CHECK(r.scores.compliance.at("cis_cisco_ios_15") == Approx(95.8));
  CHECK(r.scores.compliance.at("nist_800_53") == Approx(94.7));
  CHECK(r.scores.compliance.at("pci_dss_4") == Approx(94.6));
}

TEST_CASE("a cut configuration is audited with a note", "[unit]") {
  const std::string text = read_text(fixture_host("netconfig-hardened") /
                                     "var/lib/rancid/core/configs/rtr-core-01.example.net");
  const AuditReport r = audit_config(text.substr(0, text.find("line con 0")), shipped_standards().set,
                                     AuditOptions{kToday, kSalt});
  CHECK(r.notes == std::vector<std::string>{
                       "no final 'end': the file may be cut short; absent commands may be in the missing part"});
  // The cut took the terminal lines away: there is no line left to find fault with.
  std::set<std::string> checks;
  for (const AuditFinding& f : r.findings) checks.insert(f.issue.check_id);
  CHECK(checks == std::set<std::string>{});
}
