// Every parser and wire reader on random, truncated and shuffled input: it must return,
// never throw or crash (the ASan build catches memory errors).
#include "tests/support/fuzz.hpp"

#include <catch2/catch.hpp>

#include "collectors/database/memcached_config.hpp"
#include "collectors/database/mysql_config.hpp"
#include "collectors/database/pg_config.hpp"
#include "collectors/database/redis_config.hpp"
#include "collectors/database/wire.hpp"
#include "collectors/database/yaml_flat.hpp"
#include "tests/collectors/database/fake_checker.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::database;
using zt::test::fixture_host;
using zt::test::fuzz_text;

namespace {
std::string weak(std::string_view path) {
  return zt::test::read_text(fixture_host("db-weak") / path);
}
}  // namespace

TEST_CASE("fuzz: configuration parsers", "[unit]") {
  fuzz_text(weak("etc/postgresql/15/main/postgresql.conf"),
            [](const std::string& t) { (void)parse_postgresql_conf(t); });
  fuzz_text(weak("etc/postgresql/15/main/pg_hba.conf"),
            [](const std::string& t) { (void)parse_pg_hba(t); });
  fuzz_text(weak("etc/mysql/mariadb.conf.d/50-server.cnf") + weak("etc/mysql/my.cnf"),
            [](const std::string& t) { (void)parse_my_cnf(t); });
  fuzz_text(weak("etc/redis/redis.conf"), [](const std::string& t) { (void)parse_redis_conf(t); });
  fuzz_text(
      weak("etc/mongod.conf"), [](const std::string& t) { (void)flatten_yaml(t); }, 1000);
  fuzz_text(
      weak("etc/opensearch/opensearch.yml"), [](const std::string& t) { (void)flatten_yaml(t); },
      1000);
  fuzz_text(weak("etc/memcached.conf"), [](const std::string& t) {
    (void)parse_memcached_args(memcached_conf_args(t), "f");
    std::vector<ParseError> errors;
    (void)parse_memcached_args(memcached_sysconfig_args(t, errors), "f");
  });
  SUCCEED();
}

TEST_CASE("fuzz: wire readers", "[unit]") {
  fuzz_text(zt::test::pg_auth_ok_answer("15.14"), [](const std::string& t) {
    (void)parse_pg_answer(t);
    (void)pg_answer_complete(t);
  });
  fuzz_text(zt::test::redis_open_answer("7.0.15", "/etc/redis/redis.conf"),
            [](const std::string& t) { (void)parse_redis_answer(t); });
  fuzz_text(zt::test::mysql_greeting("10.11.6-MariaDB"),
            [](const std::string& t) { (void)parse_mysql_greeting(t); });
  fuzz_text("VERSION 1.6.18\r\n", [](const std::string& t) { (void)parse_memcached_version(t); });
  SUCCEED();
}
