// The protocol bits of the live checks, on recorded bytes.
#include "collectors/database/wire.hpp"

#include <catch2/catch.hpp>

#include "tests/collectors/database/fake_checker.hpp"

using namespace std::string_literals;

using namespace zt::database;
using zt::test::pg_message;

TEST_CASE("PostgreSQL StartupMessage and Terminate bytes", "[unit]") {
  const std::string m = pg_startup_message("postgres", "postgres");
  const std::string body = "\x00\x03\x00\x00"s + "user" + '\0' + "postgres" + '\0' +
                           "database" + '\0' + "postgres" + '\0' + "application_name" + '\0' +
                           "zerotrace-agent" + '\0' + '\0';
  REQUIRE(m.size() == body.size() + 4);
  CHECK(static_cast<unsigned char>(m[3]) == body.size() + 4);
  CHECK(m.substr(4) == body);
  CHECK(pg_terminate_message() == "X\0\0\0\x04"s);
}

TEST_CASE("PostgreSQL answers: in, asked for a password, refused, not PostgreSQL", "[unit]") {
  const std::string ok = zt::test::pg_auth_ok_answer("15.14 (Debian 15.14-0+deb12u1)");
  const PgAnswer in = parse_pg_answer(ok);
  CHECK(in.auth == PgAuth::ok);
  CHECK(in.ready);
  CHECK(in.server_version == "15.14 (Debian 15.14-0+deb12u1)");
  CHECK(pg_answer_complete(ok));
  CHECK_FALSE(pg_answer_complete(ok.substr(0, ok.size() - 3)));  // ReadyForQuery not yet in
  CHECK_FALSE(pg_answer_complete(ok.substr(0, 3)));

  CHECK(parse_pg_answer(pg_message('R', "\0\0\0\x03"s)).auth == PgAuth::cleartext);
  CHECK(parse_pg_answer(pg_message('R', "\0\0\0\x05"s + "salt")).auth ==
        PgAuth::md5);
  CHECK(
      parse_pg_answer(pg_message('R', "\0\0\0\x0a"s + "SCRAM-SHA-256" + '\0' + '\0'))
          .auth == PgAuth::sasl);
  const std::string error = pg_message(
      'E', "SFATAL\0C28000\0Mno pg_hba.conf entry for host \"127.0.0.1\"\0\0"s);
  const PgAnswer refused = parse_pg_answer(error);
  CHECK(refused.auth == PgAuth::error);
  CHECK(refused.error == "no pg_hba.conf entry for host \"127.0.0.1\"");
  CHECK(parse_pg_answer("HTTP/1.1 400 Bad Request\r\n").auth == PgAuth::malformed);
  CHECK(parse_pg_answer("R\xff\xff\xff\xff"s).auth == PgAuth::malformed);
}

TEST_CASE("Redis answers: open with version and config file, or NOAUTH", "[unit]") {
  const std::string open = zt::test::redis_open_answer("7.0.15", "/etc/redis/redis.conf");
  const RedisAnswer a = parse_redis_answer(open);
  CHECK(a.replies == 2);
  CHECK(a.pong);
  CHECK(a.version == "7.0.15");
  CHECK(a.config_file == "/etc/redis/redis.conf");
  CHECK(redis_answer_complete(open));
  CHECK_FALSE(redis_answer_complete(open.substr(0, open.size() - 10)));

  const std::string noauth =
      "-NOAUTH Authentication required.\r\n-NOAUTH Authentication required.\r\n";
  const RedisAnswer b = parse_redis_answer(noauth);
  CHECK_FALSE(b.pong);
  CHECK(b.refusal == "NOAUTH Authentication required.");
  CHECK(b.version.empty());
  CHECK(redis_answer_complete(noauth));
  CHECK(parse_redis_answer("$abc\r\n").replies == 0);
}

TEST_CASE("Memcached version and MySQL greeting", "[unit]") {
  CHECK(parse_memcached_version("VERSION 1.6.18\r\n") == "1.6.18");
  CHECK_FALSE(parse_memcached_version("ERROR\r\n"));
  CHECK_FALSE(parse_memcached_version("VERSION 1.6"));
  CHECK(memcached_answer_complete("ERROR\r\n"));

  const std::string greeting = zt::test::mysql_greeting("10.11.6-MariaDB-0+deb12u1");
  CHECK(mysql_greeting_complete(greeting));
  CHECK_FALSE(mysql_greeting_complete(greeting.substr(0, 10)));
  REQUIRE(parse_mysql_greeting(greeting));
  CHECK(parse_mysql_greeting(greeting)->version == "10.11.6-MariaDB-0+deb12u1");
  const std::string err = "\x1b\0\0\0\xff\x6a\x04"s + "Host is not allowed here";
  const std::string packet = std::string(1, static_cast<char>(err.size() - 4)) + err.substr(1);
  REQUIRE(parse_mysql_greeting(packet));
  CHECK(parse_mysql_greeting(packet)->error == "Host is not allowed here");
  CHECK_FALSE(parse_mysql_greeting("\x02\0\0\0\x09x"s));
}
