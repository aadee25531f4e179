#include "collectors/readers/accounts.hpp"

#include <catch2/catch.hpp>

using namespace zt::readers;
using Strings = std::vector<std::string>;

TEST_CASE("auth: password fields are reduced to a state", "[unit][auth]") {
  CHECK(classify_password("") == PasswordState::empty);
  CHECK(classify_password("x") == PasswordState::shadow);
  CHECK(classify_password("!") == PasswordState::locked);
  CHECK(classify_password("!!") == PasswordState::locked);
  CHECK(classify_password("*") == PasswordState::locked);
  CHECK(classify_password("!$y$j9T$fixture$notarealhash") == PasswordState::locked);
  CHECK(classify_password("$6$salt$hash") == PasswordState::set);
  CHECK(classify_password("abcdEFGH1234.") == PasswordState::set);  // old DES crypt
  CHECK(to_string(PasswordState::empty) == "empty");
  CHECK(to_string(PasswordState::set) == "set");
  CHECK(to_string(PasswordState::locked) == "locked");
}

TEST_CASE("auth: passwd", "[unit][auth]") {
  const auto p = parse_passwd(
      "root:x:0:0:root:/root:/bin/bash\n"
      "# a comment\n"
      "\n"
      "daemon:*:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
      "+nisuser::::::\n"
      "broken:x:notanumber:1:gecos:/home:/bin/sh\n"
      "short:x:5:5\n"
      "legacy::1004:1004:Legacy:/home/legacy:\r\n"
      "big:x:4294967295:4294967295:::/bin/sh");
  REQUIRE(p.entries.size() == 4);
  CHECK(p.malformed_lines == 2);
  CHECK(p.entries[0].name == "root");
  CHECK(p.entries[0].password == PasswordState::shadow);
  CHECK(p.entries[0].uid == 0);
  CHECK(p.entries[0].home == "/root");
  CHECK(p.entries[0].shell == "/bin/bash");
  CHECK(p.entries[0].line == 1);
  CHECK(p.entries[1].password == PasswordState::locked);
  CHECK(p.entries[1].line == 4);
  CHECK(p.entries[2].name == "legacy");
  CHECK(p.entries[2].password == PasswordState::empty);
  CHECK(p.entries[2].shell == "");
  CHECK(p.entries[2].line == 8);
  CHECK(p.entries[3].uid == 4294967295u);
  CHECK(parse_passwd("x:x:4294967296:0:::/bin/sh").malformed_lines == 1);
  CHECK(parse_passwd("x:x:-1:0:::/bin/sh").malformed_lines == 1);
  CHECK(parse_passwd(":x:1:0:::/bin/sh").malformed_lines == 1);
}

TEST_CASE("auth: shadow keeps no hash, only the state and the maximum age", "[unit][auth]") {
  const auto s = parse_shadow(
      "root:!:19700:0:99999:7:::\n"
      "alice:$y$j9T$fixture$notarealhash:19700:1:90:7:::\n"
      "guest::19700:0::7:::\n"
      "old:$6$a$b:19700\n"
      "weird:x:19700:0:abc:7:::\n"
      "toolong:a:b:c:d:e:f:g:h:i:j\n"
      "nopass\n");
  REQUIRE(s.entries.size() == 4);
  CHECK(s.malformed_lines == 3);
  CHECK(s.entries[0].password == PasswordState::locked);
  CHECK(s.entries[0].max_days == 99999);
  CHECK(s.entries[1].password == PasswordState::set);
  CHECK(s.entries[1].max_days == 90);
  CHECK(s.entries[1].line == 2);
  CHECK(s.entries[2].password == PasswordState::empty);
  CHECK_FALSE(s.entries[2].max_days.has_value());
  CHECK(s.entries[3].name == "old");
  CHECK_FALSE(s.entries[3].max_days.has_value());
  // The other aging fields, and the hash only as its kind.
  CHECK(s.entries[1].min_days == 1);
  CHECK(s.entries[1].warn_days == 7);
  CHECK_FALSE(s.entries[1].inactive_days.has_value());
  CHECK(s.entries[1].hash_kind == "yescrypt");
  CHECK(s.entries[0].hash_kind == "locked");
  CHECK(s.entries[2].hash_kind == "empty");
  CHECK(s.entries[3].hash_kind == "sha512crypt");
}

TEST_CASE("readers: the kind of a password field, never its content", "[unit][auth]") {
  CHECK(hash_kind("$y$j9T$salt$hash") == "yescrypt");
  CHECK(hash_kind("$gy$j9T$salt$hash") == "gost-yescrypt");
  CHECK(hash_kind("$6$salt$hash") == "sha512crypt");
  CHECK(hash_kind("$5$salt$hash") == "sha256crypt");
  CHECK(hash_kind("$1$salt$hash") == "md5crypt");
  CHECK(hash_kind("$2b$10$hash") == "bcrypt");
  CHECK(hash_kind("abcdefghijklm") == "descrypt");
  CHECK(hash_kind("!$6$salt$hash") == "locked");
  CHECK(hash_kind("*") == "locked");
  CHECK(hash_kind("") == "empty");
  CHECK(hash_kind("$9$x") == "unknown");
}

TEST_CASE("auth: group", "[unit][auth]") {
  const auto g = parse_group("root:x:0:\nsudo:x:27:alice, bob,,carol\nbad:x:y:\nshort:x:1\n");
  REQUIRE(g.entries.size() == 2);
  CHECK(g.malformed_lines == 2);
  CHECK(g.entries[0].members.empty());
  CHECK(g.entries[1].gid == 27);
  CHECK(g.entries[1].members == Strings{"alice", "bob", "carol"});
}

TEST_CASE("auth: login shells", "[unit][auth]") {
  CHECK(is_login_shell("/bin/bash"));
  CHECK(is_login_shell(""));  // empty means /bin/sh
  CHECK(is_login_shell("/bin/sync"));
  CHECK_FALSE(is_login_shell("/usr/sbin/nologin"));
  CHECK_FALSE(is_login_shell("/sbin/nologin"));
  CHECK_FALSE(is_login_shell("/bin/false"));
  CHECK_FALSE(is_login_shell("/usr/bin/false"));
}
