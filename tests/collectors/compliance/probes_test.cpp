// Each probe case of tests/fixtures/compliance/good/probes.yaml on the cmp-host tree: its
// exact status and evidence.
#include <catch2/catch.hpp>

#include "tests/collectors/compliance/compliance_fixture.hpp"

using nlohmann::json;

namespace {

json ev(std::string probe, std::string path, std::size_t line, std::string observed,
        std::string expected) {
  json e = {{"probe", probe}, {"observed", observed}, {"expected", expected}};
  if (!path.empty()) e["path"] = path;
  if (line > 0) e["line"] = line;
  return e;
}

struct Case {
  const char* control;
  const char* status;
  json evidence;
};

}  // namespace

TEST_CASE("compliance: every probe case gives its exact status and evidence", "[unit][compliance]") {
  const auto result = zt::test::run_compliance({{"pack_dirs", {zt::test::compliance_packs("good")}}});
  const auto findings = zt::test::by_control(result);
  const std::string fwd = "net.ipv4.ip_forward equals 0";
  const std::string disabled = "disabled (install /bin/false or blacklist)";
  const std::string dpkg = "/var/lib/dpkg/status";
  const std::vector<Case> cases = {
      {"S.1", "pass", {ev("sysctl", "/etc/sysctl.d/60-forward.conf", 2, "net.ipv4.ip_forward = 0", fwd)}},
      {"S.2", "pass", {ev("sysctl", "/etc/sysctl.d/99-hidden.conf", 1, "kernel.randomize_va_space = 2",
                          "kernel.randomize_va_space equals 2")}},
      {"S.3", "fail", {ev("sysctl", "", 0, "net.ipv4.conf.all.send_redirects not set persistently",
                          "net.ipv4.conf.all.send_redirects equals 0")}},
      {"S.4", "fail", {ev("sysctl", "", 0, "net.ipv4.tcp_syncookies not set persistently",
                          "net.ipv4.tcp_syncookies equals 1")}},
      {"K.1", "fail", {ev("kernel_module", "/proc/modules", 1, "loaded", "not loaded")}},
      {"K.2", "pass", {ev("kernel_module", "/proc/modules", 0, "not loaded", "not loaded"),
                       ev("kernel_module", "/etc/modprobe.d/freevxfs.conf", 1, "blacklist freevxfs", disabled)}},
      {"K.3", "fail", {ev("kernel_module", "", 0, "no install or blacklist line in modprobe.d", disabled)}},
      {"M.1", "fail", {ev("mount", "/etc/fstab", 0, "/tmp not in /etc/fstab", "a separate mount with nodev"),
                       ev("mount", "/proc/mounts", 3, "/tmp rw,nosuid,nodev,noexec", "a separate mount with nodev")}},
      {"M.2", "pass", {ev("mount", "/etc/fstab", 3, "/home defaults,nodev", "a separate mount with nodev"),
                       ev("mount", "/proc/mounts", 2, "/home rw,nodev,relatime", "a separate mount with nodev")}},
      {"F.1", zt::test::file_observed("0644").ends_with("root:root") ? "pass" : "fail",
       {ev("file", "/etc/passwd", 0, zt::test::file_observed("0644"),
           "exists, mode at most 0644, owner root, group root")}},
      {"F.2", "fail", {ev("file", "/etc/shadow", 0, zt::test::file_observed("0644"), "exists, mode at most 0640")}},
      {"F.3", "pass", {ev("file", "/etc/hosts.equiv", 0, "missing", "absent")}},
      {"F.4", "fail", {ev("file_line", "/etc/cron.d/*.job", 0, "missing", "present")}},
      {"F.5", "pass", {ev("file_value", "/etc/security/pwquality.conf", 2, "minlen 14", "minlen min 14")}},
      {"F.6", "pass", {ev("file_line", "/etc/sysctl.conf", 0, "no matching line",
                          "no line matching net\\.ipv4\\.tcp_syncookies.*")}},
      {"H.1", "pass", {ev("sshd", "/etc/ssh/sshd_config.d/10-root.conf", 1, "no", "PermitRootLogin equals no")}},
      {"H.2", "fail", {ev("sshd", "", 0, "6 (OpenSSH default)", "MaxAuthTries max 4")}},
      {"P.1", "pass", {ev("package", dpkg, 0, "telnet not installed", "telnet not installed")}},
      {"P.2", "not_applicable", {ev("package", dpkg, 0, "apache2 not installed", "apache2 installed")}},
      {"U.1", "pass", {ev("systemd_unit", "/etc/systemd/system/rsync.service", 0, "link to /dev/null", "masked")}},
      {"U.2", "fail", {ev("systemd_unit", "/etc/systemd/system/multi-user.target.wants/avahi-daemon.service", 0,
                          "enabled", "not enabled")}},
      {"A.1", "pass", {ev("pam", "/etc/pam.d/common-password", 1, "password requisite pam_pwquality.so retry=3",
                          "a line password pam_pwquality.so with an argument matching retry=[1-3]")}},
      {"A.2", "pass", {ev("pam", "/etc/pam.d/common-auth", 1, "auth required pam_faillock.so preauth",
                          "a line auth pam_faillock.so")}},
      {"A.3", "pass", {ev("audit_rule", "/etc/audit/rules.d/50-time.rules", 2,
                          "-a always,exit -F arch=b64 -S adjtimex -k time-change", "a rule matching -S adjtimex")}},
      {"A.4", "fail", {ev("audit_rule", "/etc/audit/rules.d/50-time.rules", 0, "no matching rule",
                          "a rule matching -w /etc/sudoers")}},
      {"A.5", "pass", {ev("login_defs", "/etc/login.defs", 2, "PASS_MAX_DAYS 365", "PASS_MAX_DAYS between 1 and 365")}},
      {"C.1", "fail", {ev("accounts", "/etc/passwd", 4, "toor: uid 0", "uid0_only_root")}},
      {"C.2", "fail", {ev("accounts", "/etc/shadow", 3, "alice (sha512crypt): 99999", "password_max_days max 365")}},
      {"C.3", "pass", {ev("accounts", "/etc/group", 0, "none found", "shadow_group_empty")}},
      {"X.1", "pass", {ev("package", dpkg, 0, "libc6 installed", "libc6 installed")}},
      {"X.2", "pass", {ev("package", dpkg, 0, "telnet not installed", "telnet installed"),
                       ev("file", "/etc/hosts.equiv", 0, "missing", "present")}},
      {"X.3", "manual", {ev("manual", "", 0, "needs a person to compare the keys with the vendor's", "")}},
  };
  for (const Case& c : cases) {
    INFO(c.control);
    const auto it = findings.find(std::string("cmp_probes/") + c.control);
    REQUIRE(it != findings.end());
    CHECK(it->second.fields.at("status") == c.status);
    CHECK(it->second.fields.at("evidence") == c.evidence);
  }
  CHECK(findings.size() == cases.size() + 1);  // and the ubuntu pack's one control
  CHECK(findings.at("cmp_ubuntu/1").fields.at("evidence") ==
        json{ev("platform", "", 0, "debian 12", "ubuntu 22.")});
}

TEST_CASE("compliance: a shadow hash never leaves the host", "[unit][compliance]") {
  const auto result = zt::test::run_compliance({{"pack_dirs", {zt::test::compliance_packs("good")}}});
  for (const auto& f : result.findings) {
    const std::string text = f.fields.dump() + f.metadata.dump() + f.description;
    CHECK(text.find("FIXTUREHASH") == std::string::npos);
    CHECK(text.find("fixturesalt") == std::string::npos);
  }
  CHECK(result.inventory.dump().find("FIXTUREHASH") == std::string::npos);
}
