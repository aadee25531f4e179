// The collector on the fixture host trees db-weak and db-hardened (every engine's
// configuration plus a faked /proc), with recorded live answers; and its options.
#include "collectors/database/database_collector.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "schema-client/model/validation.hpp"
#include "tests/collectors/database/fake_checker.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/collector_harness.hpp"

using namespace std::string_literals;

using namespace std::chrono_literals;
using nlohmann::json;
using zt::collector::CollectResult;
using zt::collector::Context;
using zt::collector::HostFs;
using zt::collector::OptionValues;
using zt::model::Finding;
using zt::model::Severity;
using zt::test::fixture_host;

namespace {

using Key = std::pair<std::string, std::string>;  // database_type, finding_type

OptionValues options(const json& overrides = json::object()) {
  return zt::test::options_of(zt::database::descriptor(), overrides);
}

CollectResult collect_at(const std::filesystem::path& root,
                         std::unique_ptr<zt::collector::LiveChecker> checker,
                         const OptionValues& values = options()) {
  return zt::test::collect_at(*zt::database::make_collector(values, std::move(checker)), root);
}

std::set<Key> keys(const CollectResult& result) {
  std::set<Key> out;
  for (const Finding& f : result.findings)
    out.emplace(f.fields.at("database_type").get<std::string>(),
                f.fields.at("finding_type").get<std::string>());
  return out;
}

const Finding& find(const CollectResult& result, std::string_view type) {
  for (const Finding& f : result.findings)
    if (f.fields.at("finding_type") == type) return f;
  FAIL("no " << type << " finding");
  throw std::logic_error("unreachable");
}

void check_valid(const CollectResult& result) {
  for (const Finding& f : result.findings) {
    INFO(f.title);
    CHECK(zt::model::finding_problems(f, "$").empty());
    CHECK(f.category == zt::model::Category::database);
    CHECK(f.risk_score == zt::model::default_risk_score(f.severity));
    CHECK_FALSE(f.description.empty());
    CHECK_FALSE(f.remediation.empty());
    CHECK(f.metadata.contains("file"));
    CHECK(f.metadata.contains("value"));
    // A line number only where the evidence is one line (not a missing setting, an argument).
    if (f.metadata.contains("line")) CHECK(f.metadata["line"].get<int>() > 0);
    // No secret ever reaches a finding.
    const std::string text = f.title + f.description + f.metadata.dump();
    CHECK(text.find("9d1f0c2e5b7a4e8f9a6c3d2b1e0f7a8c") == std::string::npos);
  }
}

std::shared_ptr<zt::test::RecordedAnswers> weak_answers() {
  auto answers = std::make_shared<zt::test::RecordedAnswers>();
  answers->by_port[5432] = zt::test::pg_auth_ok_answer("15.14 (Debian 15.14-0+deb12u1)");
  answers->by_port[6379] = zt::test::redis_open_answer("7.0.15", "");
  answers->by_port[11211] = "VERSION 1.6.18\r\n";
  answers->by_port[3306] = zt::test::mysql_greeting("10.11.6-MariaDB-0+deb12u1");
  return answers;
}

const std::set<Key> kWeakConfigKeys = {
    {"postgresql", "pg_hba_trust"},
    {"postgresql", "pg_hba_cleartext_password"},
    {"postgresql", "pg_listen_all_open_hba"},
    {"postgresql", "pg_ssl_off"},
    {"postgresql", "pg_md5_password_encryption"},
    {"mysql", "mysql_bind_all"},
    {"mysql", "mysql_skip_grant_tables"},
    {"mysql", "mysql_local_infile"},
    {"redis", "redis_no_auth"},
    {"redis", "redis_protected_mode_off"},
    {"redis", "redis_bind_all"},
    {"redis", "redis_dangerous_commands"},
    {"mongodb", "mongodb_bind_all"},
    {"mongodb", "mongodb_auth_disabled"},
    {"memcached", "memcached_bind_all"},
    {"memcached", "memcached_udp_enabled"},
    {"elasticsearch", "elasticsearch_bind_all"},
    {"elasticsearch", "elasticsearch_security_disabled"},
    {"opensearch", "opensearch_bind_all"},
    {"opensearch", "opensearch_security_disabled"},
};

}  // namespace

TEST_CASE("db-weak: every engine's weaknesses, live results replayed", "[unit]") {
  auto answers = weak_answers();
  const CollectResult result =
      collect_at(fixture_host("db-weak"), std::make_unique<zt::test::FakeChecker>(answers));
  CHECK(result.problems == std::vector<std::string>{});
  std::set<Key> expected = kWeakConfigKeys;
  expected.emplace("postgresql", "pg_passwordless_login");
  expected.emplace("redis", "redis_unauthenticated_access");
  CHECK(keys(result) == expected);
  CHECK(result.findings.size() == expected.size());
  check_valid(result);

  SECTION("evidence names file and line") {
    const Finding& trust = find(result, "pg_hba_trust");
    CHECK(trust.severity == Severity::high);  // local and 127.0.0.1/32 only
    CHECK(trust.metadata["file"] == "/etc/postgresql/15/main/pg_hba.conf");
    CHECK(trust.metadata["line"] == 3);
    CHECK(trust.metadata["evidence"].size() == 2);
    CHECK(trust.description.find("/etc/postgresql/15/main/pg_hba.conf:4") != std::string::npos);
    CHECK(trust.fields["host"] == "0.0.0.0");
    CHECK(trust.fields["port"] == 5432);
    CHECK(trust.fields["database_name"] == "all");

    const Finding& password = find(result, "pg_hba_cleartext_password");
    CHECK(password.metadata["line"] == 5);
    const Finding& md5 = find(result, "pg_md5_password_encryption");
    CHECK(md5.metadata["file"] == "/etc/postgresql/15/main/postgresql.conf");
    CHECK(md5.metadata["line"] == 8);
    CHECK(find(result, "pg_ssl_off").severity == Severity::medium);

    const Finding& grant = find(result, "mysql_skip_grant_tables");
    CHECK(grant.severity == Severity::critical);
    CHECK(grant.metadata["file"] == "/etc/mysql/mariadb.conf.d/50-server.cnf");
    CHECK(grant.metadata["line"] == 9);
    CHECK(grant.metadata["server_version"] == "10.11.6-MariaDB-0+deb12u1");

    const Finding& noauth = find(result, "redis_no_auth");
    CHECK(noauth.severity == Severity::critical);  // bound to every interface
    CHECK(noauth.metadata["server_version"] == "7.0.15");
    const Finding& commands = find(result, "redis_dangerous_commands");
    CHECK(commands.metadata["value"] == "FLUSHDB, CONFIG, SHUTDOWN, REPLICAOF, SLAVEOF");
    const Finding& pm = find(result, "redis_protected_mode_off");
    CHECK(pm.metadata["file"] == "/etc/redis/redis.conf");
    CHECK(pm.metadata["line"] == 3);

    CHECK(find(result, "mongodb_auth_disabled").severity == Severity::critical);
    CHECK(find(result, "mongodb_auth_disabled").metadata["line"] == 11);
    const Finding& udp = find(result, "memcached_udp_enabled");
    CHECK(udp.severity == Severity::high);
    CHECK(udp.metadata["file"] == "/proc/1501/cmdline");
    CHECK(udp.metadata["value"] == "11211");
    CHECK(find(result, "elasticsearch_security_disabled").metadata["line"] == 5);
    CHECK(find(result, "opensearch_security_disabled").metadata["line"] == 6);
    CHECK(find(result, "pg_passwordless_login").severity == Severity::critical);
    CHECK(find(result, "redis_unauthenticated_access").severity == Severity::critical);
  }

  SECTION("the live checks asked loopback only, and said goodbye to PostgreSQL") {
    std::set<std::string> asked;
    for (const auto& t : answers->asked) asked.insert(t.address + ":" + std::to_string(t.port));
    CHECK(asked == std::set<std::string>{"127.0.0.1:5432", "127.0.0.1:3306", "127.0.0.1:6379",
                                         "127.0.0.1:11211"});
    CHECK(std::count(answers->sent.begin(), answers->sent.end(), "X\0\0\0\x04"s) ==
          1);
  }

  SECTION("inventory: every server, version, process, config files, live results") {
    const json& servers = result.inventory.at("servers");
    REQUIRE(result.inventory["server_count"] == 7);
    std::map<std::string, json> by_type;
    for (const json& s : servers) by_type[s["database_type"]] = s;
    CHECK(by_type["postgresql"]["version"] == "15.14 (Debian 15.14-0+deb12u1)");
    CHECK(by_type["postgresql"]["process"]["pid"] == 1101);
    CHECK(by_type["postgresql"]["config_files"] ==
          json::array({"/etc/postgresql/15/main/postgresql.conf",
                       "/etc/postgresql/15/main/conf.d/logging.conf",
                       "/etc/postgresql/15/main/pg_hba.conf"}));
    CHECK(by_type["postgresql"]["live_checks"][0]["outcome"] == "no password asked");
    CHECK(by_type["mysql"]["config_files"] ==
          json::array({"/etc/mysql/my.cnf", "/etc/mysql/conf.d/mysql.cnf",
                       "/etc/mysql/mariadb.conf.d/50-server.cnf"}));
    CHECK(by_type["redis"]["config_source"] == "default path");
    CHECK(by_type["redis"]["live_checks"][0]["outcome"] == "answered PONG without a password");
    CHECK(by_type["redis"]["listeners"] == json::array({"0.0.0.0:6379/tcp", "[::]:6379/tcp"}));
    CHECK(by_type["memcached"]["version"] == "1.6.18");
    CHECK(by_type["elasticsearch"]["config_files"] ==
          json::array({"/etc/elasticsearch/elasticsearch.yml"}));
    CHECK(by_type["opensearch"]["running"] == false);
    CHECK(by_type["opensearch"]["config_source"] == "installed files");
  }
}

TEST_CASE("db-hardened: no findings, live checks refused", "[unit]") {
  auto answers = std::make_shared<zt::test::RecordedAnswers>();
  answers->by_port[5432] = zt::test::pg_message(
      'E', "SFATAL\0C28000\0Mno pg_hba.conf entry, no encryption\0\0"s);
  answers->by_port[6379] =
      "-NOAUTH Authentication required.\r\n-NOAUTH Authentication required.\r\n";
  answers->by_port[11211] = "VERSION 1.6.18\r\n";
  const CollectResult result =
      collect_at(fixture_host("db-hardened"), std::make_unique<zt::test::FakeChecker>(answers));
  CHECK(result.problems == std::vector<std::string>{});
  CHECK(keys(result) == std::set<Key>{});
  CHECK(result.inventory["server_count"] == 7);
  for (const json& s : result.inventory["servers"]) CHECK(s["finding_types"] == json::array());
}

TEST_CASE("db-weak with the system checker: no live checks away from /", "[unit]") {
  const CollectResult result =
      collect_at(fixture_host("db-weak"), zt::collector::make_system_checker());
  CHECK(keys(result) == kWeakConfigKeys);
  CHECK(result.inventory["live_checks"]["enabled"] == false);
  CHECK(result.inventory["live_checks"]["note"].get<std::string>().find("not contacted") !=
        std::string::npos);
}

TEST_CASE("live_checks false: no exchange at all", "[unit]") {
  auto answers = weak_answers();
  const CollectResult result =
      collect_at(fixture_host("db-weak"), std::make_unique<zt::test::FakeChecker>(answers),
                 options({{"live_checks", false}}));
  CHECK(answers->asked.empty());
  CHECK(keys(result) == kWeakConfigKeys);
}

TEST_CASE("no database on the host: no findings, no problems", "[unit]") {
  zt::test::TempTree tree;
  tree.write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
  tree.write("proc/net/tcp",
             "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
             "timeout inode\n");
  tree.write("proc/net/udp",
             "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
             "timeout inode\n");
  // The client libraries' my.cnf (mysql-common) is no server.
  tree.write("etc/mysql/my.cnf",
             "[client-server]\nsocket = /run/mysqld/mysqld.sock\n!includedir /etc/mysql/conf.d/\n");
  const CollectResult result =
      collect_at(tree.root(), std::make_unique<zt::test::FakeChecker>(weak_answers()));
  CHECK(result.findings.empty());
  CHECK(result.problems.empty());
  CHECK(result.inventory["server_count"] == 0);
}

TEST_CASE("broken configuration files: problems name file and line", "[unit]") {
  zt::test::TempTree tree;
  tree.copy_from(fixture_host("db-hardened"));
  tree.write("etc/mongod.conf", "net:\n  bindIp: [0.0.0.0\n");
  tree.write("etc/redis/redis.conf", "bind 127.0.0.1\nrequirepass \"x\nport 6379\n");
  tree.write("etc/mysql/mariadb.conf.d/50-server.cnf", "bind-address = 127.0.0.1\n");
  tree.write("etc/postgresql/15/main/pg_hba.conf", "hostssl all all 127.0.0.1/32\n");
  const CollectResult result = collect_at(
      tree.root(),
      std::make_unique<zt::test::FakeChecker>(std::make_shared<zt::test::RecordedAnswers>()));
  const auto has = [&](std::string_view prefix) {
    for (const std::string& p : result.problems)
      if (p.find(prefix) != std::string::npos) return true;
    return false;
  };
  INFO(json(result.problems).dump(2));
  CHECK(has("/etc/mongod.conf (under "));
  CHECK(has("/etc/redis/redis.conf (under "));
  CHECK(has(":2: unbalanced quotes"));
  CHECK(has("50-server.cnf (under "));
  CHECK(has(":1: option outside any [section]"));
  CHECK(has(":1: too few fields for a \"hostssl\" rule"));
  // What could be read still counts: Redis line 2 is lost, so no password is seen.
  CHECK(keys(result).count({"redis", "redis_no_auth"}) == 1);
}

TEST_CASE("options table and descriptor", "[unit]") {
  const auto d = zt::database::descriptor();
  CHECK(d.name == "database");
  CHECK(d.category == zt::model::Category::database);
  REQUIRE(d.options.size() == 2);
  CHECK(d.options[0].key == "live_checks");
  CHECK(d.options[1].key == "live_timeout_ms");
  const HostFs fs(fixture_host("db-weak"));
  auto collector = d.make(options());
  CHECK(collector->capabilities(fs).usable);
}
