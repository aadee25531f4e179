#include "collectors/network/banner.hpp"

#include <catch2/catch.hpp>

#include "collectors/core/utf8.hpp"
#include "tests/support/fuzz.hpp"

using zt::network::banner_excerpt;
using zt::network::BannerInfo;
using zt::network::parse_banner;

namespace {

// A MariaDB 10.11 greeting as Debian 12 sends it (protocol 10, then the version).
std::string mysql_greeting(std::string_view version) {
  std::string payload = "\x0a";
  payload += version;
  payload += '\0';
  payload += std::string("\x2a\x00\x00\x00" "abcdefgh" "\x00\xfe\xf7\x2d\x02\x00\xff\x81", 20);
  std::string packet;
  packet += static_cast<char>(payload.size() & 0xff);
  packet += static_cast<char>((payload.size() >> 8) & 0xff);
  packet += '\0';
  packet += '\0';
  return packet + payload;
}

}  // namespace

TEST_CASE("banner: greet-first protocols and their versions", "[unit][network][banner]") {
  CHECK(parse_banner("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n") ==
        BannerInfo{"ssh", "OpenSSH_9.2p1 Debian-2"});
  CHECK(parse_banner("SSH-2.0-dropbear_2022.83\r\n") == BannerInfo{"ssh", "dropbear_2022.83"});
  CHECK(parse_banner("SSH-1.99-Cisco-1.25\n") == BannerInfo{"ssh", "Cisco-1.25"});
  CHECK(parse_banner("220 (vsFTPd 3.0.3)\r\n") == BannerInfo{"ftp", "vsFTPd 3.0.3"});
  CHECK(parse_banner("220 ProFTPD Server (Debian) [::ffff:127.0.0.1]\r\n") ==
        BannerInfo{"ftp", "ProFTPD"});
  CHECK(parse_banner("220 mail.example.com ESMTP Postfix (Debian/GNU)\r\n") ==
        BannerInfo{"smtp", "Postfix"});
  CHECK(parse_banner("220 mx.example.com ESMTP Exim 4.96 Mon, 02 Dec 2024 10:00:00 +0000\r\n") ==
        BannerInfo{"smtp", "Exim 4.96"});
  CHECK(parse_banner("220 host ESMTP Sendmail 8.17.1.9/8.17.1.9; Mon, 2 Dec 2024\r\n") ==
        BannerInfo{"smtp", "Sendmail 8.17.1.9/8.17.1.9"});
  CHECK(parse_banner("220 relay ESMTP\r\n") == BannerInfo{"smtp", ""});
  CHECK(parse_banner("+OK Dovecot (Debian) ready.\r\n") == BannerInfo{"pop3", "Dovecot"});
  CHECK(parse_banner("* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE "
                     "LITERAL+ STARTTLS AUTH=PLAIN] Dovecot (Debian) ready.\r\n") ==
        BannerInfo{"imap", "Dovecot"});
  CHECK(parse_banner("RFB 003.008\n") == BannerInfo{"vnc", "RFB 003.008"});
  CHECK(parse_banner(std::string("\xff\xfd\x18\xff\xfd\x20\xff\xfd\x23\xff\xfd\x27", 12)) ==
        BannerInfo{"telnet", ""});
  CHECK(parse_banner(mysql_greeting("10.11.6-MariaDB-0+deb12u1")) ==
        BannerInfo{"mysql", "10.11.6-MariaDB-0+deb12u1"});
  CHECK(parse_banner(mysql_greeting("8.0.36")) == BannerInfo{"mysql", "8.0.36"});
  // "Host '…' is not allowed to connect": an error packet, still MySQL.
  CHECK(parse_banner(std::string("\x45\x00\x00\x00\xff\x6a\x04Host", 11)) ==
        BannerInfo{"mysql", ""});
}

TEST_CASE("banner: unknown greetings", "[unit][network][banner]") {
  CHECK_FALSE(parse_banner(""));
  CHECK_FALSE(parse_banner("220 welcome\r\n"));            // neither FTP nor SMTP
  CHECK_FALSE(parse_banner("220 FTP and SMTP gateway\r\n"));  // both
  CHECK_FALSE(parse_banner("HTTP/1.1 400 Bad Request\r\n"));
  CHECK_FALSE(parse_banner("-ERR unknown command\r\n"));
  CHECK_FALSE(parse_banner(std::string("\x16\x03\x01\x00\x05", 5)));  // a TLS record
  CHECK_FALSE(parse_banner(std::string("\x05\x00\x00\x00\x0a\x38\x2e\x30\x2e", 9)));  // no NUL
}

TEST_CASE("banner: excerpt for evidence", "[unit][network][banner]") {
  CHECK(banner_excerpt("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\nmore") == "SSH-2.0-OpenSSH_9.2p1 Debian-2");
  CHECK(banner_excerpt(std::string("\xff\xfd\x18 x", 5)) == "... x");
  CHECK(banner_excerpt("abcdef", 3) == "abc");
  CHECK(banner_excerpt("") == "");
}

TEST_CASE("banner: fuzzed input", "[unit][network][banner][fuzz]") {
  for (const std::string& seed :
       {std::string("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"),
        std::string("220 mx ESMTP Exim 4.96 Mon, 02 Dec 2024\r\n220 (vsFTPd 3.0.3)\r\n"),
        std::string("* OK [CAPABILITY IMAP4rev1] Dovecot ready.\r\n+OK Dovecot\r\n"),
        mysql_greeting("10.11.6-MariaDB-0+deb12u1")})
    zt::test::fuzz_text(seed, [](const std::string& text) {
      std::optional<BannerInfo> info;
      CHECK_NOTHROW(info = parse_banner(text));
      std::string excerpt;
      CHECK_NOTHROW(excerpt = banner_excerpt(text));
      // The excerpt is evidence in JSON: printable ASCII from the first line, at most 200.
      CHECK(excerpt.size() <= 200);
      CHECK(excerpt.find_first_of("\r\n") == std::string::npos);
      for (char c : excerpt) CHECK((c >= 0x20 && c < 0x7f));
      if (info) {
        CHECK_FALSE(info->service.empty());
        CHECK(zt::collector::is_valid_utf8(info->version));
        CHECK(info->version.size() <= text.size());
      }
    });
}
