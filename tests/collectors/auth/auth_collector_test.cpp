#include "collectors/auth/auth_collector.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>
#include <tuple>

#include "collectors/auth/finding_types.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/collector_harness.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::collector::CollectResult;
using zt::collector::Context;
using zt::collector::HostFs;
using zt::collector::OptionType;
using zt::collector::OptionValues;
using zt::model::Severity;
using zt::test::fixture_host;
using zt::test::TempTree;
using Strings = std::vector<std::string>;
namespace fs = std::filesystem;

namespace {

OptionValues options(const json& overrides = json::object()) {
  return zt::test::options_of(zt::auth::descriptor(), overrides);
}

CollectResult collect_at(const fs::path& root, const OptionValues& values = options()) {
  return zt::test::collect_at(*zt::auth::descriptor().make(values), root);
}

void chmod(const TempTree& tree, std::string_view relative, fs::perms mode) {
  fs::permissions(tree.root() / relative, mode, fs::perm_options::replace);
}

// The fixtures with the modes git cannot keep (see each fixture's README.md).
void set_common_modes(const TempTree& tree) {
  using P = fs::perms;
  for (const auto& entry : fs::directory_iterator(tree.root() / "etc/sudoers.d"))
    fs::permissions(entry.path(), P::owner_read | P::group_read, fs::perm_options::replace);
  chmod(tree, "etc/sudoers", P::owner_read | P::group_read);
  chmod(tree, "etc/sudoers.d",
        P::owner_all | P::group_read | P::group_exec | P::others_read | P::others_exec);
  chmod(tree, "etc/shadow", P::owner_read | P::owner_write | P::group_read);
}

void copy_hardened(const TempTree& tree) {
  tree.copy_from(fixture_host("auth-hardened"));
  set_common_modes(tree);
  chmod(tree, "home/alice/.ssh", fs::perms::owner_all);
  chmod(tree, "home/alice/.ssh/authorized_keys", fs::perms::owner_read | fs::perms::owner_write);
}

void copy_weak(const TempTree& tree) {
  using P = fs::perms;
  tree.copy_from(fixture_host("auth-weak"));
  set_common_modes(tree);
  const P rw_all = P::owner_read | P::owner_write | P::group_read | P::group_write |
                   P::others_read | P::others_write;
  chmod(tree, "etc/sudoers.d/shared", rw_all);
  chmod(tree, "home/alice/.ssh", P::owner_all);
  chmod(tree, "home/bob/.ssh", P::owner_all | P::group_all | P::others_read | P::others_exec);
  chmod(tree, "home/carol/.ssh", P::owner_all);
  chmod(tree, "home/alice/.ssh/authorized_keys", P::owner_read | P::owner_write);
  chmod(tree, "home/bob/.ssh/authorized_keys", P::owner_read | P::owner_write);
  chmod(tree, "home/carol/.ssh/authorized_keys", rw_all);
}

using Key = std::tuple<std::string, std::string, Severity>;

std::set<Key> keys_of(const CollectResult& result) {
  std::set<Key> out;
  for (const auto& f : result.findings)
    out.emplace(f.fields.at("finding_type").get<std::string>(),
                f.fields.at("user_account").get<std::string>(), f.severity);
  return out;
}

const zt::model::Finding& find(const CollectResult& result, std::string_view type,
                               std::string_view account) {
  for (const auto& f : result.findings)
    if (f.fields.at("finding_type") == type && f.fields.at("user_account") == account) return f;
  FAIL("no finding " << type << " / " << account);
  throw std::logic_error("unreachable");
}

// Every finding valid, unique by identity, and free of secrets.
void check_findings_sound(const CollectResult& result) {
  std::set<std::pair<std::string, std::string>> identities;
  for (const auto& f : result.findings) {
    INFO(f.title);
    CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});
    CHECK(f.category == zt::model::Category::auth);
    CHECK(f.fingerprint.empty());
    CHECK(f.risk_score == 0.0);
    CHECK_FALSE(f.description.empty());
    CHECK_FALSE(f.remediation.empty());
    CHECK_FALSE(f.fields.at("user_account").get<std::string>().empty());
    CHECK(identities
              .emplace(f.fields.at("finding_type").get<std::string>(),
                       f.fields.at("user_account").get<std::string>())
              .second);
    const std::string text = json{
        {"title", f.title},
        {"description", f.description},
        {"remediation", f.remediation},
        {"fields", f.fields},
        {"metadata", f.metadata}}.dump();
    for (std::string_view secret : {"$y$", "$6$", "AAAA", "notarealhash"}) {
      INFO(secret);
      CHECK(text.find(secret) == std::string::npos);
    }
  }
  CHECK(result.inventory.dump().find("AAAA") == std::string::npos);
  CHECK(result.inventory.dump().find("notarealhash") == std::string::npos);
}

}  // namespace

TEST_CASE("auth: descriptor and options", "[unit][auth]") {
  const auto d = zt::auth::descriptor();
  CHECK(d.name == "auth");
  CHECK(d.category == zt::model::Category::auth);
  CHECK(d.default_interval == 3600s);
  CHECK_FALSE(d.summary.empty());
  REQUIRE(d.make != nullptr);
  std::map<std::string, std::tuple<OptionType, std::string, long long, long long>> specs;
  for (const auto& o : d.options) {
    INFO(o.key);
    CHECK_FALSE(o.help.empty());
    specs[std::string(o.key)] = {o.type, zt::collector::default_text(o), o.min, o.max};
  }
  CHECK(specs.at("check_authorized_keys") ==
        std::tuple{OptionType::boolean, std::string("true"), 0LL, 0LL});
  CHECK(specs.at("max_accounts") ==
        std::tuple{OptionType::integer, std::string("10000"), 1LL, 1000000LL});
  CHECK(specs.at("min_password_length") ==
        std::tuple{OptionType::integer, std::string("14"), 6LL, 64LL});
  CHECK(specs.at("max_keys_per_file") ==
        std::tuple{OptionType::integer, std::string("1000"), 1LL, 100000LL});
  // The finding-type table has no duplicate names.
  std::set<std::string_view> names;
  for (const auto& t : zt::auth::kAllFindingTypes) CHECK(names.insert(t.name).second);
  CHECK(names.size() == 22);
}

TEST_CASE("auth: capabilities", "[unit][auth]") {
  auto collector = zt::auth::descriptor().make(options());
  const auto weak = collector->capabilities(HostFs(fixture_host("auth-weak")));
  CHECK(weak.usable);
  CHECK(weak.reason == "passwd, shadow, sshd_config, sudoers, login.defs");
  TempTree empty;
  const auto none = collector->capabilities(HostFs(empty.root()));
  CHECK_FALSE(none.usable);
  CHECK(none.reason ==
        "/etc/passwd (under " + empty.root().string() + "): No such file or directory");
}

TEST_CASE("auth: the hardened fixture host gives no problem finding", "[unit][auth]") {
  TempTree tree;
  copy_hardened(tree);
  const auto result = collect_at(tree.root());
  CHECK(result.problems == Strings{});
  check_findings_sound(result);

  // Git checkouts and test runs owned by another user than root make every sudoers file
  // "not owned by root": that one finding is then expected.
  std::set<Key> expected;
  if (::geteuid() != 0) expected.emplace("sudoers_insecure_permissions", "*", Severity::critical);
  CHECK(keys_of(result) == expected);
  for (const auto& f : result.findings) CHECK(f.severity != Severity::info);

  const json& inv = result.inventory;
  CHECK(inv.at("accounts") == json::parse(R"({"total": 10, "human": 1, "system": 9,
      "uid_min": 1000, "uid0": ["root"], "shadow_read": true,
      "malformed_lines": {"passwd": 0, "shadow": 0}})"));
  CHECK(inv.at("groups").at("privileged_members") ==
        json::parse(R"({"root": [], "sudo": ["alice"]})"));
  const json& sshd = inv.at("sshd");
  CHECK(sshd.at("files") ==
        json{"/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/50-hardening.conf"});
  CHECK(sshd.at("settings").at("permitrootlogin") == "no");
  CHECK(sshd.at("settings").at("passwordauthentication") == "no");
  CHECK(sshd.at("settings").at("kbdinteractiveauthentication") == "no");
  CHECK(sshd.at("settings").at("usepam") == "yes");
  CHECK(sshd.at("ciphers") == json{"chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com",
                                   "aes128-gcm@openssh.com", "aes256-ctr"});
  CHECK(sshd.at("macs") == json{"umac-128-etm@openssh.com", "hmac-sha2-256-etm@openssh.com",
                                "hmac-sha2-512-etm@openssh.com", "umac-128@openssh.com",
                                "hmac-sha2-256", "hmac-sha2-512"});
  CHECK(sshd.at("match_blocks") == json::parse(R"([{"criteria": "User upload",
      "file": "/etc/ssh/sshd_config", "line": 27,
      "overrides": ["allowtcpforwarding", "chrootdirectory", "forcecommand", "x11forwarding"]}])"));
  CHECK(inv.at("sudo") == json::parse(R"({"files": ["/etc/sudoers", "/etc/sudoers.d/README",
      "/etc/sudoers.d/webops"], "rules": 3, "defaults": 4, "malformed_lines": 0})"));
  CHECK(inv.at("authorized_keys") == json::parse(R"({"accounts_checked": 10, "capped": false,
      "files": 1, "keys": 2, "by_type": {"ssh-ed25519": 1, "ssh-rsa": 1}, "malformed_lines": 0})"));
  CHECK(inv.at("password_policy") == json::parse(R"({"login_defs": {"PASS_MAX_DAYS": "90",
      "PASS_MIN_DAYS": "1", "PASS_WARN_AGE": "14", "UID_MIN": "1000"},
      "pam_password_stack": "/etc/pam.d/common-password", "min_length": 14,
      "min_length_module": "pam_pwquality.so"})"));
}

TEST_CASE("auth: the weak fixture host fires every check", "[unit][auth]") {
  TempTree tree;
  copy_weak(tree);
  const auto result = collect_at(tree.root());
  CHECK(result.problems == Strings{});
  check_findings_sound(result);

  using S = Severity;
  const std::set<Key> expected{
      {"uid0_non_root", "toor", S::critical},
      {"empty_password", "guest", S::critical},
      {"empty_password", "legacy", S::critical},
      {"duplicate_uid", "bob", S::high},
      {"duplicate_uid", "dave", S::high},
      {"system_account_login", "daemon", S::high},
      {"password_never_expires", "alice", S::low},
      {"sshd_root_login_password", "root", S::high},
      {"sshd_password_authentication", "sshd", S::medium},
      {"sshd_permit_empty_passwords", "sshd", S::high},
      {"sshd_weak_ciphers", "sshd", S::medium},
      {"sshd_weak_macs", "sshd", S::medium},
      {"sshd_weak_kex", "sshd", S::medium},
      {"sudo_nopasswd_all", "deploy", S::high},
      {"sudo_nopasswd_all", "%ops", S::high},
      {"sudo_no_authenticate", "*", S::high},
      {"sudoers_insecure_permissions", "*", S::critical},
      {"authorized_keys_writable", "carol", S::high},
      {"ssh_dir_writable", "bob", S::high},
      {"ssh_dsa_key", "bob", S::medium},
      {"ssh_rsa_key_short", "carol", S::medium},
      {"password_max_days", "*", S::low},
      {"password_min_days", "*", S::low},
      {"password_warn_age", "*", S::low},
      {"password_min_length", "*", S::medium},
  };
  CHECK(keys_of(result) == expected);
  CHECK(result.findings.size() == expected.size());
  // Every finding type of the table fires here.
  std::set<std::string> types;
  for (const auto& [type, account, severity] : expected) types.insert(type);
  CHECK(types.size() == std::size(zt::auth::kAllFindingTypes));

  SECTION("evidence") {
    CHECK(find(result, "empty_password", "guest").metadata ==
          json{{"file", "/etc/shadow"}, {"line", 10}, {"password", "empty"}});
    CHECK(find(result, "empty_password", "legacy").metadata ==
          json{{"file", "/etc/passwd"}, {"line", 11}, {"password", "empty"}});
    CHECK(find(result, "system_account_login", "daemon").metadata == json{{"file", "/etc/shadow"},
                                                                          {"line", 3},
                                                                          {"password", "set"},
                                                                          {"shell", "/bin/bash"},
                                                                          {"uid", 1}});
    CHECK(find(result, "password_never_expires", "alice").metadata ==
          json{{"file", "/etc/shadow"}, {"line", 7}, {"password", "set"}, {"value", 99999}});
    CHECK(find(result, "uid0_non_root", "toor").title ==
          "Account toor has UID 0 (root privileges)");
    CHECK(find(result, "duplicate_uid", "bob").metadata.at("shared_with") == json{"dave"});

    const auto& root = find(result, "sshd_root_login_password", "root");
    CHECK(root.metadata.at("evidence")[0] == json{{"setting", "PermitRootLogin"},
                                                  {"value", "yes"},
                                                  {"file", "/etc/ssh/sshd_config.d/10-legacy.conf"},
                                                  {"line", 2}});
    CHECK_FALSE(root.metadata.contains("in_match"));
    CHECK_THAT(root.remediation,
               Catch::Contains("PermitRootLogin no") && Catch::Contains("systemctl reload ssh"));
    const auto& empty = find(result, "sshd_permit_empty_passwords", "sshd");
    CHECK(empty.metadata.at("in_match") == "User backup");
    CHECK(empty.metadata.at("match_line") == 16);
    CHECK(empty.title ==
          "sshd permits login to accounts with empty passwords (in Match User backup)");
    CHECK(find(result, "sshd_weak_ciphers", "sshd").metadata.at("weak") ==
          json{"aes128-cbc", "3des-cbc"});
    CHECK(find(result, "sshd_weak_macs", "sshd").metadata.at("weak") ==
          json{"hmac-md5", "hmac-sha1-96"});
    CHECK(find(result, "sshd_weak_kex", "sshd").metadata.at("weak") ==
          json{"diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1"});

    CHECK(find(result, "sudo_nopasswd_all", "deploy").metadata ==
          json{{"evidence",
                {{{"file", "/etc/sudoers.d/90-cloud-init-users"},
                  {"line", 2},
                  {"value", "deploy ALL=(ALL) NOPASSWD:ALL"}}}}});
    CHECK(find(result, "sudo_no_authenticate", "*").metadata.at("evidence")[0].at("file") ==
          "/etc/sudoers.d/lazy");
    const auto& perms = find(result, "sudoers_insecure_permissions", "*");
    if (::geteuid() == 0)
      CHECK(perms.metadata ==
            json{{"files", {{{"file", "/etc/sudoers.d/shared"}, {"mode", "0666"}, {"uid", 0}}}}});

    CHECK(find(result, "authorized_keys_writable", "carol").metadata.at("files")[0].at("mode") ==
          "0666");
    CHECK(find(result, "ssh_dir_writable", "bob").metadata ==
          json{{"file", "/home/bob/.ssh"}, {"mode", "0775"}, {"uid", ::geteuid()}});
    CHECK(find(result, "ssh_dsa_key", "bob").metadata ==
          json{{"keys",
                {{{"file", "/home/bob/.ssh/authorized_keys"},
                  {"line", 1},
                  {"key_type", "ssh-dss"},
                  {"bits", 1024},
                  {"comment", "bob@old-laptop"}}}}});
    CHECK(find(result, "ssh_rsa_key_short", "carol").metadata.at("keys")[0].at("bits") == 1024);

    CHECK(find(result, "password_max_days", "*").metadata == json{{"file", "/etc/login.defs"},
                                                                  {"setting", "PASS_MAX_DAYS"},
                                                                  {"line", 2},
                                                                  {"value", "99999"}});
    const auto& minlen = find(result, "password_min_length", "*");
    CHECK(minlen.title == "Minimum password length is 6 (policy: 14)");
    CHECK(minlen.metadata.at("source") == "argument minlen=6");
  }

  SECTION("inventory notes the Match blocks and what they override") {
    CHECK(result.inventory.at("sshd").at("match_blocks") == json::parse(R"([
        {"criteria": "User backup", "file": "/etc/ssh/sshd_config", "line": 16,
         "overrides": ["passwordauthentication", "permitemptypasswords"]},
        {"criteria": "Address 192.0.2.0/24", "file": "/etc/ssh/sshd_config", "line": 19,
         "overrides": ["x11forwarding"]}])"));
    CHECK(result.inventory.at("accounts").at("uid0") == json{"root", "toor"});
  }

  SECTION("a smaller min_password_length and no authorized_keys check") {
    const auto relaxed = collect_at(
        tree.root(), options({{"min_password_length", 6}, {"check_authorized_keys", false}}));
    const auto keys = keys_of(relaxed);
    CHECK(keys.count({"password_min_length", "*", S::medium}) == 0);
    CHECK(keys.count({"ssh_dsa_key", "bob", S::medium}) == 0);
    CHECK(keys.size() == expected.size() - 5);
    CHECK(relaxed.inventory.at("authorized_keys") == nullptr);
  }

  SECTION("max_accounts caps the authorized_keys loop") {
    const auto capped = collect_at(tree.root(), options({{"max_accounts", 7}}));
    CHECK(capped.problems ==
          Strings{"authorized_keys read for the first 7 accounts only (max_accounts)"});
    CHECK(capped.inventory.at("authorized_keys").at("capped") == true);
    CHECK(keys_of(capped).count({"ssh_dsa_key", "bob", S::medium}) == 0);  // bob is 8th
  }
}

TEST_CASE("auth: an unreadable /etc/shadow is a problem, the rest still runs", "[unit][auth]") {
  TempTree tree;
  copy_weak(tree);
  // The tests may run as root, who reads any file: a folder in its place cannot be read.
  fs::remove(tree.root() / "etc/shadow");
  fs::create_directory(tree.root() / "etc/shadow");
  const auto result = collect_at(tree.root());
  CHECK(result.problems ==
        Strings{"cannot read /etc/shadow (under " + tree.root().string() +
                "): not a regular file; skipped the checks that need it: empty passwords in "
                "shadow, system accounts with a usable password, passwords that never expire "
                "(run the agent as root to enable them)"});
  check_findings_sound(result);
  const auto keys = keys_of(result);
  // Gone: what needs shadow (guest's empty password, daemon's hash, alice's ageing).
  CHECK(keys.count({"empty_password", "guest", Severity::critical}) == 0);
  CHECK(keys.count({"system_account_login", "daemon", Severity::high}) == 0);
  CHECK(keys.count({"password_never_expires", "alice", Severity::low}) == 0);
  // Kept: passwd alone, sshd, sudo, keys and policy.
  CHECK(keys.count({"empty_password", "legacy", Severity::critical}) == 1);
  CHECK(keys.count({"uid0_non_root", "toor", Severity::critical}) == 1);
  CHECK(keys.count({"duplicate_uid", "dave", Severity::high}) == 1);
  CHECK(keys.count({"sshd_root_login_password", "root", Severity::high}) == 1);
  CHECK(keys.count({"sudo_nopasswd_all", "deploy", Severity::high}) == 1);
  CHECK(keys.count({"ssh_dsa_key", "bob", Severity::medium}) == 1);
  CHECK(keys.count({"password_min_length", "*", Severity::medium}) == 1);
  CHECK(result.findings.size() == 22);
  CHECK(result.inventory.at("accounts").at("shadow_read") == false);
}

TEST_CASE("auth: hosts without sshd, sudo or passwd", "[unit][auth]") {
  TempTree tree;
  copy_weak(tree);
  SECTION("no sshd_config: no SSH findings, sshd null in the inventory") {
    fs::remove_all(tree.root() / "etc/ssh");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{});
    for (const auto& f : result.findings)
      CHECK_FALSE(f.fields.at("finding_type").get<std::string>().starts_with("sshd_"));
    CHECK(result.inventory.at("sshd") == nullptr);
  }
  SECTION("no /etc/shadow: not a problem, the checks that need it are skipped") {
    fs::remove(tree.root() / "etc/shadow");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{});
    CHECK(result.inventory.at("accounts").at("shadow_read") == false);
    CHECK(keys_of(result).count({"uid0_non_root", "toor", Severity::critical}) == 1);
  }
  SECTION("no sudoers: no sudo findings") {
    fs::remove(tree.root() / "etc/sudoers");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{});
    CHECK(result.inventory.at("sudo") == nullptr);
    CHECK(result.findings.size() == 21);
  }
  SECTION("an unreadable sudoers.d file is a problem") {
    fs::remove(tree.root() / "etc/sudoers.d/lazy");
    fs::create_directory(tree.root() / "etc/sudoers.d/lazy");
    const auto result = collect_at(tree.root());
    CHECK(result.problems == Strings{"cannot read /etc/sudoers.d/lazy (under " +
                                     tree.root().string() + "): not a regular file"});
    CHECK(keys_of(result).count({"sudo_no_authenticate", "*", Severity::high}) == 0);
  }
  SECTION("no passwd: a problem, and sshd, sudo and policy still run") {
    fs::remove(tree.root() / "etc/passwd");
    CollectResult result;
    REQUIRE_NOTHROW(result = collect_at(tree.root()));
    CHECK(result.problems == Strings{"cannot read /etc/passwd (under " + tree.root().string() +
                                     "): No such file or directory; the account and "
                                     "authorized_keys checks are skipped"});
    CHECK(result.inventory.at("accounts") == nullptr);
    CHECK(result.inventory.at("authorized_keys") == nullptr);
    CHECK(result.findings.size() == 14);  // 6 sshd, 4 sudo, 4 password policy
  }
}

TEST_CASE("auth: an empty root gives problems, never an exception", "[unit][auth]") {
  TempTree tree;
  CollectResult result;
  REQUIRE_NOTHROW(result = collect_at(tree.root() / "missing"));
  CHECK(result.problems.size() == 1);
  CHECK(result.findings.empty());
}

TEST_CASE("auth: a stop request ends the run early", "[unit][auth]") {
  const HostFs host(fixture_host("auth-weak"));
  auto collector = zt::auth::descriptor().make(options());
  std::stop_source stop;
  stop.request_stop();
  Context context(host, std::chrono::steady_clock::now() + 60s, stop.get_token());
  const auto result = collector->collect(context);
  CHECK(
      result.problems ==
      Strings{"stopped before reading the password policy: deadline passed or shutdown requested"});
  CHECK(result.inventory.at("sshd") == nullptr);
  CHECK(result.inventory.at("accounts").at("total") == 12);
}
