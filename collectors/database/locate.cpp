#include "collectors/database/locate.hpp"

#include <algorithm>

#include "collectors/core/text.hpp"
#include "collectors/database/config_reader.hpp"
#include "collectors/database/host_paths.hpp"
#include "collectors/database/process_args.hpp"

namespace zt::database {
namespace {

using collector::HostFs;

std::string cmdline_of(const Server& server) {
  return server.process ? "/proc/" + std::to_string(server.process->pid) + "/cmdline" : "";
}

const std::vector<std::string>& argv_of(const Server& server) {
  static const std::vector<std::string> kNone;
  return server.process ? server.process->arguments : kNone;
}

std::vector<std::string> existing(const HostFs& fs, std::initializer_list<std::string_view> paths) {
  std::vector<std::string> out;
  for (std::string_view p : paths)
    if (!fs.is_missing(p)) out.emplace_back(p);
  return out;
}

std::vector<std::string> mysql_files(const HostFs& fs, const ArgSettings& args) {
  if (args.config_path) return {*args.config_path};
  std::vector<std::string> files;
  for (std::string_view p : kMysqlDefaultFiles)
    if (!fs.is_missing(p)) files.emplace_back(p);
  if (args.extra_file) files.push_back(*args.extra_file);
  return files;
}

// The first entry of an address list, with "all interfaces" spellings made an address.
std::string first_address(std::string_view list, std::string fallback) {
  std::string_view first = list.substr(0, list.find_first_of(", "));
  first = collector::unquote(collector::trim(first));
  if (!first.empty() && first.front() == '-') first.remove_prefix(1);
  if (first.empty()) return fallback;
  if (first == "*" || first == "::*" || first == "_global_") return "0.0.0.0";
  if (first == "localhost" || first == "_local_") return "127.0.0.1";
  return std::string(first);
}

std::uint16_t port_or(const EngineConfig& c, std::initializer_list<const char*> keys,
                      std::uint16_t fallback) {
  for (const char* key : keys)
    if (const Evidence* e = c.get(key)) {
      try {
        const int port = std::stoi(e->value);
        if (port > 0 && port < 65536) return static_cast<std::uint16_t>(port);
      } catch (const std::exception&) {
        // not a number (an Elasticsearch range "9200-9300" starts with one): the default
      }
    }
  return fallback;
}

std::string address_or(const EngineConfig& c, std::initializer_list<const char*> keys,
                       std::string fallback) {
  for (const char* key : keys)
    if (const Evidence* e = c.get(key)) return first_address(e->value, fallback);
  return fallback;
}

// Host and port of a server known from its files only.
void identity_from_config(Server& s) {
  const EngineConfig& c = s.config;
  switch (s.engine) {
    case Engine::postgresql:
      s.host = address_or(c, {"listen_addresses"}, "127.0.0.1");
      s.port = port_or(c, {"port"}, 5432);
      break;
    case Engine::mysql:
      s.host = c.get("skip_networking") ? "127.0.0.1" : address_or(c, {"bind_address"}, "0.0.0.0");
      s.port = port_or(c, {"port"}, 3306);
      break;
    case Engine::redis:
      s.host = address_or(c, {"bind"}, "0.0.0.0");
      s.port = port_or(c, {"port"}, 6379);
      break;
    case Engine::mongodb:
      s.host = c.get("net.bindIpAll") && parse_bool(c.get("net.bindIpAll")->value) == 1
                   ? "0.0.0.0"
                   : address_or(c, {"net.bindIp"}, "127.0.0.1");
      s.port = port_or(c, {"net.port"}, 27017);
      break;
    case Engine::memcached:
      s.host = address_or(c, {"listen"}, "0.0.0.0");
      s.port = port_or(c, {"tcp_port"}, 11211);
      break;
    case Engine::elasticsearch:
    case Engine::opensearch:
      s.host = address_or(c, {"http.host", "network.host"}, "127.0.0.1");
      s.port = port_or(c, {"http.port"}, 9200);
      break;
  }
}

Server configured(Engine engine, EngineConfig config) {
  Server s;
  s.engine = engine;
  s.config = std::move(config);
  s.config_source = "installed files";
  identity_from_config(s);
  return s;
}

}  // namespace

void load_running_config(const HostFs& fs, Server& server, const std::string& live_config_file,
                         std::vector<std::string>& problems) {
  std::string& source = server.config_source;
  const auto& argv = argv_of(server);
  const std::string cmdline = cmdline_of(server);
  source = "command line";
  switch (server.engine) {
    case Engine::postgresql: {
      const ArgSettings args = postgres_args(argv);
      std::string conf;
      const std::string data_dir = args.data_dir.value_or("");
      if (args.config_path)
        conf = *args.config_path;
      else if (!data_dir.empty())
        conf = data_dir + "/" + std::string(kPostgresConfName);
      if (conf.empty()) {
        // PGDATA from the environment: not visible; Debian's clusters are the best guess.
        const auto defaults = postgres_default_confs(fs);
        if (defaults.empty()) return;
        conf = defaults.front();
        source = "default path";
      }
      server.config = read_postgres(fs, conf, data_dir, args, cmdline, problems);
      return;
    }
    case Engine::mysql: {
      const ArgSettings args = mysql_args(argv);
      if (!args.config_path) source = "default path";
      server.config = read_mysql(fs, mysql_files(fs, args), args, cmdline, problems);
      return;
    }
    case Engine::redis: {
      const ArgSettings args = redis_args(argv);
      std::string conf = args.config_path.value_or("");
      if (conf.empty() && !live_config_file.empty()) {
        conf = live_config_file;
        source = "server (INFO config_file)";
      }
      if (conf.empty()) {
        // The process title hides the file (Redis rewrites it): the packaged path is assumed.
        const auto defaults = existing(fs, {kRedisDefaultFiles[0], kRedisDefaultFiles[1]});
        if (!defaults.empty()) conf = defaults.front();
        source = "default path";
      }
      server.config = read_redis(fs, conf, args, cmdline, problems);
      return;
    }
    case Engine::mongodb: {
      const ArgSettings args = mongod_args(argv);
      // mongod reads no file unless told to; the packaged service always passes --config.
      server.config = read_yaml_config(fs, args.config_path.value_or(""), args, cmdline, problems);
      return;
    }
    case Engine::memcached:
      server.config = read_memcached(fs, argv, cmdline, problems);
      return;
    case Engine::elasticsearch:
    case Engine::opensearch: {
      const ArgSettings args = elastic_args(argv);
      const bool es = server.engine == Engine::elasticsearch;
      std::string file = std::string(es ? kElasticsearchDefaultFile : kOpensearchDefaultFile);
      if (args.config_path)
        file = *args.config_path + (es ? "/elasticsearch.yml" : "/opensearch.yml");
      else
        source = "default path";
      server.config = read_yaml_config(fs, file, args, cmdline, problems);
      return;
    }
  }
}

bool has_default_config(const HostFs& fs) {
  std::vector<std::string_view> paths = {kPostgresEtcDir, kMongodDefaultFile, kMemcachedDebianFile,
                                         kMemcachedSysconfigFile, kElasticsearchDefaultFile,
                                         kOpensearchDefaultFile};
  paths.insert(paths.end(), std::begin(kMysqlDefaultFiles), std::end(kMysqlDefaultFiles));
  paths.insert(paths.end(), std::begin(kRedisDefaultFiles), std::end(kRedisDefaultFiles));
  return std::any_of(paths.begin(), paths.end(),
                     [&](std::string_view path) { return fs.exists(path); });
}

std::vector<Server> configured_servers(const HostFs& fs, const std::vector<Server>& running,
                                       std::vector<std::string>& problems) {
  // A default file already read for a running server is that server's; Memcached's file is
  // not read for a running one (its command line is), so any running Memcached is the one.
  auto read_by_running = [&](Engine e, std::string_view path) {
    return std::any_of(running.begin(), running.end(), [&](const Server& s) {
      return s.engine == e &&
             std::find(s.config.files.begin(), s.config.files.end(), path) != s.config.files.end();
    });
  };
  auto is_running = [&](Engine e) {
    return std::any_of(running.begin(), running.end(),
                       [&](const Server& s) { return s.engine == e; });
  };
  std::vector<Server> out;
  const ArgSettings none;
  auto add = [&](Engine engine, EngineConfig config) {
    if (!config.files.empty()) out.push_back(configured(engine, std::move(config)));
  };
  for (const std::string& conf : postgres_default_confs(fs))
    if (!read_by_running(Engine::postgresql, conf))
      add(Engine::postgresql, read_postgres(fs, conf, "", none, "", problems));
  if (const auto files = mysql_files(fs, none);
      !files.empty() && !read_by_running(Engine::mysql, files.front())) {
    // mysql-common installs /etc/mysql/my.cnf with the client libraries: only server options
    // ([mysqld], [mariadb] …) say a server is installed.
    EngineConfig config = read_mysql(fs, files, none, "", problems);
    if (!config.settings.empty()) add(Engine::mysql, std::move(config));
  }
  if (const auto files = existing(fs, {kRedisDefaultFiles[0], kRedisDefaultFiles[1]});
      !files.empty() && !read_by_running(Engine::redis, files.front()))
    add(Engine::redis, read_redis(fs, files.front(), none, "", problems));
  if (!is_running(Engine::memcached)) add(Engine::memcached, read_memcached(fs, {}, "", problems));
  const std::pair<Engine, std::string_view> yaml_defaults[] = {
      {Engine::mongodb, kMongodDefaultFile},
      {Engine::elasticsearch, kElasticsearchDefaultFile},
      {Engine::opensearch, kOpensearchDefaultFile}};
  for (const auto& [engine, path] : yaml_defaults)
    if (!fs.is_missing(path) && !read_by_running(engine, path))
      add(engine, read_yaml_config(fs, std::string(path), none, "", problems));
  return out;
}

}  // namespace zt::database
