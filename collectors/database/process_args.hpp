#pragma once
// What a database server's command line (/proc/<pid>/cmdline, split at NULs) says about its
// configuration: the file or directory it reads and the settings given as options, which
// override the file's. Pure; never throws; unknown options are ignored.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zt::database {

struct ArgSettings {
  std::optional<std::string> config_path;  // the main configuration file
  std::optional<std::string> data_dir;     // PostgreSQL -D
  std::optional<std::string> extra_file;   // MySQL --defaults-extra-file
  // (name, value) in the engine's own naming: "listen_addresses", "bind_address",
  // "protected-mode", "net.bindIp", …; flags have the value "on".
  std::vector<std::pair<std::string, std::string>> settings;
};

// postgres -D DIR, -c name=value, --name=value, -p PORT, -h ADDRESSES; config_file and
// hba_file given with -c land in settings.
ArgSettings postgres_args(const std::vector<std::string>& argv);
// mysqld --defaults-file=F, --defaults-extra-file=F, --name[=value] ('-' read as '_').
ArgSettings mysql_args(const std::vector<std::string>& argv);
// redis-server [FILE] [--directive args…]. Redis rewrites its process title by default
// ("redis-server 127.0.0.1:6379"); then the command line has no file and nothing is found.
ArgSettings redis_args(const std::vector<std::string>& argv);
// mongod --config/-f FILE, --bind_ip X, --bind_ip_all, --port N, --auth, --noauth.
ArgSettings mongod_args(const std::vector<std::string>& argv);
// java … -Des.path.conf=DIR or -Dopensearch.path.conf=DIR: config_path is DIR.
ArgSettings elastic_args(const std::vector<std::string>& argv);

}  // namespace zt::database
