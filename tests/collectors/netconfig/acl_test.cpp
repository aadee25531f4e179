#include <catch2/catch.hpp>

#include "collectors/netconfig/acl_entry.hpp"
#include "collectors/netconfig/acl_shadow.hpp"
#include "collectors/netconfig/audit.hpp"

using namespace zt::netconfig;

namespace {

AclEntry ext(std::string_view text, LineNo line = 1) {
  auto e = parse_acl_entry(text, true, line);
  REQUIRE(e);
  return *e;
}

AclEntry std_entry(std::string_view text, LineNo line = 1) {
  auto e = parse_acl_entry(text, false, line);
  REQUIRE(e);
  return *e;
}

// The (dead, first shadowing) line pairs of a list.
std::vector<std::pair<LineNo, LineNo>> dead(const std::vector<std::string>& texts) {
  std::vector<AclEntry> entries;
  for (std::size_t i = 0; i < texts.size(); ++i)
    entries.push_back(ext(texts[i], static_cast<LineNo>(i + 1)));
  std::size_t budget = 1000;
  std::vector<std::pair<LineNo, LineNo>> out;
  const ShadowAnalysis analysis = find_shadowed(entries, budget);
  CHECK(analysis.complete);
  for (const Shadowed& s : analysis.dead) out.emplace_back(entries[s.entry].line, entries[s.by_entry].line);
  return out;
}

using Pairs = std::vector<std::pair<LineNo, LineNo>>;

}  // namespace

TEST_CASE("ACL entries parse into addresses, wildcards, protocols and ports", "[unit]") {
  const AclEntry e = ext("20 permit tcp 10.1.2.3 0.0.0.255 host 192.0.2.1 range 1000 2000 established log");
  CHECK(e.permit);
  CHECK(e.text == "permit tcp 10.1.2.3 0.0.0.255 host 192.0.2.1 range 1000 2000 established log");
  CHECK(e.protocol == kTcp);
  CHECK(e.source == AddressMatch{0x0a010200u, 0x000000ffu});  // host bits under the wildcard cleared
  CHECK(e.destination == AddressMatch{0xc0000201u, 0});
  CHECK(e.source_ports.empty());
  CHECK(e.destination_ports == std::vector<PortRange>{{1000, 2000}});
  CHECK(e.established);
  CHECK(e.understood);
  CHECK_FALSE(e.qualified);  // log changes nothing of what matches

  CHECK(ext("deny udp any eq snmp any").source_ports == std::vector<PortRange>{{161, 161}});
  CHECK(ext("permit tcp any any neq 22").destination_ports ==
        std::vector<PortRange>{{0, 21}, {23, 65535}});
  CHECK(ext("permit tcp any any lt 1024").destination_ports == std::vector<PortRange>{{0, 1023}});
  CHECK(ext("permit tcp any any gt 1023").destination_ports == std::vector<PortRange>{{1024, 65535}});
  CHECK(ext("permit tcp any any eq www 443").destination_ports ==
        std::vector<PortRange>{{80, 80}, {443, 443}});
  CHECK(ext("permit 47 any any").protocol == 47);
  CHECK(ext("permit icmp any any echo").qualified);
  CHECK(ext("permit ip any any dscp ef").qualified);
  CHECK_FALSE(ext("permit tcp any any eq nosuchport").understood);
  CHECK_FALSE(ext("permit tcp object-group A any").understood);
  CHECK_FALSE(ext("permit tcp any any range 2000 1000").understood);

  CHECK(std_entry("permit 10.0.0.1").source == AddressMatch{0x0a000001u, 0});  // no wildcard: a host
  CHECK(std_entry("deny any log").source == AddressMatch{});
  CHECK_FALSE(parse_acl_entry("remark managed by netops", true, 1));
  CHECK_FALSE(parse_acl_entry("", false, 1));
}

TEST_CASE("covers compares address sets under wildcard masks", "[unit]") {
  // Overlapping subnets: a /8 holds the /16 inside it, not the other way round, and not a
  // /16 outside it.
  CHECK(covers(ext("permit ip 10.0.0.0 0.255.255.255 any"), ext("permit ip 10.1.0.0 0.0.255.255 any")));
  CHECK_FALSE(covers(ext("permit ip 10.1.0.0 0.0.255.255 any"), ext("permit ip 10.0.0.0 0.255.255.255 any")));
  CHECK_FALSE(covers(ext("permit ip 10.0.0.0 0.255.255.255 any"), ext("permit ip 11.1.0.0 0.0.255.255 any")));
  // Two /25 halves: neither holds the /24.
  CHECK_FALSE(covers(ext("permit ip 192.0.2.0 0.0.0.127 any"), ext("permit ip 192.0.2.0 0.0.0.255 any")));
  // A non-contiguous wildcard (the odd third octets of 10.0.0.0/16) holds 10.0.3.0/24, not 10.0.2.0/24.
  CHECK(covers(ext("permit ip 10.0.1.0 0.0.254.255 any"), ext("permit ip 10.0.3.0 0.0.0.255 any")));
  CHECK_FALSE(covers(ext("permit ip 10.0.1.0 0.0.254.255 any"), ext("permit ip 10.0.2.0 0.0.0.255 any")));
  CHECK(covers(ext("permit ip any any"), ext("permit ip host 192.0.2.1 host 192.0.2.2")));
  CHECK_FALSE(covers(ext("permit ip any host 192.0.2.2"), ext("permit ip any any")));
}

TEST_CASE("covers compares protocols, port sets and established", "[unit]") {
  CHECK(covers(ext("permit ip any any"), ext("permit tcp any any eq 22")));
  CHECK_FALSE(covers(ext("permit tcp any any"), ext("permit ip any any")));
  CHECK_FALSE(covers(ext("permit tcp any any"), ext("permit udp any any")));
  // Port ranges: inside, across the edge, and a union of two earlier ranges.
  CHECK(covers(ext("permit tcp any any range 1000 2000"), ext("permit tcp any any range 1500 2000")));
  CHECK_FALSE(covers(ext("permit tcp any any range 1000 2000"), ext("permit tcp any any range 1500 2001")));
  CHECK(covers(ext("permit tcp any any neq 22"), ext("permit tcp any any gt 1023")));
  CHECK_FALSE(covers(ext("permit tcp any any neq 22"), ext("permit tcp any any lt 1024")));
  CHECK(covers(ext("permit tcp any any"), ext("permit tcp any eq 53 any eq 53")));
  CHECK_FALSE(covers(ext("permit tcp any any eq 80"), ext("permit tcp any any")));
  // established matches only packets with ACK or RST: it cannot hide an entry without it,
  // and an entry without it hides one with it.
  CHECK_FALSE(covers(ext("permit tcp any any established"), ext("permit tcp any any eq 443")));
  CHECK(covers(ext("permit tcp any any established"), ext("permit tcp any any eq 443 established")));
  CHECK(covers(ext("permit tcp any any"), ext("permit tcp any any established")));
  // What the model does not capture: a qualified earlier entry never hides, a qualified
  // later one can be hidden.
  CHECK_FALSE(covers(ext("permit ip any any dscp ef"), ext("permit tcp any any")));
  CHECK(covers(ext("permit ip any any"), ext("permit icmp any any echo")));
  CHECK_FALSE(covers(ext("permit ip any any"), ext("permit tcp any any eq nosuchport")));
}

TEST_CASE("find_shadowed names each dead entry with the first entry that hides it", "[unit]") {
  CHECK(dead({"permit tcp 10.0.0.0 0.255.255.255 any", "permit tcp 10.1.0.0 0.0.255.255 any eq www",
              "permit tcp any any range 1000 2000", "deny tcp any any eq 1500",
              "permit tcp any any established", "permit tcp any any eq 443 established",
              "permit tcp any any eq 443", "permit ip any any"}) ==
        Pairs{{2, 1}, {4, 3}, {6, 5}});
  // Hidden only by the union of two earlier entries: not reported (one entry must hold it).
  CHECK(dead({"permit tcp any any range 1 100", "permit tcp any any range 101 200",
              "deny tcp any any range 50 150"}) == Pairs{});
  CHECK(dead({"permit ip any any", "deny ip any any"}) == Pairs{{2, 1}});
  CHECK(dead({"permit ip host 192.0.2.1 any", "permit ip host 192.0.2.1 any"}) == Pairs{{2, 1}});
}

TEST_CASE("find_shadowed stops at its comparison budget", "[unit]") {
  std::vector<AclEntry> entries;
  for (int i = 0; i < 10; ++i) entries.push_back(ext("permit ip any any", static_cast<LineNo>(i + 1)));
  std::size_t budget = 3;  // one comparison each for lines 2, 3 and 4, then none
  const ShadowAnalysis stopped = find_shadowed(entries, budget);
  CHECK(budget == 0);
  CHECK_FALSE(stopped.complete);
  REQUIRE(stopped.dead.size() == 3);
  CHECK(stopped.dead.back().entry == 3);
  // A budget spent exactly by the last comparison is a complete analysis.
  entries.resize(4);
  budget = 3;
  const ShadowAnalysis exact = find_shadowed(entries, budget);
  CHECK(exact.complete);
  CHECK(exact.dead.size() == 3);
}

TEST_CASE("an audit whose ACL analysis runs out of budget says so", "[unit]") {
  std::string text = "version 15.2\nhostname r\n";
  for (int i = 0; i < 10; ++i) text += "access-list 101 permit tcp any host 192.0.2." + std::to_string(i) + " eq 22\n";
  text += "end\n";
  AuditOptions options{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}, "salt"};
  options.acl_comparisons = 5;
  const AuditReport r = audit_config(text, shipped_standards().set, options);
  CHECK(r.notes == std::vector<std::string>{
                       "the shadowed-entry analysis stopped at its comparison budget, in access-list 101: "
                       "later entries and lists were not compared"});
  options.acl_comparisons = 45;  // 10 entries, none dead: 9+8+…+1 comparisons
  CHECK(audit_config(text, shipped_standards().set, options).notes.empty());
}
