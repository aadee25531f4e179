#include "collectors/auth/password_policy.hpp"

#include <catch2/catch.hpp>

using namespace zt::auth;
using Strings = std::vector<std::string>;

TEST_CASE("auth: login.defs, last assignment wins", "[unit][auth]") {
  const auto defs = parse_login_defs(
      "# comment\nPASS_MAX_DAYS\t99999\n  PASS_MIN_DAYS 0  # trailing words ignored\n"
      "PASS_MAX_DAYS 90\nLONELY\nENCRYPT_METHOD \"SHA512\"\n");
  CHECK(defs.at("PASS_MAX_DAYS").value == "90");
  CHECK(defs.at("PASS_MAX_DAYS").line == 4);
  CHECK(defs.at("PASS_MIN_DAYS").value == "0");
  CHECK(defs.at("ENCRYPT_METHOD").value == "SHA512");
  CHECK(defs.count("LONELY") == 0);
}

TEST_CASE("auth: pwquality.conf", "[unit][auth]") {
  const auto q = parse_pwquality_conf(
      "# minlen = 8\nminlen = 14 # site policy\nenforce_for_root\n"
      "dcredit=-1\n= 3\nbad key = 1\n");
  CHECK(q.at("minlen").value == "14");
  CHECK(q.at("minlen").line == 2);
  CHECK(q.at("enforce_for_root").value == "");
  CHECK(q.at("dcredit").value == "-1");
  CHECK(q.size() == 3);
}

TEST_CASE("auth: PAM lines", "[unit][auth]") {
  const auto lines = parse_pam_config(
      "# comment\n"
      "password\trequisite\t\t\tpam_pwquality.so retry=3 minlen=12\n"
      "password [success=1 default=ignore]  /lib/x86_64-linux-gnu/security/pam_unix.so obscure \\\n"
      "    minlen=8 yescrypt\n"
      "-password optional pam_gnome_keyring.so\n"
      "@include common-auth\n"
      "auth required\n");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].type == "password");
  CHECK(lines[0].control == "requisite");
  CHECK(lines[0].module == "pam_pwquality.so");
  CHECK(lines[0].args == Strings{"retry=3", "minlen=12"});
  CHECK(lines[0].line == 2);
  CHECK(lines[1].control == "[success=1 default=ignore]");
  CHECK(lines[1].module == "pam_unix.so");
  CHECK(lines[1].args == Strings{"obscure", "minlen=8", "yescrypt"});
  CHECK(lines[1].line == 3);
  CHECK(lines[2].type == "password");
  CHECK(lines[2].module == "pam_gnome_keyring.so");
  CHECK(pam_arg(lines[0], "minlen") == "12");
  CHECK_FALSE(pam_arg(lines[0], "min").has_value());
}

TEST_CASE("auth: effective minimum length of a password stack", "[unit][auth]") {
  const ConfValues conf14 = parse_pwquality_conf("minlen = 14\n");
  const auto unix_only = parse_pam_config("password required pam_unix.so yescrypt\n");
  const auto pwq = parse_pam_config(
      "password requisite pam_pwquality.so retry=3\n"
      "password [success=1 default=ignore] pam_unix.so obscure use_authtok\n");
  const auto pwq_arg = parse_pam_config(
      "password requisite pam_pwquality.so minlen=6\n"
      "password required pam_unix.so\n");
  const auto cracklib = parse_pam_config("password requisite pam_cracklib.so\n");

  CHECK(effective_min_length(unix_only, {})->value == kUnixDefaultMinLen);
  CHECK(effective_min_length(unix_only, {})->source == "module default");
  CHECK(effective_min_length(pwq, {})->value == kPwqualityDefaultMinLen);
  const auto from_conf = effective_min_length(pwq, conf14);
  CHECK(from_conf->value == 14);
  CHECK(from_conf->module == "pam_pwquality.so");
  CHECK(from_conf->source == "pwquality.conf minlen = 14");
  CHECK(from_conf->line == 1);
  const auto from_arg = effective_min_length(pwq_arg, conf14);  // the argument wins
  CHECK(from_arg->value == 6);
  CHECK(from_arg->source == "argument minlen=6");
  CHECK(effective_min_length(cracklib, {})->value == kCracklibDefaultMinLen);
  CHECK_FALSE(effective_min_length(parse_pam_config("auth required pam_unix.so\n"), {}));
  // A module with a bigger minimum than pwquality's decides.
  CHECK(effective_min_length(parse_pam_config("password requisite pam_pwquality.so\n"
                                              "password required pam_unix.so minlen=20\n"),
                             conf14)
            ->value == 20);
}
