// The rules on hand-made servers: severities that depend on other settings, defaults.
#include "collectors/database/checks.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace zt::database;
using zt::model::Severity;

namespace {

Server configured(Engine engine, std::map<std::string, std::string> settings) {
  Server s;
  s.engine = engine;
  s.host = "127.0.0.1";
  s.port = 1;
  s.config.files = {"/etc/x.conf"};
  std::size_t line = 0;
  for (auto& [key, value] : settings)
    s.config.settings[key] = Evidence{"/etc/x.conf", ++line, value};
  return s;
}

std::map<std::string, Severity> found(const Server& s) {
  std::map<std::string, Severity> out;
  for (const Issue& i : check_server(s)) out[i.finding_type] = i.severity;
  return out;
}

void add_hba(Server& s, std::string type, std::string address, std::string method) {
  HbaRule rule{s.config.hba.size() + 1, std::move(type),  "all", "all",
               std::move(address),      std::move(method)};
  s.config.hba.push_back({rule, "/etc/pg_hba.conf"});
}

}  // namespace

TEST_CASE("PostgreSQL rules: open trust is critical, defaults count", "[unit]") {
  Server s = configured(Engine::postgresql, {{"listen_addresses", "*"}, {"ssl", "on"}});
  add_hba(s, "host", "0.0.0.0/0", "trust");
  CHECK(found(s) == std::map<std::string, Severity>{{"pg_hba_trust", Severity::critical},
                                                    {"pg_listen_all_open_hba", Severity::high}});

  Server reject = configured(Engine::postgresql, {{"listen_addresses", "0.0.0.0"}, {"ssl", "on"}});
  add_hba(reject, "host", "all", "reject");
  add_hba(reject, "hostssl", "10.0.0.0/8", "scram-sha-256");
  CHECK(found(reject).empty());

  // Nothing set: PostgreSQL's defaults (localhost, ssl off, scram-sha-256).
  const Server defaults = configured(Engine::postgresql, {});
  CHECK(found(defaults) == std::map<std::string, Severity>{{"pg_ssl_off", Severity::low}});
}

TEST_CASE("Redis rules: authentication changes severities, ACL default user counts", "[unit]") {
  Server with_pass =
      configured(Engine::redis, {{"requirepass", "********"}, {"bind", "127.0.0.1"}});
  CHECK(found(with_pass) ==
        std::map<std::string, Severity>{{"redis_dangerous_commands", Severity::low}});

  Server acl = configured(Engine::redis, {{"bind", "*"}, {"enable-debug-command", "yes"}});
  acl.config.repeated.emplace("user", Evidence{"/etc/x.conf", 9, "default on nopass ~* +@all"});
  const auto issues = check_server(acl);
  std::set<std::string> types;
  for (const Issue& i : issues) types.insert(i.finding_type);
  CHECK(types ==
        std::set<std::string>{"redis_no_auth", "redis_bind_all", "redis_dangerous_commands"});
  for (const Issue& i : issues) {
    if (i.finding_type == "redis_no_auth") {
      CHECK(i.severity == Severity::critical);
      CHECK(i.evidence.front().line == 9);
    }
    if (i.finding_type == "redis_dangerous_commands")
      CHECK(i.evidence.front().value.find("DEBUG") != std::string::npos);
  }

  Server acl_off = configured(Engine::redis, {{"bind", "127.0.0.1"}});
  acl_off.config.repeated.emplace("user", Evidence{"/etc/x.conf", 3, "default off"});
  CHECK(found(acl_off).count("redis_no_auth") == 0);
}

TEST_CASE("Memcached, MongoDB, MySQL and search rules", "[unit]") {
  CHECK(found(configured(Engine::memcached, {})) ==
        std::map<std::string, Severity>{{"memcached_bind_all", Severity::high}});
  CHECK(found(configured(Engine::memcached, {{"sasl", "on"}, {"udp_port", "11211"}})) ==
        std::map<std::string, Severity>{{"memcached_bind_all", Severity::medium},
                                        {"memcached_udp_enabled", Severity::high}});
  CHECK(found(configured(Engine::memcached, {{"listen", "127.0.0.1"}, {"udp_port", "0"}})).empty());

  CHECK(found(configured(Engine::mongodb, {{"net.bindIpAll", "true"}})) ==
        std::map<std::string, Severity>{{"mongodb_bind_all", Severity::high},
                                        {"mongodb_auth_disabled", Severity::critical}});
  CHECK(found(configured(Engine::mongodb, {{"security.keyFile", "/k"}})).empty());

  CHECK(found(configured(Engine::mysql, {{"skip_networking", "ON"}})).empty());
  CHECK(found(configured(Engine::mysql, {{"bind_address", "::"}, {"local_infile", "OFF"}})) ==
        std::map<std::string, Severity>{{"mysql_bind_all", Severity::medium}});

  CHECK(found(configured(Engine::elasticsearch, {{"xpack.security.enabled", "false"}})) ==
        std::map<std::string, Severity>{{"elasticsearch_security_disabled", Severity::high}});
  CHECK(found(configured(Engine::opensearch, {{"network.host", "_global_"}})) ==
        std::map<std::string, Severity>{{"opensearch_bind_all", Severity::medium}});
}

TEST_CASE("a running server is judged by its sockets, not its file", "[unit]") {
  Server s = configured(
      Engine::redis, {{"bind", "0.0.0.0"}, {"requirepass", "********"}, {"protected-mode", "yes"}});
  zt::collector::ListeningSocket loopback;
  loopback.address = "127.0.0.1";
  loopback.port = 6379;
  loopback.source = "/proc/net/tcp";
  s.sockets = {loopback};
  CHECK(found(s).count("redis_bind_all") == 0);
  s.sockets.front().address = "0.0.0.0";
  CHECK(found(s).count("redis_bind_all") == 1);
}
