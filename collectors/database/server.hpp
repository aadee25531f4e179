#pragma once
// What the database collector knows about one database server: which engine, the process
// and sockets it was found by (if running), the configuration it was read from, the live
// check results and the problems found. Plain data shared by the discovery, the readers,
// the checks and the report.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "collectors/core/host_sockets.hpp"
#include "collectors/core/live_checker.hpp"
#include "collectors/database/pg_config.hpp"
#include "collectors/database/settings.hpp"
#include "schema-client/model/severity.hpp"

namespace zt::database {

enum class Engine { postgresql, mysql, redis, mongodb, memcached, elasticsearch, opensearch };

inline constexpr Engine kAllEngines[] = {
    Engine::postgresql, Engine::mysql,         Engine::redis,     Engine::mongodb,
    Engine::memcached,  Engine::elasticsearch, Engine::opensearch};

std::string_view to_string(Engine engine);     // database_type: "postgresql", "mysql", …
std::string_view display_name(Engine engine);  // "PostgreSQL", "MySQL/MariaDB", …

struct HbaEntry {
  HbaRule rule;
  std::string file;
};

// The effective configuration of one server, whatever the engine: each setting's last value
// with where it came from (keys are the engine's own names, normalised as its parser says),
// the directives that may repeat (Redis rename-command and user), and PostgreSQL's hba rules.
struct EngineConfig {
  std::vector<std::string> files;  // every file read, in reading order
  std::map<std::string, Evidence> settings;
  std::multimap<std::string, Evidence> repeated;
  std::vector<HbaEntry> hba;
  const Evidence* get(const std::string& key) const;
};

// One problem found on a server, before it becomes a model::Finding (report.cpp).
struct Issue {
  std::string finding_type;
  model::Severity severity = model::Severity::info;
  std::string title;
  std::string description;
  std::string remediation;
  std::vector<Evidence> evidence;  // the first is the main one
  std::string database_name;       // when the issue concerns a database ("all" for hba rules)
};

// One live exchange with the server (see live_checks.hpp).
using collector::LiveCheck;

struct Server {
  Engine engine = Engine::postgresql;
  std::optional<collector::ProcessInfo> process;
  std::vector<collector::ListeningSocket> sockets;  // its listeners, when running
  std::string host;  // the identifying address: its first TCP listener, else the config's
  std::uint16_t port = 0;
  EngineConfig config;
  // How the configuration was found: "command line", "server (INFO config_file)",
  // "default path" (a running server whose command line names no file), "installed files"
  // (not running).
  std::string config_source;
  std::string version;
  std::vector<LiveCheck> live;
  std::vector<Issue> issues;
  // Set by the live checks: Redis answered PING without a password; PostgreSQL let the
  // postgres user in without one.
  bool live_open = false;
};

}  // namespace zt::database
