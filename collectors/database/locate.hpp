#pragma once
// Finds and reads each server's configuration (config_reader.hpp) — from its command line
// when running, else from the distribution's default paths — and adds the servers that are
// configured on the host but not running. Never throws; problems name file and line.
#include <string>
#include <vector>

#include "collectors/core/host_fs.hpp"
#include "collectors/database/server.hpp"

namespace zt::database {

// Reads the configuration of a running server. `live_config_file` is what the server itself
// said (Redis INFO config_file), used when its command line names no file. Sets
// server.config and server.config_source.
void load_running_config(const collector::HostFs& fs, Server& server,
                         const std::string& live_config_file, std::vector<std::string>& problems);

// Whether any engine's default configuration file (or PostgreSQL's folder) is there.
bool has_default_config(const collector::HostFs& fs);

// Servers configured at the default paths but not running: a default file no running server
// of its engine read (for Memcached, whose file only feeds a command line: no Memcached
// running), with host and port from the configuration (or the engine's default). A my.cnf
// without server options (the client libraries' one) is no server.
std::vector<Server> configured_servers(const collector::HostFs& fs,
                                       const std::vector<Server>& running,
                                       std::vector<std::string>& problems);

}  // namespace zt::database
