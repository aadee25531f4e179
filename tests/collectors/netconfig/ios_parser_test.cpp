#include "collectors/netconfig/ios_parser.hpp"

#include <catch2/catch.hpp>

using namespace zt::netconfig;

namespace {

constexpr std::string_view kConfig =
    "!\r\n"                                                         // 1 (CRLF, as TFTP copies)
    "version 15.2\r\n"                                              // 2
    "hostname edge1\r\n"                                            // 3
    "enable secret level 15 5 $1$abcd$efgh\r\n"                     // 4
    "enable password cleartext\r\n"                                 // 5
    "username alice privilege 15 secret 9 $9$x$y\r\n"               // 6
    "username bob password 7 0822455D0A16\r\n"                      // 7
    "username carol nopassword\r\n"                                 // 8
    "banner motd ^C\r\n"                                            // 9
    "interface FakeInBanner\r\n"                                    // 10: banner text
    "^C\r\n"                                                        // 11
    "interface GigabitEthernet0/1\r\n"                              // 12
    " description Uplink to ISP\r\n"                                // 13
    " ip address 192.0.2.1 255.255.255.0\r\n"                       // 14
    " ip access-group EDGE-IN in\r\n"                               // 15
    " no ip proxy-arp\r\n"                                          // 16
    " shutdown\r\n"                                                 // 17
    "!\r\n"                                                         // 18
    "snmp-server community s3cr3t-community view V RW 10\r\n"       // 19
    "snmp-server community public RO\r\n"                           // 20
    "snmp-server group G v3 priv\r\n"                               // 21
    "snmp-server user U G v3 auth sha authpass priv aes 128 privpass\r\n"  // 22
    "ntp server vrf MGMT 10.0.0.5 key 3 prefer\r\n"                 // 23
    "ntp server 10.0.0.6\r\n"                                       // 24
    "crypto isakmp policy 5\r\n"                                    // 25
    " encr aes 256\r\n"                                             // 26
    " hash sha\r\n"                                                 // 27
    " group 14\r\n"                                                 // 28
    "crypto ipsec transform-set T esp-aes 256 esp-sha-hmac\r\n"     // 29
    "access-list 10 remark management\r\n"                          // 30
    "access-list 10 permit 10.0.0.0 0.0.0.255\r\n"                  // 31
    "access-list 150 permit ip any any\r\n"                         // 32
    "access-list 700 permit 0000.0000.0001 0000.0000.0000\r\n"      // 33: a MAC list, not modelled
    "ip access-list extended EDGE-IN\r\n"                           // 34
    " remark inbound\r\n"                                           // 35
    " 10 permit tcp any host 192.0.2.1 eq 22\r\n"                   // 36
    " 20 deny ip any any log\r\n"                                   // 37
    "line con 0\r\n"                                                // 38
    " exec-timeout 0 0\r\n"                                         // 39
    " password 7 13061B13181F\r\n"                                  // 40
    "line vty 0 4\r\n"                                              // 41
    " access-class 10 in\r\n"                                       // 42
    " transport input ssh telnet\r\n"                               // 43
    " login local\r\n"                                              // 44
    "end\r\n";                                                      // 45

}  // namespace

TEST_CASE("parse_ios reads the global settings with their lines", "[unit]") {
  const IosConfig c = parse_ios(kConfig);
  CHECK(c.line_count == 45);
  CHECK(c.ends_with_end);
  REQUIRE(c.version);
  CHECK((c.version->value == "15.2" && c.version->line == 2));
  CHECK((c.hostname && c.hostname->value == "edge1" && c.hostname->line == 3));
  REQUIRE(c.enable_secret);
  CHECK((c.enable_secret->type == 5 && c.enable_secret->value == "$1$abcd$efgh" && c.enable_secret->line == 4));
  REQUIRE(c.enable_password);
  CHECK((c.enable_password->type == 0 && c.enable_password->value == "cleartext" && c.enable_password->line == 5));
  REQUIRE(c.users.size() == 3);
  CHECK((c.users[0].name == "alice" && c.users[0].secret->keyword == "secret" && c.users[0].secret->type == 9));
  CHECK((c.users[1].name == "bob" && c.users[1].secret->keyword == "password" && c.users[1].secret->type == 7 &&
         c.users[1].line == 7));
  CHECK((c.users[2].name == "carol" && !c.users[2].secret));
  REQUIRE(c.banners.size() == 1);
  CHECK((c.banners[0].value == "motd" && c.banners[0].line == 9));
  CHECK_FALSE(c.service_password_encryption);
}

TEST_CASE("parse_ios reads interfaces, lines, SNMP, NTP and crypto blocks", "[unit]") {
  const IosConfig c = parse_ios(kConfig);
  REQUIRE(c.interfaces.size() == 1);  // the banner's "interface" line is banner text
  const Interface& i = c.interfaces[0];
  CHECK((i.name == "GigabitEthernet0/1" && i.line == 12));
  CHECK((i.description && i.description->value == "Uplink to ISP" && i.description->line == 13));
  CHECK((i.ip_address && i.ip_address->value == "192.0.2.1 255.255.255.0" && i.ip_address->line == 14));
  CHECK(i.no_proxy_arp == 16u);
  CHECK(i.shutdown == 17u);
  REQUIRE(i.access_groups.size() == 1);
  CHECK((i.access_groups[0].acl == "EDGE-IN" && i.access_groups[0].direction == "in"));

  REQUIRE(c.snmp_communities.size() == 2);
  CHECK((c.snmp_communities[0].name == "s3cr3t-community" && c.snmp_communities[0].access == "RW" &&
         c.snmp_communities[0].acl == "10" && c.snmp_communities[0].line == 19));
  CHECK((c.snmp_communities[1].access == "RO" && c.snmp_communities[1].acl.empty()));
  REQUIRE(c.snmp_groups.size() == 1);
  CHECK((c.snmp_groups[0].version == "v3" && c.snmp_groups[0].security == "priv"));
  REQUIRE(c.snmp_users.size() == 1);
  CHECK((c.snmp_users[0].auth && c.snmp_users[0].priv && c.snmp_users[0].group == "G"));

  REQUIRE(c.ntp_servers.size() == 2);
  CHECK((c.ntp_servers[0].address == "10.0.0.5" && c.ntp_servers[0].keyed && c.ntp_servers[0].line == 23));
  CHECK((c.ntp_servers[1].address == "10.0.0.6" && !c.ntp_servers[1].keyed));

  REQUIRE(c.isakmp_policies.size() == 1);
  const IsakmpPolicy& p = c.isakmp_policies[0];
  CHECK((p.number == "5" && p.line == 25 && p.encryption->value == "aes 256" && p.encryption->line == 26 &&
         p.hash->value == "sha" && p.group->value == "14" && p.group->line == 28));
  REQUIRE(c.transform_sets.size() == 1);
  CHECK(c.transform_sets[0].transforms == std::vector<std::string>{"esp-aes", "256", "esp-sha-hmac"});

  REQUIRE(c.lines.size() == 2);
  CHECK((c.lines[0].name == "line con 0" && c.lines[0].kind == "con" && c.lines[0].exec_timeout->value == "0 0" &&
         c.lines[0].exec_timeout->line == 39 && c.lines[0].password->type == 7));
  const TerminalLine& vty = c.lines[1];
  CHECK((vty.name == "line vty 0 4" && vty.kind == "vty" && vty.line == 41));
  CHECK((vty.access_class_in->value == "10" && vty.access_class_in->line == 42));
  CHECK((vty.transport_input->value == "ssh telnet" && vty.transport_input->line == 43));
  CHECK(vty.login->value == "local");
}

TEST_CASE("parse_ios reads numbered and named access lists and their uses", "[unit]") {
  const IosConfig c = parse_ios(kConfig);
  REQUIRE(c.acls.size() == 3);  // 10, 150, EDGE-IN; 700 (MAC) is not an IP list
  CHECK((c.acls[0].name == "10" && c.acls[0].numbered && c.acls[0].kind == AclKind::standard &&
         c.acls[0].line == 30));
  REQUIRE(c.acls[0].entries.size() == 1);  // the remark is no entry
  CHECK(c.acls[0].entries[0].line == 31);
  CHECK((c.acls[1].name == "150" && c.acls[1].kind == AclKind::extended));
  const Acl& named = c.acls[2];
  CHECK((named.name == "EDGE-IN" && !named.numbered && named.kind == AclKind::extended && named.line == 34));
  REQUIRE(named.entries.size() == 2);
  CHECK((named.entries[0].line == 36 && named.entries[0].text == "permit tcp any host 192.0.2.1 eq 22"));
  CHECK((named.entries[1].line == 37 && !named.entries[1].permit));

  std::vector<std::tuple<std::string, std::string, LineNo>> uses;
  for (const AclReference& r : c.acl_references) uses.emplace_back(r.acl, r.user, r.line);
  CHECK(uses == std::vector<std::tuple<std::string, std::string, LineNo>>{
                    {"EDGE-IN", "interface GigabitEthernet0/1", 15},
                    {"10", "snmp-server community", 19},
                    {"10", "line vty 0 4", 42}});
}

TEST_CASE("parse_ios reads a cut file as far as it goes", "[unit]") {
  const std::string_view cut = kConfig.substr(0, kConfig.find(" hash sha"));
  const IosConfig c = parse_ios(cut);
  CHECK_FALSE(c.ends_with_end);
  REQUIRE(c.isakmp_policies.size() == 1);
  CHECK_FALSE(c.isakmp_policies[0].hash);
  CHECK(c.lines.empty());
  // An unclosed banner swallows the rest, as IOS would.
  const IosConfig open_banner = parse_ios("hostname a\nbanner login #\nhostname b\n");
  CHECK(open_banner.hostname->value == "a");
  CHECK(open_banner.banners.size() == 1);
  const IosConfig one_line = parse_ios("banner login #Authorized only#\nhostname b\n");
  CHECK(one_line.hostname->value == "b");
}
