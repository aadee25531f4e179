// Every parser on random, truncated and shuffled input: it must return, never throw or crash
// (the ASan build catches memory errors).
#include <catch2/catch.hpp>

#include "collectors/readers/accounts.hpp"
#include "collectors/auth/authorized_keys.hpp"
#include "collectors/auth/password_policy.hpp"
#include "collectors/auth/report.hpp"
#include "collectors/auth/ssh_algorithms.hpp"
#include "collectors/readers/sshd_config.hpp"
#include "collectors/auth/sudoers.hpp"
#include "collectors/core/utf8.hpp"
#include "tests/support/fuzz.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::auth;
using namespace zt::readers;
using zt::test::fixture_host;
using zt::test::fuzz_text;
using zt::test::read_text;

namespace {
std::string weak(std::string_view path) { return read_text(fixture_host("auth-weak") / path); }
std::string hardened(std::string_view path) {
  return read_text(fixture_host("auth-hardened") / path);
}
// What the collector does with findings before they leave it: made valid UTF-8, then
// serialised (which throws on invalid UTF-8).
void emit(Findings findings) {
  for (auto& f : findings) {
    zt::collector::make_valid_utf8(f);
    (void)nlohmann::json{{"t", f.title},
                         {"d", f.description},
                         {"r", f.remediation},
                         {"f", f.fields},
                         {"m", f.metadata}}
        .dump();
  }
}
void emit(nlohmann::json inventory) {
  zt::collector::make_valid_utf8(inventory);
  (void)inventory.dump();
}
}  // namespace

TEST_CASE("fuzz: account files", "[unit][auth][fuzz]") {
  fuzz_text(weak("etc/passwd"), [](const std::string& t) {
    const auto p = parse_passwd(t);
    Snapshot s;
    s.passwd = p;
    s.shadow = parse_shadow(t);
    emit(account_findings(s));
    emit(make_inventory(s));
  });
  fuzz_text(weak("etc/shadow"), [](const std::string& t) { (void)parse_shadow(t); });
  fuzz_text(weak("etc/group"), [](const std::string& t) { (void)parse_group(t); });
}

TEST_CASE("fuzz: login.defs, pwquality.conf and PAM", "[unit][auth][fuzz]") {
  fuzz_text(hardened("etc/login.defs"), [](const std::string& t) {
    PolicyView policy;
    policy.login_defs = parse_login_defs(t);
    emit(policy_findings(policy, 14));
  });
  fuzz_text(hardened("etc/security/pwquality.conf"),
            [](const std::string& t) { (void)parse_pwquality_conf(t); });
  fuzz_text(weak("etc/pam.d/common-password"), [](const std::string& t) {
    (void)effective_min_length(parse_pam_config(t), parse_pwquality_conf(t));
  });
}

TEST_CASE("fuzz: sshd_config", "[unit][auth][fuzz]") {
  const std::string seed = weak("etc/ssh/sshd_config") + hardened("etc/ssh/sshd_config");
  SshdSource source;
  source.read = [](const std::string& path, std::string&) -> std::optional<std::string> {
    return "Include " + path + "\nPermitRootLogin yes\nMatch all\n";
  };
  source.glob = [](const std::string& pattern) { return std::vector<std::string>{pattern}; };
  fuzz_text(
      seed,
      [&](const std::string& t) {
        const SshdConfig c = load_sshd_config("/etc/ssh/sshd_config", t, source, 2, 8);
        emit(sshd_findings(c));
        Snapshot s;
        s.sshd = c;
        emit(make_inventory(s));
      },
      1500);
  fuzz_text("+aes128-cbc,3des-*,arcfour*,-hmac-md5*,^diffie*", [](const std::string& t) {
    for (auto kind : {AlgorithmKind::cipher, AlgorithmKind::mac, AlgorithmKind::kex})
      (void)weak_algorithms(kind, effective_algorithms(kind, t));
    (void)wildcard_match(t, t + "x");
  });
}

TEST_CASE("fuzz: sudoers", "[unit][auth][fuzz]") {
  const std::string seed = weak("etc/sudoers") + weak("etc/sudoers.d/ops") +
                           weak("etc/sudoers.d/lazy") + hardened("etc/sudoers.d/webops") +
                           "Defaults:alice, %ops !authenticate\n"
                           "%wheel h = (ALL) SETENV: NOPASSWD: CWD=* /usr/bin/id : h2 = ALL\n"
                           "carol ALL = sha256:abc /bin/true\n";
  fuzz_text(seed, [](const std::string& t) {
    SudoView view;
    view.files.push_back({"/etc/sudoers", parse_sudoers(t)});
    emit(sudo_findings(view));
  });
}

TEST_CASE("fuzz: authorized_keys", "[unit][auth][fuzz]") {
  const std::string seed = weak("home/bob/.ssh/authorized_keys") +
                           weak("home/carol/.ssh/authorized_keys") +
                           hardened("home/alice/.ssh/authorized_keys");
  fuzz_text(seed, [](const std::string& t) {
    KeysView view;
    view.accounts.push_back({"x", PathMode{"/h/.ssh", 0700, 0}, {}});
    view.accounts.back().files.push_back(
        {PathMode{"/h/.ssh/authorized_keys", 0600, 0}, parse_authorized_keys(t, 50)});
    emit(key_findings(view));
  });
}
