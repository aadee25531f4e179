// Benchmark of the netconfig auditor (collectors/netconfig/audit.hpp): generates a Cisco IOS
// configuration of about --lines lines (50,000 by default) in the shape of a large
// distribution router (interfaces with addresses and access groups, numbered and named access
// lists with overlapping subnets and port ranges, static routes, prefix lists, SNMP, NTP,
// lines), then audits it --repeat times and prints the best and mean wall time of the whole
// audit (detection, parsing, every check, the shadowed-entry analysis, snippets) with the
// number of findings. Figures, not assertions; the goal is under a second in a Release build.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "collectors/netconfig/audit.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using zt::netconfig::AuditOptions;
using zt::netconfig::AuditReport;

std::string ip(unsigned a, unsigned b, unsigned c, unsigned d) {
  return std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c) + "." + std::to_string(d);
}

std::string generate(std::size_t target_lines, std::size_t acl_entries, std::size_t& lines) {
  std::string text;
  lines = 0;
  const auto line = [&](const std::string& l) {
    text += l;
    text += '\n';
    ++lines;
  };
  line("version 15.9");
  line("service timestamps log datetime msec");
  line("hostname bench-dist-01");
  line("enable secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM");
  line("username ops password 7 0822455D0A16");
  line("snmp-server community bench-community-ro RO 10");
  line("ntp server 10.0.0.1");
  // A tenth of the lines: access lists of acl_entries entries, with overlaps and dead entries.
  const std::size_t acls = std::max<std::size_t>(1, target_lines / 10 / acl_entries);
  for (std::size_t a = 0; a < acls; ++a) {
    const bool named = a % 2 == 1;
    const std::string name = named ? "ACL-" + std::to_string(a) : std::to_string(100 + a % 100);
    if (named) line("ip access-list extended " + name);
    for (std::size_t e = 0; e < acl_entries; ++e) {
      const unsigned third = static_cast<unsigned>(e % 250);
      std::string entry;
      switch (e % 5) {
        case 0: entry = "permit tcp 10." + std::to_string(a % 250) + ".0.0 0.0.255.255 any range 1000 2000"; break;
        case 1: entry = "permit tcp host " + ip(10, static_cast<unsigned>(a % 250), third, 7) + " any eq 1500"; break;
        case 2: entry = "deny udp " + ip(172, 16, third, 0) + " 0.0.0.255 host " + ip(192, 0, 2, third) + " eq snmp"; break;
        case 3: entry = "permit tcp any " + ip(198, 51, third, 0) + " 0.0.0.255 established"; break;
        default: entry = "permit icmp any any echo-reply"; break;
      }
      if (named) line(" " + std::to_string((e + 1) * 10) + " " + entry);
      else line("access-list " + name + " " + entry);
    }
  }
  // Interfaces: ten lines each, for a third of the lines.
  for (std::size_t i = 0; lines < target_lines / 2; ++i) {
    line("interface GigabitEthernet" + std::to_string(i / 48) + "/0/" + std::to_string(i % 48));
    line(" description access port " + std::to_string(i));
    line(" ip address " + ip(10, static_cast<unsigned>(i / 250 % 250), static_cast<unsigned>(i % 250), 1) + " 255.255.255.0");
    line(" ip access-group " + std::to_string(100 + i % 100) + " in");
    line(" no ip proxy-arp");
    line(" ip ospf cost 10");
    line(" load-interval 30");
    line(" negotiation auto");
    line(" no shutdown");
    line("!");
  }
  // The rest: static routes and prefix lists, which the auditor reads past.
  for (std::size_t r = 0; lines + 20 < target_lines; ++r) {
    if (r % 2 == 0)
      line("ip route " + ip(100, static_cast<unsigned>(r / 62500 % 250), static_cast<unsigned>(r / 250 % 250), 0) +
           " 255.255.255.0 " + ip(10, 255, 0, static_cast<unsigned>(r % 250 + 1)));
    else
      line("ip prefix-list PL-" + std::to_string(r % 97) + " seq " + std::to_string(r) + " permit " +
           ip(100, 64, static_cast<unsigned>(r % 250), 0) + "/24");
  }
  line("access-list 10 permit 10.0.10.0 0.0.0.255");
  line("line vty 0 15");
  line(" access-class 10 in");
  line(" transport input ssh");
  line(" exec-timeout 10 0");
  line("end");
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"netconfig auditor benchmark"};
  std::size_t target_lines = 50000, acl_entries = 500;
  int repeat = 5;
  app.add_option("--lines", target_lines, "lines of the generated configuration")->check(CLI::Range(100, 10000000));
  app.add_option("--acl-entries", acl_entries, "entries of each access list")->check(CLI::Range(1, 100000));
  app.add_option("--repeat", repeat, "audits timed")->check(CLI::Range(1, 1000));
  CLI11_PARSE(app, argc, argv);

  std::size_t lines = 0;
  const std::string text = generate(target_lines, acl_entries, lines);
  const auto& standards = zt::netconfig::shipped_standards().set;
  const AuditOptions options{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()), "bench"};
  double best = 1e9, total = 0;
  std::size_t findings = 0, parsed_data_bytes = 0;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    const AuditReport report = zt::netconfig::audit_config(text, standards, options);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    best = std::min(best, seconds);
    total += seconds;
    findings = report.findings.size();
    parsed_data_bytes = report.parsed_data.dump().size();
  }
  std::printf("configuration: %zu lines, %zu bytes, %zu-entry access lists\n", lines, text.size(), acl_entries);
  std::printf("audit: best %.3f s, mean %.3f s over %d runs; %zu findings; parsed_data %zu bytes\n", best,
              total / repeat, repeat, findings, parsed_data_bytes);
  return 0;
}
