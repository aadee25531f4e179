#include "collectors/database/discover.hpp"

#include <map>

namespace zt::database {

std::optional<Engine> engine_of(const collector::ProcessInfo& p) {
  const std::string& n = p.name;
  if (n == "postgres" || n == "postmaster") return Engine::postgresql;
  if (n == "mysqld" || n == "mariadbd") return Engine::mysql;
  if (n == "redis-server") return Engine::redis;
  if (n == "mongod") return Engine::mongodb;
  if (n == "memcached") return Engine::memcached;
  if (n == "java") {
    for (const std::string& a : p.arguments) {
      if (a == "org.elasticsearch.bootstrap.Elasticsearch") return Engine::elasticsearch;
      if (a == "org.opensearch.bootstrap.OpenSearch") return Engine::opensearch;
    }
  }
  return std::nullopt;
}

std::vector<Server> servers_from_sockets(const std::vector<collector::ListeningSocket>& sockets) {
  std::map<int, Server> by_pid;
  for (const collector::ListeningSocket& s : sockets) {
    if (!s.process) continue;
    const auto engine = engine_of(*s.process);
    if (!engine) continue;
    auto [it, fresh] = by_pid.try_emplace(s.process->pid);
    Server& server = it->second;
    if (fresh) {
      server.engine = *engine;
      server.process = s.process;
    }
    server.sockets.push_back(s);
  }
  std::vector<Server> out;
  for (auto& [pid, server] : by_pid) {
    const collector::ListeningSocket* main = &server.sockets.front();
    for (const collector::ListeningSocket& s : server.sockets)
      if (s.protocol == collector::Protocol::tcp) {
        main = &s;
        break;
      }
    server.host = main->address;
    server.port = main->port;
    out.push_back(std::move(server));
  }
  return out;
}

}  // namespace zt::database
