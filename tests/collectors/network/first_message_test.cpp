#include "collectors/network/first_message.hpp"

#include <catch2/catch.hpp>

#include "collectors/core/utf8.hpp"
#include "tests/support/fuzz.hpp"

using zt::network::Approach;
using zt::network::approach_for;
using zt::network::Ask;
using zt::network::BannerInfo;
using zt::network::Opening;
using zt::network::parse_answer;
using zt::network::reply_complete;

TEST_CASE("first message: approach by expected service", "[unit][network][first_message]") {
  CHECK(approach_for("ssh") == Approach{Opening::greeting, Ask::nothing});
  CHECK(approach_for("mysql") == Approach{Opening::greeting, Ask::nothing});
  CHECK(approach_for("http") == Approach{Opening::ask, Ask::http_head});
  CHECK(approach_for("http-alt") == Approach{Opening::ask, Ask::http_head});
  CHECK(approach_for("redis") == Approach{Opening::ask, Ask::redis_ping});
  CHECK(approach_for("memcached") == Approach{Opening::ask, Ask::memcached_version});
  CHECK(approach_for("https") == Approach{Opening::tls, Ask::nothing});
  CHECK(approach_for("imaps") == Approach{Opening::tls, Ask::nothing});
  CHECK(approach_for("postgresql") == Approach{Opening::postgres, Ask::nothing});
  CHECK(approach_for("elasticsearch") == Approach{Opening::unknown, Ask::nothing});
  CHECK(approach_for("") == Approach{Opening::unknown, Ask::nothing});
  CHECK(zt::network::ask_bytes(Ask::http_head) == "HEAD / HTTP/1.0\r\n\r\n");
  CHECK(zt::network::ask_bytes(Ask::redis_ping) == "PING\r\n");
  CHECK(zt::network::ask_bytes(Ask::memcached_version) == "version\r\n");
  CHECK(zt::network::ask_bytes(Ask::nothing).empty());
  CHECK(zt::network::kPostgresSslRequest.size() == 8);
}

TEST_CASE("first message: answers", "[unit][network][first_message]") {
  CHECK(parse_answer(Ask::http_head,
                     "HTTP/1.1 200 OK\r\nDate: Mon, 02 Dec 2024\r\nServer: nginx/1.22.1\r\n\r\n") ==
        BannerInfo{"http", "nginx/1.22.1"});
  CHECK(parse_answer(Ask::http_head,
                     "HTTP/1.0 400 Bad Request\r\nserver:  Apache/2.4.62 (Debian)\r\n\r\n") ==
        BannerInfo{"http", "Apache/2.4.62 (Debian)"});
  CHECK(parse_answer(Ask::http_head, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n") ==
        BannerInfo{"http", ""});
  // A header after the blank line is the body's, not the server's.
  CHECK(parse_answer(Ask::http_head, "HTTP/1.1 200 OK\r\n\r\nServer: body\r\n") ==
        BannerInfo{"http", ""});
  CHECK(parse_answer(Ask::http_head, std::string("HTTP/1.1 200 OK\r\nServer: a\x01z\r\n\r\n")) ==
        BannerInfo{"http", ""});
  CHECK_FALSE(parse_answer(Ask::http_head, "SSH-2.0-OpenSSH_9.2p1\r\n"));
  CHECK_FALSE(parse_answer(Ask::http_head, "HTTP/1.1 2x0 OK\r\n\r\n"));
  CHECK_FALSE(parse_answer(Ask::http_head, "HTTP/1.1"));

  CHECK(parse_answer(Ask::redis_ping, "+PONG\r\n") == BannerInfo{"redis", ""});
  CHECK(parse_answer(Ask::redis_ping, "-NOAUTH Authentication required.\r\n") ==
        BannerInfo{"redis", ""});
  CHECK(parse_answer(Ask::redis_ping, "-DENIED Redis is running in protected mode\r\n") ==
        BannerInfo{"redis", ""});
  CHECK_FALSE(parse_answer(Ask::redis_ping, "-ERR\r\n"));
  CHECK_FALSE(parse_answer(Ask::redis_ping, "-err unknown\r\n"));
  CHECK_FALSE(parse_answer(Ask::redis_ping, "+OK Dovecot ready.\r\n"));

  CHECK(parse_answer(Ask::memcached_version, "VERSION 1.6.18\r\n") ==
        BannerInfo{"memcached", "1.6.18"});
  CHECK_FALSE(parse_answer(Ask::memcached_version, "ERROR\r\n"));
  CHECK_FALSE(parse_answer(Ask::nothing, "VERSION 1.6.18\r\n"));
}

TEST_CASE("first message: when a reply is whole", "[unit][network][first_message]") {
  CHECK_FALSE(reply_complete(Ask::http_head, "HTTP/1.1 200 OK\r\nServer: x\r\n"));
  CHECK(reply_complete(Ask::http_head, "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n"));
  CHECK_FALSE(reply_complete(Ask::redis_ping, "+PON"));
  CHECK(reply_complete(Ask::redis_ping, "+PONG\r\n"));
  CHECK(reply_complete(Ask::memcached_version, "VERSION 1.6.18\r\n"));
  CHECK_FALSE(reply_complete(Ask::nothing, "Welcome to the serv"));
  CHECK(reply_complete(Ask::nothing, "SSH-2.0-Open"));  // recognised already
  CHECK(reply_complete(Ask::nothing, "SSH-2.0-OpenSSH_9.2p1\r\n"));
}

TEST_CASE("first message: fuzzed answers", "[unit][network][first_message][fuzz]") {
  const std::pair<Ask, std::string> seeds[] = {
      {Ask::http_head, "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Length: 0\r\n\r\n"},
      {Ask::redis_ping, "-NOAUTH Authentication required.\r\n+PONG\r\n"},
      {Ask::memcached_version, "VERSION 1.6.18\r\nERROR\r\n"}};
  for (const auto& [ask, seed] : seeds)
    zt::test::fuzz_text(seed, [ask = ask](const std::string& text) {
      INFO(zt::network::to_string(ask) << ": " << text.size() << " bytes");
      std::optional<BannerInfo> info;
      CHECK_NOTHROW(info = parse_answer(ask, text));
      CHECK_NOTHROW((void)reply_complete(ask, text));
      if (!info) return;
      // What an answer says goes into findings as JSON: printable ASCII, bounded.
      CHECK((info->service == "http" || info->service == "redis" ||
             info->service == "memcached"));
      CHECK(zt::collector::is_valid_utf8(info->version));
      CHECK(info->version.size() <= 100);
      for (char c : info->version) CHECK((c >= 0x20 && c < 0x7f));
    });
}
