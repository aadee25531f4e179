#include "collectors/database/server.hpp"

namespace zt::database {

std::string_view to_string(Engine engine) {
  switch (engine) {
    case Engine::postgresql:
      return "postgresql";
    case Engine::mysql:
      return "mysql";
    case Engine::redis:
      return "redis";
    case Engine::mongodb:
      return "mongodb";
    case Engine::memcached:
      return "memcached";
    case Engine::elasticsearch:
      return "elasticsearch";
    case Engine::opensearch:
      return "opensearch";
  }
  return "unknown";
}

std::string_view display_name(Engine engine) {
  switch (engine) {
    case Engine::postgresql:
      return "PostgreSQL";
    case Engine::mysql:
      return "MySQL/MariaDB";
    case Engine::redis:
      return "Redis";
    case Engine::mongodb:
      return "MongoDB";
    case Engine::memcached:
      return "Memcached";
    case Engine::elasticsearch:
      return "Elasticsearch";
    case Engine::opensearch:
      return "OpenSearch";
  }
  return "unknown";
}

const Evidence* EngineConfig::get(const std::string& key) const {
  const auto it = settings.find(key);
  return it == settings.end() ? nullptr : &it->second;
}

}  // namespace zt::database
