// The Redis, YAML (MongoDB, Elasticsearch, OpenSearch) and Memcached readers of
// config_reader.hpp.
#include <filesystem>
#include <set>

#include "collectors/database/config_reader.hpp"
#include "collectors/database/host_paths.hpp"
#include "collectors/database/redis_config.hpp"
#include "collectors/database/yaml_flat.hpp"

namespace zt::database {
namespace {

using collector::HostFs;

void report_errors(const HostFs& fs, const std::string& path, const std::vector<ParseError>& errors,
                   std::vector<std::string>& problems) {
  for (const ParseError& e : errors) problems.push_back(describe_error(fs.describe(path), e));
}

// Secrets never reach a finding or the inventory: passwords are replaced, the rest kept.
std::string redis_evidence_value(const RedisDirective& d) {
  if (d.keyword == "requirepass" || d.keyword == "masterauth")
    return d.args.front().empty() ? "" : "********";
  std::string out;
  for (const std::string& arg : d.args) {
    if (!out.empty()) out += ' ';
    if (d.keyword == "user" && !arg.empty() && (arg.front() == '>' || arg.front() == '#'))
      out += std::string(1, arg.front()) + "********";
    else
      out += arg.empty() ? "\"\"" : arg;
  }
  return out;
}

bool is_repeated_redis_directive(const std::string& keyword) {
  return keyword == "rename-command" || keyword == "user";
}

void read_redis_file(const HostFs& fs, const std::string& path, int depth,
                     std::set<std::string>& seen, EngineConfig& config,
                     std::vector<std::string>& problems) {
  if (depth > kMaxIncludeDepth || !seen.insert(path).second) {
    problems.push_back(fs.describe(path) + ": included again or nested deeper than " +
                       std::to_string(kMaxIncludeDepth) + " levels, not read");
    return;
  }
  auto text = read_config_file(fs, path, problems);
  if (!text) {
    if (depth > 0 && fs.is_missing(path)) problems.push_back(fs.describe(path) + ": not found");
    return;
  }
  config.files.push_back(path);
  const RedisConf conf = parse_redis_conf(*text);
  report_errors(fs, path, conf.errors, problems);
  for (const RedisDirective& d : conf.directives) {
    if (d.keyword == "include") {
      std::string target = d.args.front();
      if (target.front() != '/')
        target = (std::filesystem::path(path).parent_path() / target).lexically_normal().string();
      read_redis_file(fs, target, depth + 1, seen, config, problems);
      continue;
    }
    Evidence e{path, d.line, redis_evidence_value(d)};
    if (d.keyword == "rename-command" && d.args.size() < 2) {
      problems.push_back(fs.describe(path) + ":" + std::to_string(d.line) +
                         ": rename-command needs a command and a new name");
      continue;
    }
    if (is_repeated_redis_directive(d.keyword))
      config.repeated.emplace(d.keyword, std::move(e));
    else
      config.settings[d.keyword] = std::move(e);
  }
}

}  // namespace

EngineConfig read_redis(const HostFs& fs, const std::string& conf_path, const ArgSettings& args,
                        const std::string& cmdline, std::vector<std::string>& problems) {
  EngineConfig config;
  std::set<std::string> seen;
  if (!conf_path.empty()) read_redis_file(fs, conf_path, 0, seen, config, problems);
  if (!cmdline.empty()) {
    for (const auto& [name, value] : args.settings) {
      RedisDirective d{lower(name), {value}, 0};
      Evidence e{cmdline, 0, redis_evidence_value(d)};
      if (is_repeated_redis_directive(d.keyword))
        config.repeated.emplace(d.keyword, e);
      else
        config.settings[d.keyword] = e;
    }
  }
  return config;
}

EngineConfig read_yaml_config(const HostFs& fs, const std::string& path, const ArgSettings& args,
                              const std::string& cmdline, std::vector<std::string>& problems) {
  EngineConfig config;
  if (auto text = path.empty() ? std::nullopt : read_config_file(fs, path, problems)) {
    config.files.push_back(path);
    const FlatYaml yaml = flatten_yaml(*text);
    report_errors(fs, path, yaml.errors, problems);
    for (const YamlEntry& e : yaml.entries)
      config.settings[e.key] = Evidence{path, e.line, e.value};
  }
  if (!cmdline.empty())
    for (const auto& [name, value] : args.settings)
      config.settings[name] = Evidence{cmdline, 0, value};
  return config;
}

EngineConfig read_memcached(const HostFs& fs, const std::vector<std::string>& argv,
                            const std::string& cmdline, std::vector<std::string>& problems) {
  EngineConfig config;
  std::vector<MemcachedArg> args;
  std::string source = cmdline;
  std::vector<ParseError> errors;
  if (!cmdline.empty()) {
    for (std::size_t i = 1; i < argv.size(); ++i) args.push_back({argv[i], 0});
  } else if (auto debian = read_config_file(fs, std::string(kMemcachedDebianFile), problems)) {
    source = std::string(kMemcachedDebianFile);
    args = memcached_conf_args(*debian);
  } else if (auto rhel = read_config_file(fs, std::string(kMemcachedSysconfigFile), problems)) {
    source = std::string(kMemcachedSysconfigFile);
    args = memcached_sysconfig_args(*rhel, errors);
  }
  if (source != cmdline) config.files.push_back(source);
  const MemcachedSettings s = parse_memcached_args(args, source);
  errors.insert(errors.end(), s.errors.begin(), s.errors.end());
  if (!source.empty()) report_errors(fs, source, errors, problems);
  const std::pair<const char*, const std::optional<Evidence>*> slots[] = {{"listen", &s.listen},
                                                                          {"tcp_port", &s.tcp_port},
                                                                          {"udp_port", &s.udp_port},
                                                                          {"sasl", &s.sasl}};
  for (const auto& [name, value] : slots)
    if (*value) config.settings[name] = **value;
  return config;
}

}  // namespace zt::database
