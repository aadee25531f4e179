#pragma once
// Reads a database server's configuration files through HostFs and turns them, with the
// settings of its command line, into an EngineConfig (server.hpp). Includes are followed
// (postgresql.conf include/include_if_exists/include_dir, my.cnf !include/!includedir,
// redis.conf include) up to kMaxIncludeDepth. A file that cannot be read, and every parse
// error, becomes a problem naming the file (and line); what could be read is still used.
// Never throws.
#include <string>
#include <vector>

#include "collectors/core/host_fs.hpp"
#include "collectors/database/memcached_config.hpp"
#include "collectors/database/process_args.hpp"
#include "collectors/database/server.hpp"

namespace zt::database {

// A file that may be missing: its text, or nothing (and a problem when it exists but cannot
// be read).
std::optional<std::string> read_config_file(const collector::HostFs& fs, const std::string& path,
                                            std::vector<std::string>& problems);

// `cmdline` names the command line in evidence ("/proc/812/cmdline"); empty when the server
// is known from its files only.
EngineConfig read_postgres(const collector::HostFs& fs, const std::string& conf_path,
                           const std::string& data_dir, const ArgSettings& args,
                           const std::string& cmdline, std::vector<std::string>& problems);
// The Debian clusters' postgresql.conf files that exist (/etc/postgresql/*/*/).
std::vector<std::string> postgres_default_confs(const collector::HostFs& fs);

// `files`: the option files in reading order (--defaults-file, or the defaults).
EngineConfig read_mysql(const collector::HostFs& fs, const std::vector<std::string>& files,
                        const ArgSettings& args, const std::string& cmdline,
                        std::vector<std::string>& problems);

EngineConfig read_redis(const collector::HostFs& fs, const std::string& conf_path,
                        const ArgSettings& args, const std::string& cmdline,
                        std::vector<std::string>& problems);

// YAML files: mongod.conf, elasticsearch.yml, opensearch.yml. Keys are the dotted paths.
EngineConfig read_yaml_config(const collector::HostFs& fs, const std::string& path,
                              const ArgSettings& args, const std::string& cmdline,
                              std::vector<std::string>& problems);

// Memcached from its command line when running (cmdline non-empty), else from the
// distribution's file. Keys: listen, tcp_port, udp_port, sasl.
EngineConfig read_memcached(const collector::HostFs& fs, const std::vector<std::string>& argv,
                            const std::string& cmdline, std::vector<std::string>& problems);

}  // namespace zt::database
