#include "collectors/api/config_reader.hpp"

#include "collectors/api/service_args.hpp"

namespace zt::api {
namespace {

constexpr std::size_t kMaxConfigBytes = std::size_t{1} << 20;
constexpr std::string_view kConsulDefaultConfigDir = "/etc/consul.d";

void read_kubelet(const collector::HostFs& fs, ApiService& s, std::vector<std::string>& problems) {
  KubeletSettings& k = *s.kubelet;
  if (k.config_file.empty()) return;
  auto text = fs.read_file(k.config_file, kMaxConfigBytes);
  if (!text) {
    problems.push_back("kubelet configuration: " + text.error().message);
    return;
  }
  if (std::string error = apply_kubelet_config(*text, k); !error.empty())
    problems.push_back("kubelet configuration " + fs.describe(k.config_file) + ": " + error);
  apply_kubelet_flags(s.process.arguments, k);  // the flags win over the file
}

// Consul's files in the order it merges them: -config-file and -config-dir as given (the
// last of each kind here), a folder's *.json and *.hcl by name.
std::vector<std::string> consul_files(const collector::HostFs& fs, const ApiService& s,
                                      std::vector<std::string>& problems) {
  std::vector<std::string> files;
  const auto& args = s.process.arguments;
  const auto file = flag_value(args, "config-file");
  auto dir = flag_value(args, "config-dir");
  if (!file && !dir && !fs.is_missing(kConsulDefaultConfigDir))
    dir = std::string(kConsulDefaultConfigDir);
  if (file) files.push_back(*file);
  if (dir) {
    auto names = fs.list_dir(*dir);
    if (!names) {
      problems.push_back("Consul configuration folder: " + names.error().message);
    } else {
      for (const std::string& name : *names)
        if (name.ends_with(".json") || name.ends_with(".hcl")) files.push_back(*dir + "/" + name);
    }
  }
  return files;
}

void read_consul(const collector::HostFs& fs, ApiService& s, std::vector<std::string>& problems) {
  ConsulSettings& c = *s.consul;
  for (const std::string& path : consul_files(fs, s, problems)) {
    auto text = fs.read_file(path, kMaxConfigBytes);
    if (!text) {
      problems.push_back("Consul configuration: " + text.error().message);
      continue;
    }
    if (std::string error = apply_consul_config(*text, path.ends_with(".json"), c); !error.empty())
      problems.push_back("Consul configuration " + fs.describe(path) + ": " + error);
    c.config_files.push_back(path);
  }
  apply_consul_flags(s.process.arguments, c);  // the flags win over the files
}

}  // namespace

void read_service_configs(const collector::HostFs& fs, std::vector<ApiService>& services,
                          std::vector<std::string>& problems) {
  for (ApiService& s : services) {
    if (s.kubelet) read_kubelet(fs, s, problems);
    if (s.consul) read_consul(fs, s, problems);
  }
}

}  // namespace zt::api
