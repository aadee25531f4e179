// The PostgreSQL and MySQL/MariaDB readers of config_reader.hpp.
#include <algorithm>
#include <filesystem>
#include <set>

#include "collectors/core/optional_file.hpp"
#include "collectors/database/config_reader.hpp"
#include "collectors/database/host_paths.hpp"
#include "collectors/database/mysql_config.hpp"
#include "schema-client/base/path.hpp"

namespace zt::database {
namespace {

using collector::HostFs;

using base::parent_of;

std::string resolve_relative(const std::string& base_dir, const std::string& path) {
  if (!path.empty() && path.front() == '/') return path;
  return (std::filesystem::path(base_dir) / path).lexically_normal().string();
}

// Files of a directory with the suffix, sorted; a missing directory gives none.
std::vector<std::string> files_in(const HostFs& fs, std::string dir,
                                  std::initializer_list<std::string_view> suffixes,
                                  std::vector<std::string>& problems) {
  std::vector<std::string> out;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();  // "!includedir conf.d/"
  auto names = fs.list_dir(dir);
  if (!names) {
    if (!fs.is_missing(dir)) problems.push_back("cannot list " + names.error().message);
    return out;
  }
  for (const std::string& name : *names)
    for (std::string_view suffix : suffixes)
      if (name.size() > suffix.size() &&
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
          name.front() != '.')
        out.push_back(dir + "/" + name);
  return out;
}

void report_errors(const HostFs& fs, const std::string& path, const std::vector<ParseError>& errors,
                   std::vector<std::string>& problems) {
  for (const ParseError& e : errors) problems.push_back(describe_error(fs.describe(path), e));
}

void read_pg_conf(const HostFs& fs, const std::string& path, bool must_exist, int depth,
                  EngineConfig& config, std::vector<std::string>& problems) {
  if (depth > kMaxIncludeDepth) {
    problems.push_back(fs.describe(path) + ": includes nested deeper than " +
                       std::to_string(kMaxIncludeDepth) + " levels, not read");
    return;
  }
  auto text = read_config_file(fs, path, problems);
  if (!text) {
    if (must_exist && fs.is_missing(path)) problems.push_back(fs.describe(path) + ": not found");
    return;
  }
  config.files.push_back(path);
  const PgConf conf = parse_postgresql_conf(*text);
  report_errors(fs, path, conf.errors, problems);
  // Entries and includes are applied in line order: a later line overrides an included one.
  std::size_t next_include = 0;
  auto apply_includes_before = [&](std::size_t line) {
    while (next_include < conf.includes.size() && conf.includes[next_include].line < line) {
      const ConfEntry& inc = conf.includes[next_include++];
      const std::string target = resolve_relative(parent_of(path), inc.value);
      if (inc.name == "include_dir") {
        for (const std::string& file : files_in(fs, target, {".conf"}, problems))
          read_pg_conf(fs, file, false, depth + 1, config, problems);
      } else {
        read_pg_conf(fs, target, inc.name == "include", depth + 1, config, problems);
      }
    }
  };
  for (const ConfEntry& e : conf.entries) {
    apply_includes_before(e.line);
    config.settings[e.name] = Evidence{path, e.line, e.value};
  }
  apply_includes_before(static_cast<std::size_t>(-1));
}

void read_hba(const HostFs& fs, const std::string& path, EngineConfig& config,
              std::vector<std::string>& problems) {
  auto text = read_config_file(fs, path, problems);
  if (!text) {
    if (fs.is_missing(path)) problems.push_back(fs.describe(path) + ": not found");
    return;
  }
  config.files.push_back(path);
  const PgHba hba = parse_pg_hba(*text);
  report_errors(fs, path, hba.errors, problems);
  for (const HbaRule& rule : hba.rules) config.hba.push_back({rule, path});
}

void read_my_cnf(const HostFs& fs, const std::string& path, int depth, std::set<std::string>& seen,
                 EngineConfig& config, std::vector<std::string>& problems) {
  if (depth > kMaxIncludeDepth || !seen.insert(path).second) {
    problems.push_back(fs.describe(path) + ": included again or nested deeper than " +
                       std::to_string(kMaxIncludeDepth) + " levels, not read");
    return;
  }
  auto text = read_config_file(fs, path, problems);
  if (!text) return;
  config.files.push_back(path);
  const MyCnf cnf = parse_my_cnf(*text);
  report_errors(fs, path, cnf.errors, problems);
  std::size_t next_include = 0;
  auto apply_includes_before = [&](std::size_t line) {
    while (next_include < cnf.includes.size() && cnf.includes[next_include].line < line) {
      const MyInclude& inc = cnf.includes[next_include++];
      const std::string target = resolve_relative(parent_of(path), inc.path);
      if (inc.directory) {
        // mysqld reads *.cnf from an !includedir (MariaDB also *.ini).
        for (const std::string& file : files_in(fs, target, {".cnf", ".ini"}, problems))
          read_my_cnf(fs, file, depth + 1, seen, config, problems);
      } else {
        if (fs.is_missing(target))
          problems.push_back(fs.describe(path) + ":" + std::to_string(inc.line) +
                             ": included file " + target + " not found");
        read_my_cnf(fs, target, depth + 1, seen, config, problems);
      }
    }
  };
  for (const MyOption& o : cnf.options) {
    apply_includes_before(o.line);
    if (!is_server_section(o.section)) continue;
    std::string name = o.name;
    std::string value = o.has_value ? o.value : "ON";
    if (name == "skip_local_infile") {  // skip-X is X=OFF for boolean options
      name = "local_infile";
      value = "OFF";
    }
    config.settings[name] = Evidence{path, o.line, value};
  }
  apply_includes_before(static_cast<std::size_t>(-1));
}

void apply_args(const ArgSettings& args, const std::string& cmdline, EngineConfig& config) {
  if (cmdline.empty()) return;
  for (const auto& [name, value] : args.settings)
    config.settings[name] = Evidence{cmdline, 0, value};
}

}  // namespace

std::optional<std::string> read_config_file(const HostFs& fs, const std::string& path,
                                            std::vector<std::string>& problems) {
  return collector::read_optional(fs, path, kConfigMaxBytes, problems);
}

EngineConfig read_postgres(const HostFs& fs, const std::string& conf_path,
                           const std::string& data_dir, const ArgSettings& args,
                           const std::string& cmdline, std::vector<std::string>& problems) {
  EngineConfig config;
  read_pg_conf(fs, conf_path, true, 0, config, problems);
  apply_args(args, cmdline, config);
  std::string hba_path =
      (data_dir.empty() ? parent_of(conf_path) : data_dir) + "/" + std::string(kPostgresHbaName);
  if (const Evidence* hba_file = config.get("hba_file"))
    hba_path =
        resolve_relative(data_dir.empty() ? parent_of(conf_path) : data_dir, hba_file->value);
  read_hba(fs, hba_path, config, problems);
  return config;
}

std::vector<std::string> postgres_default_confs(const HostFs& fs) {
  std::vector<std::string> out;
  const std::string root(kPostgresEtcDir);
  auto versions = fs.list_dir(root);
  if (!versions) return out;
  for (const std::string& version : *versions) {
    auto clusters = fs.list_dir(root + "/" + version);
    if (!clusters) continue;
    for (const std::string& cluster : *clusters) {
      const std::string conf =
          root + "/" + version + "/" + cluster + "/" + std::string(kPostgresConfName);
      if (fs.exists(conf)) out.push_back(conf);
    }
  }
  return out;
}

EngineConfig read_mysql(const HostFs& fs, const std::vector<std::string>& files,
                        const ArgSettings& args, const std::string& cmdline,
                        std::vector<std::string>& problems) {
  EngineConfig config;
  std::set<std::string> seen;
  for (const std::string& file : files)
    if (!fs.is_missing(file)) read_my_cnf(fs, file, 0, seen, config, problems);
  apply_args(args, cmdline, config);
  return config;
}

}  // namespace zt::database
