// The MongoDB and Elasticsearch/OpenSearch rules of checks.hpp, and check_server.
#include "collectors/database/checks.hpp"
#include "collectors/database/checks_common.hpp"
#include "collectors/database/finding_types.hpp"

namespace zt::database {
namespace {

using model::Severity;

std::string main_file(const Server& server) {
  return server.config.files.empty() ? "default" : server.config.files.front();
}

}  // namespace

std::vector<Issue> check_mongodb(const Server& server) {
  std::vector<Issue> out;
  const EngineConfig& c = server.config;
  const Evidence* bind_all = c.get("net.bindIpAll");
  const Evidence* bind_ip = c.get("net.bindIp");
  bool config_all = false;
  Evidence bind{"default", 0, "localhost (net.bindIp not set)"};
  if (bind_all && parse_bool(bind_all->value) == 1) {
    config_all = true;
    bind = *bind_all;
  } else if (bind_ip) {
    config_all = names_all_interfaces(bind_ip->value);
    bind = *bind_ip;
  }
  const Exposure exposed = exposure(server, config_all, bind);

  const Evidence* authorization = c.get("security.authorization");
  const bool auth = (authorization && lower(authorization->value) == "enabled") ||
                    c.get("security.keyFile") != nullptr;
  if (exposed.all) {
    out.push_back(make_issue(
        server, finding_type::kMongodbBindAll, auth ? Severity::medium : Severity::high,
        "MongoDB listens on every interface",
        "net.bindIp/bindIpAll ('" + bind.value + "', " + where_text(bind) +
            ") opens every network interface.",
        "Set `net.bindIp: 127.0.0.1` (or the addresses clients use) and remove bindIpAll in "
        "mongod.conf; restart mongod.",
        exposed.evidence));
  }
  if (!auth) {
    const Evidence e =
        authorization ? *authorization
                      : Evidence{main_file(server), 0, "security.authorization not set (disabled)"};
    out.push_back(make_issue(
        server, finding_type::kMongodbAuthDisabled,
        exposed.all ? Severity::critical : Severity::high,
        "MongoDB runs without access control",
        "security.authorization is not enabled (" + where_text(e) +
            "): every client that connects can read and change every database.",
        "Create an administrator user, then set `security.authorization: enabled` in "
        "mongod.conf and restart mongod.",
        {e}));
  }
  return out;
}

std::vector<Issue> check_search(const Server& server) {
  std::vector<Issue> out;
  const EngineConfig& c = server.config;
  const std::string type(to_string(server.engine));
  const std::string name(display_name(server.engine));
  Evidence bind{"default", 0, "_local_ (network.host not set)"};
  bool config_all = false;
  for (const char* key : {"network.host", "http.host"})
    if (const Evidence* e = c.get(key); e && names_all_interfaces(e->value)) {
      config_all = true;
      bind = *e;
    }
  const Exposure exposed = exposure(server, config_all, bind);

  const Evidence* off = nullptr;
  if (server.engine == Engine::opensearch) {
    const Evidence* e = c.get("plugins.security.disabled");
    if (e && parse_bool(e->value) == 1) off = e;
  } else {
    const Evidence* e = c.get("xpack.security.enabled");
    if (e && parse_bool(e->value) == 0) off = e;
  }
  if (exposed.all) {
    out.push_back(
        make_issue(server, type + std::string(finding_type::kSearchBindAllSuffix),
                   off ? Severity::high : Severity::medium,
                   name + " listens on every interface",
                   "network.host is '" + bind.value + "' (" + where_text(bind) +
                       "): the REST API is reachable on every network interface.",
                   "Set `network.host` to 127.0.0.1 or the cluster's private addresses in " +
                       main_file(server) + " and restart the service.",
                   exposed.evidence));
  }
  if (off) {
    const std::string key = server.engine == Engine::opensearch ? "plugins.security.disabled: true"
                                                                : "xpack.security.enabled: false";
    out.push_back(make_issue(
        server, type + std::string(finding_type::kSearchSecurityDisabledSuffix),
        exposed.all ? Severity::critical : Severity::high,
        name + " runs with its security features turned off",
        key + " (" + where_text(*off) +
            "): no authentication and no TLS; any client can read, change and delete every "
            "index.",
        server.engine == Engine::opensearch
            ? "Remove `plugins.security.disabled: true` and configure the security plugin "
              "(certificates, internal users) in " +
                  main_file(server) + "; restart OpenSearch."
            : "Set `xpack.security.enabled: true` (with TLS on the HTTP layer and passwords for "
              "the built-in users) in " +
                  main_file(server) + "; restart Elasticsearch.",
        {*off}));
  }
  return out;
}

std::vector<Issue> check_server(const Server& server) {
  switch (server.engine) {
    case Engine::postgresql:
      return check_postgres(server);
    case Engine::mysql:
      return check_mysql(server);
    case Engine::redis:
      return check_redis(server);
    case Engine::mongodb:
      return check_mongodb(server);
    case Engine::memcached:
      return check_memcached(server);
    case Engine::elasticsearch:
    case Engine::opensearch:
      return check_search(server);
  }
  return {};
}

}  // namespace zt::database
