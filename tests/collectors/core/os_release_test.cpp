#include "collectors/core/os_release.hpp"

#include <catch2/catch.hpp>

#include "tests/support/temp_tree.hpp"

using zt::collector::parse_os_release;
using zt::collector::parse_shell_value;
using Strings = std::vector<std::string>;

TEST_CASE("os-release of Debian 12 (fixture)", "[unit][os_release]") {
  const auto os = parse_os_release(
      zt::test::read_text(zt::test::fixture_host("debian12") / "usr/lib/os-release"));
  CHECK(os.id == "debian");
  CHECK(os.id_like == Strings{});
  CHECK(os.name == "Debian GNU/Linux");
  CHECK(os.version_id == "12");
  CHECK(os.version_codename == "bookworm");
  CHECK(os.pretty_name == "Debian GNU/Linux 12 (bookworm)");
  CHECK(os.values.at("HOME_URL") == "https://www.debian.org/");
  CHECK(os.values.size() == 9);
}

TEST_CASE("os-release of Alpine 3.18 (fixture)", "[unit][os_release]") {
  const auto os = parse_os_release(
      zt::test::read_text(zt::test::fixture_host("alpine318") / "etc/os-release"));
  CHECK(os.id == "alpine");
  CHECK(os.name == "Alpine Linux");
  CHECK(os.version_id == "3.18.9");
  CHECK(os.version_codename == "");
  CHECK(os.pretty_name == "Alpine Linux v3.18");
  CHECK(os.values.at("BUG_REPORT_URL") ==
        "https://gitlab.alpinelinux.org/alpine/aports/-/issues");
}

TEST_CASE("os-release ID_LIKE is a space-separated list", "[unit][os_release]") {
  const auto os = parse_os_release(
      "NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID=\"22.04\"\n"
      "VERSION_CODENAME=jammy\n");
  CHECK(os.id_like == Strings{"debian"});
  CHECK(parse_os_release("ID_LIKE=\"rhel  centos\tfedora\"").id_like ==
        Strings{"rhel", "centos", "fedora"});
  CHECK(parse_os_release("ID_LIKE=").id_like == Strings{});
}

TEST_CASE("os-release values are unquoted the way a shell would", "[unit][os_release]") {
  CHECK(parse_shell_value("plain") == "plain");
  CHECK(parse_shell_value("\"two words\"") == "two words");
  CHECK(parse_shell_value("'single $quoted \\\" text'") == "single $quoted \\\" text");
  CHECK(parse_shell_value(R"("say \"hi\" for \$5 \`x\` a\\b")") == R"(say "hi" for $5 `x` a\b)");
  // Inside double quotes a backslash before any other character stays.
  CHECK(parse_shell_value(R"("C:\temp\n")") == R"(C:\temp\n)");
  CHECK(parse_shell_value(R"(unquoted\ space)") == "unquoted space");
  CHECK(parse_shell_value(R"("joined"'words'too)") == "joinedwordstoo");
  CHECK(parse_shell_value("first second") == "first");
  CHECK(parse_shell_value("\"\"") == "");
  CHECK(parse_shell_value("") == "");

  const auto os = parse_os_release(R"(PRETTY_NAME="Fancy \"Linux\" 1.0"
NAME='It'\''s Linux'
)");
  CHECK(os.pretty_name == "Fancy \"Linux\" 1.0");
  CHECK(os.name == "It's Linux");
}

TEST_CASE("os-release comments, blank lines, CRLF and indentation", "[unit][os_release]") {
  const auto os = parse_os_release(
      "# a comment\r\n"
      "\r\n"
      "   ID=gentoo\r\n"
      "#ID=commented\r\n"
      "\tNAME=\"Gentoo\"\r\n"
      "VERSION_ID=2.15");
  CHECK(os.id == "gentoo");
  CHECK(os.name == "Gentoo");
  CHECK(os.version_id == "2.15");
  CHECK(os.values.size() == 3);
}

TEST_CASE("os-release: missing keys get the defaults of os-release(5)", "[unit][os_release]") {
  const auto os = parse_os_release("");
  CHECK(os.id == "linux");
  CHECK(os.name == "Linux");
  CHECK(os.pretty_name == "Linux");
  CHECK(os.version_id == "");
  CHECK(os.version_codename == "");
  CHECK(os.id_like == Strings{});
}

TEST_CASE("os-release: malformed lines are skipped, the rest is kept", "[unit][os_release]") {
  const auto os = parse_os_release(
      "this line has no equals sign\n"
      "1ID=starts-with-digit\n"
      "BAD-KEY=dash\n"
      "=novalue\n"
      "ID=first\n"
      "ID=second\n"
      "PRETTY_NAME=\"Unterminated quote\n"
      "NAME\n"
      "VERSION_CODENAME=\"quoted\" trailing words\n");
  CHECK(os.id == "second");  // the last assignment wins, as in a shell
  CHECK(os.pretty_name == "Unterminated quote");
  CHECK(os.name == "Linux");
  CHECK(os.version_codename == "quoted");
  CHECK(os.values.size() == 3);

  const std::string binary("\0\xff\xfe=\x01\nID=ok\n\0", 12);
  CHECK(parse_os_release(binary).id == "ok");
}
