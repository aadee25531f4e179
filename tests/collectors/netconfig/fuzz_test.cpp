// Every pure parser of the netconfig collector, fuzzed (tests/support/fuzz.hpp): the IOS
// (and its EOS dialect) and Junos parsers (and the ASA and EOS audits), the vendor detection, ACL entries, type 7 decoding, secret masking and the whole
// audit, seeded with the weak fixture configuration. Besides not throwing or crashing, every
// finding must name lines inside the text and keep its secrets masked.
#include <catch2/catch.hpp>

#include "collectors/netconfig/acl_entry.hpp"
#include "collectors/netconfig/audit.hpp"
#include "collectors/netconfig/ios_parser.hpp"
#include "collectors/netconfig/junos_parser.hpp"
#include "collectors/netconfig/secret_mask.hpp"
#include "collectors/netconfig/type7.hpp"
#include "tests/support/fuzz.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::netconfig;

namespace {

std::string weak_seed() {
  return zt::test::read_text(zt::test::fixture_host("netconfig-weak") /
                             "home/oxidized/.config/oxidized/configs/branch/rtr-branch-07");
}

}  // namespace

TEST_CASE("the IOS parser and the vendor detection survive fuzzed configurations", "[unit]") {
  zt::test::fuzz_text(weak_seed(), [](const std::string& text) {
    const IosConfig c = parse_ios(text);
    for (const Interface& i : c.interfaces) CHECK((i.line >= 1 && i.line <= c.line_count));
    for (const Acl& a : c.acls)
      for (const AclEntry& e : a.entries) CHECK((e.line >= 1 && e.line <= c.line_count));
    (void)detect_vendor(text);
  });
}

TEST_CASE("the Junos, ASA and EOS parsers and audits survive fuzzed configurations", "[unit]") {
  const AuditOptions options{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}, "salt"};
  for (const auto& [tree, path] : {std::pair{"netconfig-junos", "var/lib/rancid/junos/configs/srx-branch-02"},
                                   std::pair{"netconfig-junos", "var/lib/rancid/junos/configs/srx-branch-02.set"},
                                   std::pair{"netconfig-asa", "srv/tftp/configs/fw-branch-09"},
                                   std::pair{"netconfig-eos", "var/lib/rancid/arista/configs/spine-lab-02"},
                                   std::pair{"netconfig-eos", "var/lib/rancid/arista/configs/leaf-dc-01"}}) {
    const std::string seed = zt::test::read_text(zt::test::fixture_host(tree) / path);
    zt::test::fuzz_text(seed, [&](const std::string& text) {
      const JunosStatements read = read_junos_statements(text);
      for (const JunosStatement& st : read.statements) {
        CHECK(st.words.size() == st.lines.size());
        for (LineNo n : st.lines) CHECK((n >= 1 && n <= read.line_count));
      }
      const AuditReport r = audit_config(text, shipped_standards().set, options);
      const std::size_t lines = r.junos ? r.junos->line_count
                                : r.asa ? r.asa->line_count
                                : r.ios ? r.ios->line_count : 0;
      for (const AuditFinding& f : r.findings)
        for (LineNo n : f.issue.lines) CHECK((n >= 1 && n <= lines));
    });
  }
}

TEST_CASE("the audit survives fuzzed configurations and names only lines of the text", "[unit]") {
  const AuditOptions options{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}, "salt"};
  zt::test::fuzz_text(weak_seed(), [&](const std::string& text) {
    const AuditReport r = audit_config(text, shipped_standards().set, options);
    const std::size_t lines = r.ios ? r.ios->line_count : r.junos ? r.junos->line_count
                              : r.asa ? r.asa->line_count : 0;
    for (const AuditFinding& f : r.findings) {
      REQUIRE(f.standard != nullptr);
      CHECK_FALSE(f.issue.component.empty());
      for (LineNo n : f.issue.lines) CHECK((n >= 1 && n <= lines));
      CHECK(f.snippet.find("Wr1teAcc3ss!") == std::string::npos);
    }
  }, 600);
}

TEST_CASE("ACL entries, type 7 values and secret masking survive fuzzed lines", "[unit]") {
  zt::test::fuzz_text("20 permit tcp 10.0.0.0 0.255.255.255 host 192.0.2.1 range 1000 2000 established log\n",
                      [](const std::string& text) {
                        (void)parse_acl_entry(text, true, 1);
                        (void)parse_acl_entry(text, false, 1);
                      });
  zt::test::fuzz_text("0822455D0A16", [](const std::string& text) { (void)decode_type7(text); });
  zt::test::fuzz_text("snmp-server user U G v3 auth sha AuthPass1 priv aes 128 PrivPass1\n",
                      [](const std::string& text) { (void)mask_secrets(text); });
}
