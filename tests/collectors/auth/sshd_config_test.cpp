#include <catch2/catch.hpp>
#include <map>

#include "collectors/auth/report.hpp"
#include "collectors/auth/ssh_algorithms.hpp"
#include "collectors/readers/sshd_config.hpp"
#include "schema-client/model/validation.hpp"

using namespace zt::auth;
using namespace zt::readers;
using Strings = std::vector<std::string>;

namespace {

// A host of config files in memory: exact paths for reading, globs as sshd would expand them
// (here: '*' in the last component only, which is all these tests need).
struct FakeHost {
  std::map<std::string, std::string> files;

  SshdSource source() const {
    SshdSource s;
    s.read = [this](const std::string& path, std::string& error) -> std::optional<std::string> {
      const auto it = files.find(path);
      if (it == files.end()) {
        error = path + ": Permission denied";
        return std::nullopt;
      }
      return it->second;
    };
    s.glob = [this](const std::string& pattern) {
      Strings out;
      for (const auto& [path, text] : files)
        if (wildcard_match(pattern, path)) out.push_back(path);
      if (pattern == "/etc/ssh/unreadable.conf") out.push_back(pattern);
      return out;
    };
    return s;
  }

  SshdConfig load(const std::string& main = "/etc/ssh/sshd_config") const {
    return load_sshd_config(main, files.at(main), source());
  }
};

}  // namespace

TEST_CASE("sshd: directives, case, '=' and quotes", "[unit][auth]") {
  const auto d = parse_sshd_directives(
      "# comment\n"
      "  PermitRootLogin   yes  # trailing comment\n"
      "PASSWORDAUTHENTICATION=no\n"
      "Ciphers = aes128-ctr,aes256-ctr\n"
      "AuthorizedKeysFile \"/etc/ssh/keys/%u keys\" .ssh/authorized_keys\n"
      "Banner\n"
      "\n");
  REQUIRE(d.size() == 5);
  CHECK(d[0].keyword == "permitrootlogin");
  CHECK(d[0].args == Strings{"yes"});
  CHECK(d[0].line == 2);
  CHECK(d[1].keyword == "passwordauthentication");
  CHECK(d[1].args == Strings{"no"});
  CHECK(d[2].args == Strings{"aes128-ctr,aes256-ctr"});
  CHECK(d[3].args == Strings{"/etc/ssh/keys/%u keys", ".ssh/authorized_keys"});
  CHECK(d[4].keyword == "banner");
  CHECK(d[4].args.empty());
}

TEST_CASE("sshd: the first value wins, across Include'd files in lexical order", "[unit][auth]") {
  FakeHost host;
  host.files["/etc/ssh/sshd_config"] =
      "Include /etc/ssh/sshd_config.d/*.conf\n"
      "PermitRootLogin no\n"
      "PasswordAuthentication no\n"
      "ChallengeResponseAuthentication yes\n"
      "Include local.conf\n";  // relative: under /etc/ssh
  host.files["/etc/ssh/sshd_config.d/20-b.conf"] = "PermitRootLogin without-password\nPort 2222\n";
  host.files["/etc/ssh/sshd_config.d/10-a.conf"] = "PermitRootLogin yes\n";
  host.files["/etc/ssh/sshd_config.d/notes.txt"] = "PasswordAuthentication yes\n";
  host.files["/etc/ssh/local.conf"] = "UsePAM yes\nPort 22\n";
  const SshdConfig c = host.load();

  CHECK(c.files == Strings{"/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/10-a.conf",
                           "/etc/ssh/sshd_config.d/20-b.conf", "/etc/ssh/local.conf"});
  CHECK(c.problems.empty());
  const SshdSetting* from = nullptr;
  CHECK(effective_value(c, "permitrootlogin", nullptr, &from) == "yes");
  REQUIRE(from != nullptr);
  CHECK(from->file == "/etc/ssh/sshd_config.d/10-a.conf");
  CHECK(from->line == 1);
  CHECK(effective_value(c, "passwordauthentication") == "no");
  CHECK(effective_value(c, "kbdinteractiveauthentication") == "yes");  // the old name
  CHECK(effective_value(c, "port") == "2222");
  CHECK(effective_value(c, "usepam") == "yes");
  // Unset: OpenSSH's defaults.
  CHECK(effective_value(c, "permitemptypasswords", nullptr, &from) == "no");
  CHECK(from == nullptr);
}

TEST_CASE("sshd: defaults of a config that sets nothing", "[unit][auth]") {
  FakeHost host;
  host.files["/etc/ssh/sshd_config"] = "";
  const SshdConfig c = host.load();
  CHECK(effective_value(c, "permitrootlogin") == "prohibit-password");
  CHECK(effective_value(c, "passwordauthentication") == "yes");
  CHECK(effective_value(c, "permitemptypasswords") == "no");
  CHECK(effective_value(c, "kbdinteractiveauthentication") == "yes");
  // Only PasswordAuthentication's default is weak: UsePAM defaults to no.
  Strings types;
  for (const auto& f : sshd_findings(c)) types.push_back(f.fields.at("finding_type"));
  CHECK(types == Strings{"sshd_password_authentication"});
}

TEST_CASE("sshd: Match blocks, and Include inside them", "[unit][auth]") {
  FakeHost host;
  host.files["/etc/ssh/sshd_config"] =
      "PasswordAuthentication no\n"
      "KbdInteractiveAuthentication no\n"
      "Match User backup\n"
      "  PermitEmptyPasswords yes\n"
      "  PermitEmptyPasswords no\n"
      "  Include /etc/ssh/match.d/*.conf\n"
      "  X11Forwarding no\n"
      "Match Address 10.0.0.0/8 User alice\n"
      "  PasswordAuthentication yes\n";
  // A Match inside an included file ends with that file.
  host.files["/etc/ssh/match.d/a.conf"] = "PasswordAuthentication yes\nMatch User other\nPort 1\n";
  const SshdConfig c = host.load();
  REQUIRE(c.matches.size() == 3);
  CHECK(c.matches[0].criteria == "User backup");
  CHECK(c.matches[0].line == 3);
  CHECK(c.matches[0].settings.at("permitemptypasswords").value == "yes");
  CHECK(c.matches[0].settings.at("passwordauthentication").value == "yes");
  CHECK(c.matches[0].settings.count("x11forwarding") == 1);  // back in "User backup"
  CHECK(c.matches[1].criteria == "User other");
  CHECK(c.matches[1].file == "/etc/ssh/match.d/a.conf");
  CHECK(c.matches[2].criteria == "Address 10.0.0.0/8 User alice");
  CHECK(c.global.count("permitemptypasswords") == 0);
  CHECK(effective_value(c, "permitemptypasswords") == "no");
  CHECK(effective_value(c, "permitemptypasswords", &c.matches[0]) == "yes");
  CHECK(effective_value(c, "passwordauthentication", &c.matches[1]) == "no");

  const auto findings = sshd_findings(c);
  REQUIRE(findings.size() == 2);
  const auto& empty = findings[0];
  CHECK(empty.fields.at("finding_type") == "sshd_password_authentication");
  CHECK(empty.metadata.at("in_match") == "User backup");
  CHECK(empty.metadata.at("match_blocks") ==
        nlohmann::json{"User backup", "Address 10.0.0.0/8 User alice"});
  CHECK(empty.title == "sshd accepts password authentication (in Match User backup)");
  const auto& pep = findings[1];
  CHECK(pep.fields ==
        nlohmann::json{{"finding_type", "sshd_permit_empty_passwords"}, {"user_account", "sshd"}});
  CHECK(pep.metadata.at("in_match") == "User backup");
  CHECK(pep.metadata.at("evidence")[0].at("line") == 4);
  for (const auto& f : findings) CHECK(zt::model::finding_problems(f, "$").empty());
}

TEST_CASE("sshd: unreadable includes and include loops are problems", "[unit][auth]") {
  FakeHost host;
  host.files["/etc/ssh/sshd_config"] = "Include unreadable.conf\nInclude /etc/ssh/loop.conf\n";
  host.files["/etc/ssh/loop.conf"] = "Include /etc/ssh/loop.conf\n";
  const SshdConfig c = load_sshd_config("/etc/ssh/sshd_config",
                                        host.files.at("/etc/ssh/sshd_config"), host.source(), 4);
  REQUIRE(c.problems.size() == 2);
  CHECK(c.problems[0] ==
        "cannot read /etc/ssh/unreadable.conf: Permission denied (included "
        "from /etc/ssh/sshd_config:1)");
  CHECK(c.problems[1] ==
        "/etc/ssh/loop.conf:1: Include /etc/ssh/loop.conf nested more than 4 "
        "deep; not followed");
  CHECK(c.files.size() == 5);
}

TEST_CASE("sshd: root login needs a password method to be a finding", "[unit][auth]") {
  FakeHost host;
  host.files["/etc/ssh/sshd_config"] =
      "PermitRootLogin yes\nPasswordAuthentication no\n"
      "KbdInteractiveAuthentication no\n";
  CHECK(sshd_findings(host.load()).empty());
  host.files["/etc/ssh/sshd_config"] =
      "PermitRootLogin yes\nPasswordAuthentication no\n"
      "UsePAM yes\n";  // keyboard-interactive via PAM
  Strings types;
  for (const auto& f : sshd_findings(host.load())) types.push_back(f.fields.at("finding_type"));
  CHECK(types == Strings{"sshd_root_login_password", "sshd_password_authentication"});
}

TEST_CASE("sshd: algorithm lists and their modifiers", "[unit][auth]") {
  using K = AlgorithmKind;
  CHECK(effective_algorithms(K::cipher, "") == default_algorithms(K::cipher));
  CHECK(weak_algorithms(K::cipher, default_algorithms(K::cipher)).empty());
  CHECK(weak_algorithms(K::mac, default_algorithms(K::mac)).empty());
  CHECK(weak_algorithms(K::kex, default_algorithms(K::kex)).empty());

  const auto plus = effective_algorithms(K::cipher, "+aes128-cbc,3des-cbc");
  CHECK(plus.size() == default_algorithms(K::cipher).size() + 2);
  CHECK(plus.back() == "3des-cbc");
  CHECK(weak_algorithms(K::cipher, plus) == Strings{"aes128-cbc", "3des-cbc"});

  CHECK(effective_algorithms(K::cipher, "-aes*-ctr,chacha20*") ==
        Strings{"aes128-gcm@openssh.com", "aes256-gcm@openssh.com"});
  const auto caret = effective_algorithms(K::kex, "^diffie-hellman-group14-sha1");
  CHECK(caret.front() == "diffie-hellman-group14-sha1");
  CHECK(caret.size() == default_algorithms(K::kex).size() + 1);
  CHECK(effective_algorithms(K::mac, "hmac-sha2-512,hmac-md5*") ==
        Strings{"hmac-sha2-512", "hmac-md5", "hmac-md5-96", "hmac-md5-etm@openssh.com",
                "hmac-md5-96-etm@openssh.com"});
  CHECK(weak_algorithms(K::mac, {"hmac-sha1", "hmac-sha1-96", "umac-64@openssh.com",
                                 "hmac-ripemd160", "hmac-md5-96-etm@openssh.com"}) ==
        Strings{"hmac-sha1-96", "hmac-ripemd160", "hmac-md5-96-etm@openssh.com"});
  CHECK(weak_algorithms(K::cipher, {"arcfour256", "blowfish-cbc", "cast128-cbc",
                                    "rijndael-cbc@lysator.liu.se", "aes256-ctr"}) ==
        Strings{"arcfour256", "blowfish-cbc", "cast128-cbc", "rijndael-cbc@lysator.liu.se"});
  CHECK(weak_algorithms(K::kex, {"diffie-hellman-group1-sha1", "diffie-hellman-group-exchange-sha1",
                                 "diffie-hellman-group14-sha256"}) ==
        Strings{"diffie-hellman-group1-sha1", "diffie-hellman-group-exchange-sha1"});
  CHECK(wildcard_match("a*c?e", "abbbcde"));
  CHECK_FALSE(wildcard_match("a*c?e", "abbbce"));
}
