#include "collectors/auth/sudoers.hpp"

#include <catch2/catch.hpp>

using namespace zt::auth;
using Strings = std::vector<std::string>;

namespace {
Strings commands_of(const SudoRule& rule, bool nopasswd) {
  Strings out;
  for (const auto& c : rule.commands)
    if (c.nopasswd == nopasswd) out.push_back(c.command);
  return out;
}
}  // namespace

TEST_CASE("sudoers: includes, comments and UIDs", "[unit][auth]") {
  const auto s = parse_sudoers(
      "# a comment\n"
      "#includedir /etc/sudoers.d\n"
      "@include \"/etc/sudoers.local\"\n"
      "@includedir extra\n"
      "#1000 ALL=(ALL) ALL # uid rule, trailing comment\n"
      "   \n");
  REQUIRE(s.includes.size() == 3);
  CHECK(s.includes[0].path == "/etc/sudoers.d");
  CHECK(s.includes[0].directory);
  CHECK(s.includes[0].line == 2);
  CHECK(s.includes[1].path == "/etc/sudoers.local");
  CHECK_FALSE(s.includes[1].directory);
  CHECK(s.includes[2].path == "extra");
  REQUIRE(s.rules.size() == 1);
  CHECK(s.rules[0].users == Strings{"#1000"});
  CHECK(s.rules[0].commands.size() == 1);
  CHECK(s.malformed_lines == 0);
}

TEST_CASE("sudoers: Defaults and their bindings", "[unit][auth]") {
  const auto s = parse_sudoers(
      "Defaults env_reset, mail_badpass\n"
      "Defaults secure_path=\"/usr/sbin:/usr/bin\"\n"
      "Defaults:alice, %ops   !authenticate, !lecture\n"
      "Defaults>root !authenticate\n"
      "Defaults !!authenticate\n"
      "Defaults authenticate\n"
      "Defaultsfoo bar\n");
  REQUIRE(s.defaults.size() == 6);
  CHECK(s.defaults[0].params == Strings{"env_reset", "mail_badpass"});
  CHECK_FALSE(s.defaults[0].no_authenticate);
  CHECK(s.defaults[1].params == Strings{"secure_path=\"/usr/sbin:/usr/bin\""});
  CHECK(s.defaults[2].binding_type == ':');
  CHECK(s.defaults[2].bindings == Strings{"alice", "%ops"});
  CHECK(s.defaults[2].no_authenticate);
  CHECK(s.defaults[2].line == 3);
  CHECK(s.defaults[3].binding_type == '>');
  CHECK(s.defaults[3].no_authenticate);
  CHECK_FALSE(s.defaults[4].no_authenticate);
  CHECK_FALSE(s.defaults[5].no_authenticate);
  CHECK(s.malformed_lines == 1);
}

TEST_CASE("sudoers: user specs, tags and continuation lines", "[unit][auth]") {
  const auto s = parse_sudoers(
      "root\tALL=(ALL:ALL) ALL\n"
      "alice, bob ALL = (root) NOPASSWD: /usr/bin/apt, \\\n"
      "     PASSWD: /usr/bin/vi, /bin/ls\n"
      "deploy ALL=(ALL) NOPASSWD:ALL\n"
      "%wheel host1 = (ALL) SETENV: NOPASSWD: CWD=* /usr/bin/id : host2 = NOPASSWD: ALL\n"
      "carol ALL = sha256:abc123 /usr/bin/true, NOEXEC: NOPASSWD: !/bin/sh\n"
      "garbage without equals\n");
  REQUIRE(s.rules.size() == 5);
  CHECK(s.malformed_lines == 1);
  CHECK(s.rules[0].users == Strings{"root"});
  CHECK(commands_of(s.rules[0], false) == Strings{"ALL"});
  CHECK(s.rules[1].users == Strings{"alice", "bob"});
  CHECK(s.rules[1].line == 2);
  CHECK(commands_of(s.rules[1], true) == Strings{"/usr/bin/apt"});
  CHECK(commands_of(s.rules[1], false) == Strings{"/usr/bin/vi", "/bin/ls"});
  CHECK(s.rules[2].users == Strings{"deploy"});
  CHECK(commands_of(s.rules[2], true) == Strings{"ALL"});
  CHECK(s.rules[2].text == "deploy ALL=(ALL) NOPASSWD:ALL");
  CHECK(commands_of(s.rules[3], true) == Strings{"/usr/bin/id", "ALL"});
  CHECK(commands_of(s.rules[4], false) == Strings{"/usr/bin/true"});
  CHECK(commands_of(s.rules[4], true) == Strings{"!/bin/sh"});

  const CmndAliases none;
  CHECK_FALSE(grants_nopasswd_all(s.rules[0], none));
  CHECK_FALSE(grants_nopasswd_all(s.rules[1], none));
  CHECK(grants_nopasswd_all(s.rules[2], none));
  CHECK(grants_nopasswd_all(s.rules[3], none));
  CHECK_FALSE(grants_nopasswd_all(s.rules[4], none));
}

TEST_CASE("sudoers: Cmnd_Alias that holds ALL", "[unit][auth]") {
  const auto s = parse_sudoers(
      "Cmnd_Alias SHELLS = /bin/sh, /bin/bash : EVERYTHING = ALL\n"
      "Cmnd_Alias NESTED = SHELLS, EVERYTHING\n"
      "User_Alias ADMINS = alice, bob\n"
      "ADMINS ALL = NOPASSWD: NESTED\n"
      "%ops ALL = NOPASSWD: SHELLS\n"
      "Cmnd_Alias LOOP = LOOP\n"
      "x ALL = NOPASSWD: LOOP\n");
  REQUIRE(s.rules.size() == 3);
  CHECK(s.cmnd_aliases.at("SHELLS") == Strings{"/bin/sh", "/bin/bash"});
  CHECK(s.cmnd_aliases.at("EVERYTHING") == Strings{"ALL"});
  CHECK(grants_nopasswd_all(s.rules[0], s.cmnd_aliases));
  CHECK_FALSE(grants_nopasswd_all(s.rules[1], s.cmnd_aliases));
  CHECK_FALSE(grants_nopasswd_all(s.rules[2], s.cmnd_aliases));  // a loop ends
}

TEST_CASE("sudoers: which @includedir names sudo reads", "[unit][auth]") {
  CHECK(sudo_reads_included_name("90-cloud-init-users"));
  CHECK(sudo_reads_included_name("README"));
  CHECK_FALSE(sudo_reads_included_name("old.dpkg-old"));
  CHECK_FALSE(sudo_reads_included_name("backup~"));
  CHECK_FALSE(sudo_reads_included_name(""));
}
