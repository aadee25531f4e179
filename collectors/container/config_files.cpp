#include "collectors/container/config_files.hpp"

#include "collectors/container/host_paths.hpp"
#include "collectors/container/registries_conf.hpp"
#include "collectors/container/toml_subset.hpp"
#include "collectors/core/optional_file.hpp"

namespace zt::container {
namespace {

void add_registry(ConfigSnapshot& snap, const std::string& name, RegistrySource source) {
  for (InsecureRegistrySeen& seen : snap.insecure_registries)
    if (seen.name == name) {
      seen.sources.push_back(std::move(source));
      return;
    }
  snap.insecure_registries.push_back({name, {std::move(source)}});
}

void read_registries_conf(const collector::HostFs& fs, const std::string& path,
                          ConfigSnapshot& snap, std::vector<std::string>& problems) {
  const auto text = collector::read_optional(fs, path, kConfigMaxBytes, problems);
  if (!text) return;
  snap.files_read.push_back(path);
  const auto doc = parse_toml_subset(*text, path);
  if (!doc) {
    problems.push_back(doc.error().message);
    return;
  }
  for (const InsecureRegistry& r : insecure_registries(*doc))
    add_registry(snap, r.name, {path, r.line});
}

// The drop-ins of registries.conf.d, in name order (as containers-common reads them). A
// folder that cannot be listed is a problem when `problems` is given.
std::vector<std::string> registries_dropins(const collector::HostFs& fs,
                                            std::vector<std::string>* problems) {
  std::vector<std::string> out;
  if (fs.is_missing(kRegistriesConfDir)) return out;
  const auto names = fs.list_dir(kRegistriesConfDir);
  if (!names) {
    if (problems) problems->push_back("cannot list " + names.error().message);
    return out;
  }
  for (const std::string& name : *names)
    if (name.ends_with(".conf")) out.push_back(std::string(kRegistriesConfDir) + "/" + name);
  return out;
}

}  // namespace

bool any_config_file(const collector::HostFs& fs) {
  return fs.exists(kDaemonJsonPath) || fs.exists(kRegistriesConfPath) ||
         !registries_dropins(fs, nullptr).empty();
}

ConfigSnapshot read_config_files(const collector::HostFs& fs, std::vector<std::string>& problems) {
  ConfigSnapshot snap;
  const std::string daemon_path(kDaemonJsonPath);
  snap.daemon_json_present = fs.exists(daemon_path);
  if (const auto text = collector::read_optional(fs, daemon_path, kConfigMaxBytes, problems)) {
    snap.files_read.push_back(daemon_path);
    auto parsed = parse_daemon_json(*text, daemon_path);
    if (parsed) {
      for (const std::string& name : parsed->insecure_registries)
        add_registry(snap, name, {daemon_path, parsed->line_of("insecure-registries")});
      snap.daemon = std::move(*parsed);
    } else {
      problems.push_back(parsed.error().message);
    }
  }
  read_registries_conf(fs, std::string(kRegistriesConfPath), snap, problems);
  for (const std::string& path : registries_dropins(fs, &problems))
    read_registries_conf(fs, path, snap, problems);
  return snap;
}

}  // namespace zt::container
