// The configuration parsers on inline text, malformed input included.
#include <catch2/catch.hpp>

#include "collectors/database/memcached_config.hpp"
#include "collectors/database/mysql_config.hpp"
#include "collectors/database/pg_config.hpp"
#include "collectors/database/process_args.hpp"
#include "collectors/database/redis_config.hpp"
#include "collectors/database/yaml_flat.hpp"

using namespace zt::database;

TEST_CASE("postgresql.conf: names, quoting, comments, last value wins", "[unit]") {
  const PgConf conf = parse_postgresql_conf(
      "# comment\n"
      "listen_addresses = '*'\t\t# what IP address(es) to listen on\n"
      "Port 5433\n"
      "ssl=off\n"
      "log_line_prefix = '%m [%p] it''s'\n"
      "include_dir 'conf.d'\n"
      "ssl = on # later wins\n");
  CHECK(conf.errors.empty());
  REQUIRE(conf.last("listen_addresses"));
  CHECK(conf.last("listen_addresses")->value == "*");
  CHECK(conf.last("listen_addresses")->line == 2);
  CHECK(conf.last("port")->value == "5433");
  CHECK(conf.last("ssl")->value == "on");
  CHECK(conf.last("ssl")->line == 7);
  CHECK(conf.last("log_line_prefix")->value == "%m [%p] it's");
  REQUIRE(conf.includes.size() == 1);
  CHECK(conf.includes[0] == ConfEntry{"include_dir", "conf.d", 6});
}

TEST_CASE("postgresql.conf: malformed lines are errors with their line", "[unit]") {
  const PgConf conf = parse_postgresql_conf(
      "ssl = 'on\n"
      "= 5\n"
      "port = 5432 extra\n"
      "password_encryption =\n"
      "max_connections = 10\n");
  REQUIRE(conf.errors.size() == 4);
  CHECK(conf.errors[0].line == 1);
  CHECK(conf.errors[1].line == 2);
  CHECK(conf.errors[2].line == 3);
  CHECK(conf.errors[3].line == 4);
  CHECK(conf.last("max_connections")->value == "10");
}

TEST_CASE("pg_hba.conf: rule shapes", "[unit]") {
  const PgHba hba = parse_pg_hba(
      "# TYPE DATABASE USER ADDRESS METHOD\n"
      "local   all   postgres                peer\n"
      "host    all   all   127.0.0.1/32      trust\n"
      "hostssl \"my db\",other all 10.0.0.0 255.0.0.0 SCRAM-SHA-256 clientcert=verify-full\n"
      "host    all   all   0.0.0.0/0  \\\n"
      "        password\n"
      "host    replication all ::/0 md5 # comment\n");
  CHECK(hba.errors.empty());
  REQUIRE(hba.rules.size() == 5);
  CHECK(hba.rules[0] == HbaRule{2, "local", "all", "postgres", "", "peer"});
  CHECK(hba.rules[1] == HbaRule{3, "host", "all", "all", "127.0.0.1/32", "trust"});
  CHECK(hba.rules[2] ==
        HbaRule{4, "hostssl", "my db,other", "all", "10.0.0.0 255.0.0.0", "scram-sha-256"});
  CHECK(hba.rules[3] == HbaRule{5, "host", "all", "all", "0.0.0.0/0", "password"});
  CHECK(hba.rules[4].address == "::/0");
  CHECK(hba_address_is_open(hba.rules[3]));
  CHECK(hba_address_is_open(hba.rules[4]));
  CHECK_FALSE(hba_address_is_open(hba.rules[1]));
}

TEST_CASE("pg_hba.conf: malformed lines are errors with their line", "[unit]") {
  const PgHba hba = parse_pg_hba(
      "hots all all 0.0.0.0/0 trust\n"
      "host all all trust\n"
      "local all\n"
      "host \"all all 127.0.0.1/32 md5\n"
      "local all all peer\n");
  REQUIRE(hba.errors.size() == 4);
  CHECK(hba.errors[0] == ParseError{1, "unknown connection type \"hots\""});
  CHECK(hba.errors[1].line == 2);
  CHECK(hba.errors[2].line == 3);
  CHECK(hba.errors[3] == ParseError{4, "unterminated double quote"});
  REQUIRE(hba.rules.size() == 1);
  CHECK(hba.rules[0].line == 5);
}

TEST_CASE("my.cnf: sections, flags, includes, '-' and '_' alike", "[unit]") {
  const MyCnf cnf = parse_my_cnf(
      "[client]\n"
      "port = 3306\n"
      "# comment\n"
      "; also a comment\n"
      "[mysqld]\n"
      "bind-address = 0.0.0.0   # all\n"
      "skip-grant-tables\n"
      "local_infile=\"1\"\n"
      "!include /etc/mysql/extra.cnf\n"
      "!includedir /etc/mysql/conf.d/\n"
      "[mariadb-10.11]\n"
      "Skip-Networking\n");
  CHECK(cnf.errors.empty());
  REQUIRE(cnf.options.size() == 5);
  CHECK(cnf.options[0] == MyOption{"client", "port", "3306", true, 2});
  CHECK(cnf.options[1] == MyOption{"mysqld", "bind_address", "0.0.0.0", true, 6});
  CHECK(cnf.options[2] == MyOption{"mysqld", "skip_grant_tables", "", false, 7});
  CHECK(cnf.options[3] == MyOption{"mysqld", "local_infile", "1", true, 8});
  CHECK(cnf.options[4] == MyOption{"mariadb-10.11", "skip_networking", "", false, 12});
  REQUIRE(cnf.includes.size() == 2);
  CHECK(cnf.includes[0] == MyInclude{"/etc/mysql/extra.cnf", false, 9});
  CHECK(cnf.includes[1] == MyInclude{"/etc/mysql/conf.d/", true, 10});
  CHECK(is_server_section("mysqld"));
  CHECK(is_server_section("mariadb-10.11"));
  CHECK(is_server_section("server"));
  CHECK_FALSE(is_server_section("client"));
  CHECK_FALSE(is_server_section("mysqldump"));
}

TEST_CASE("my.cnf: malformed lines are errors with their line", "[unit]") {
  const MyCnf cnf = parse_my_cnf(
      "bind-address = 0.0.0.0\n"
      "[mysqld\n"
      "[mysqld]\n"
      "= 1\n"
      "!includ /x\n"
      "!include\n");
  REQUIRE(cnf.errors.size() == 5);
  CHECK(cnf.errors[0] == ParseError{1, "option outside any [section]"});
  CHECK(cnf.errors[1] == ParseError{2, "malformed section header"});
  CHECK(cnf.errors[2].line == 4);
  CHECK(cnf.errors[3].line == 5);
  CHECK(cnf.errors[4].line == 6);
}

TEST_CASE("redis.conf: directives, quoting, repeats", "[unit]") {
  const RedisConf conf = parse_redis_conf(
      "# Redis\n"
      "bind 127.0.0.1 -::1\n"
      "Protected-Mode no\n"
      "requirepass \"p a\\x41ss\"\n"
      "rename-command CONFIG \"\"\n"
      "rename-command FLUSHALL 'ZT_FLUSH'\n"
      "user default on nopass ~* +@all\n");
  CHECK(conf.errors.empty());
  REQUIRE(conf.directives.size() == 6);
  CHECK(conf.last("bind")->args == std::vector<std::string>{"127.0.0.1", "-::1"});
  CHECK(conf.last("protected-mode")->args == std::vector<std::string>{"no"});
  CHECK(conf.last("protected-mode")->line == 3);
  CHECK(conf.last("requirepass")->args == std::vector<std::string>{"p aAss"});
  CHECK(conf.directives[3].args == std::vector<std::string>{"CONFIG", ""});
  CHECK(conf.last("rename-command")->args == std::vector<std::string>{"FLUSHALL", "ZT_FLUSH"});
  CHECK(conf.last("user")->args.size() == 5);
}

TEST_CASE("redis.conf: malformed lines are errors with their line", "[unit]") {
  const RedisConf conf = parse_redis_conf(
      "requirepass \"unterminated\n"
      "bind\n"
      "rename-command 'a'b\n"
      "port 6379\n");
  REQUIRE(conf.errors.size() == 3);
  CHECK(conf.errors[0] == ParseError{1, "unbalanced quotes"});
  CHECK(conf.errors[1] == ParseError{2, "directive \"bind\" has no argument"});
  CHECK(conf.errors[2].line == 3);
  CHECK(conf.last("port")->line == 4);
}

TEST_CASE("mongod.conf and elasticsearch.yml: nested and dotted keys, lines", "[unit]") {
  const FlatYaml mongo = flatten_yaml(
      "# mongod.conf\n"
      "net:\n"
      "  port: 27017\n"
      "  bindIp: \"0.0.0.0,::\"\n"
      "security:\n"
      "  authorization: disabled\n");
  CHECK(mongo.errors.empty());
  REQUIRE(mongo.find("net.bindIp"));
  CHECK(mongo.find("net.bindIp")->value == "0.0.0.0,::");
  CHECK(mongo.find("net.bindIp")->line == 4);
  CHECK(mongo.find("security.authorization")->value == "disabled");
  CHECK(mongo.find("security.authorization")->line == 6);

  const FlatYaml es = flatten_yaml(
      "cluster.name: search\n"
      "network.host: [\"_local_\", \"0.0.0.0\"]\n"
      "xpack:\n"
      "  security.enabled: false\n");
  CHECK(es.errors.empty());
  CHECK(es.find("network.host")->value == "_local_,0.0.0.0");
  CHECK(es.find("xpack.security.enabled")->value == "false");
  CHECK(es.find("xpack.security.enabled")->line == 4);
}

TEST_CASE("YAML: malformed input is an error with its line, never an exception", "[unit]") {
  const FlatYaml bad = flatten_yaml("net:\n  bindIp: [0.0.0.0\nsecurity:\n");
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].line >= 2);
  const FlatYaml scalar = flatten_yaml("bind_ip = 0.0.0.0\n");  // the pre-2.6 INI format
  REQUIRE(scalar.errors.size() == 1);
  CHECK(scalar.errors[0].line == 1);
  CHECK(flatten_yaml("# only a comment\n").entries.empty());
  CHECK(flatten_yaml("a: [1, 2\n").errors.size() == 1);
  CHECK(flatten_yaml("a: b\n  c: d\n").errors.size() == 1);
}

TEST_CASE("memcached: arguments in every spelling, Debian and RHEL files", "[unit]") {
  const auto from_args = [](std::vector<std::string> words) {
    std::vector<MemcachedArg> args;
    for (auto& w : words) args.push_back({w, 0});
    return parse_memcached_args(args, "/proc/9/cmdline");
  };
  const MemcachedSettings a =
      from_args({"-m", "64", "-l", "127.0.0.1,::1", "-p11211", "--udp-port=0", "-S"});
  REQUIRE(a.listen);
  CHECK(a.listen->value == "127.0.0.1,::1");
  CHECK(a.tcp_port->value == "11211");
  CHECK(a.udp_port->value == "0");
  CHECK(a.sasl);
  CHECK(a.errors.empty());
  const MemcachedSettings b = from_args({"--listen", "0.0.0.0", "-U"});
  CHECK(b.listen->value == "0.0.0.0");
  CHECK_FALSE(b.udp_port);
  REQUIRE(b.errors.size() == 1);
  CHECK(b.errors[0].message == "option -U needs a value");

  const auto debian = memcached_conf_args(
      "# memcached default config file\n"
      "-d\n"
      "logfile /var/log/memcached.log\n"
      "-l 127.0.0.1\n"
      "-U 0  # no UDP\n");
  const MemcachedSettings d = parse_memcached_args(debian, "/etc/memcached.conf");
  CHECK(d.listen->value == "127.0.0.1");
  CHECK(d.listen->line == 4);
  CHECK(d.udp_port->value == "0");
  CHECK(d.udp_port->line == 5);

  std::vector<ParseError> errors;
  const auto rhel = memcached_sysconfig_args(
      "PORT=\"11211\"\n"
      "USER=\"memcached\"\n"
      "OPTIONS=\"-l 0.0.0.0 -U 11211\"\n"
      "BROKEN LINE\n"
      "CACHESIZE=\"64\n",
      errors);
  const MemcachedSettings r = parse_memcached_args(rhel, "/etc/sysconfig/memcached");
  CHECK(r.tcp_port->value == "11211");
  CHECK(r.tcp_port->line == 1);
  CHECK(r.listen->value == "0.0.0.0");
  CHECK(r.udp_port->value == "11211");
  CHECK(r.udp_port->line == 3);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].line == 4);
  CHECK(errors[1].line == 5);
}

TEST_CASE("process arguments of each engine", "[unit]") {
  const ArgSettings pg = postgres_args(
      {"/usr/lib/postgresql/15/bin/postgres", "-D", "/var/lib/postgresql/15/main", "-c",
       "config_file=/etc/postgresql/15/main/postgresql.conf", "-p", "5433", "--ssl=on"});
  CHECK(pg.data_dir == "/var/lib/postgresql/15/main");
  CHECK(pg.config_path == "/etc/postgresql/15/main/postgresql.conf");
  CHECK(pg.settings == std::vector<std::pair<std::string, std::string>>{
                           {"config_file", "/etc/postgresql/15/main/postgresql.conf"},
                           {"port", "5433"},
                           {"ssl", "on"}});

  const ArgSettings my = mysql_args({"/usr/sbin/mariadbd", "--defaults-file=/srv/my.cnf",
                                     "--skip-grant-tables", "--bind-address=0.0.0.0"});
  CHECK(my.config_path == "/srv/my.cnf");
  CHECK(my.settings == std::vector<std::pair<std::string, std::string>>{
                           {"skip_grant_tables", "on"}, {"bind_address", "0.0.0.0"}});

  const ArgSettings redis =
      redis_args({"redis-server", "/etc/redis/r.conf", "--port", "7000", "--protected-mode", "no"});
  CHECK(redis.config_path == "/etc/redis/r.conf");
  CHECK(redis.settings == std::vector<std::pair<std::string, std::string>>{
                              {"port", "7000"}, {"protected-mode", "no"}});
  CHECK_FALSE(redis_args({"/usr/bin/redis-server 127.0.0.1:6379"}).config_path);

  const ArgSettings mongo =
      mongod_args({"mongod", "-f", "/etc/mongod.conf", "--bind_ip_all", "--auth"});
  CHECK(mongo.config_path == "/etc/mongod.conf");
  CHECK(mongo.settings == std::vector<std::pair<std::string, std::string>>{
                              {"net.bindIpAll", "true"}, {"security.authorization", "enabled"}});
  CHECK(mongod_args({"mongod", "--config=/x.conf"}).config_path == "/x.conf");

  CHECK(
      elastic_args({"java", "-Des.path.conf=/etc/es", "org.elasticsearch.bootstrap.Elasticsearch"})
          .config_path == "/etc/es");
}
