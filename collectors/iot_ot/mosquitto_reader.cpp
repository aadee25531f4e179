#include "collectors/iot_ot/mosquitto_reader.hpp"

#include "collectors/iot_ot/host_paths.hpp"

namespace zt::iot_ot {
namespace {

std::vector<Directive> read_one(const collector::HostFs& fs, const std::string& path,
                                std::vector<std::string>& files,
                                std::vector<std::string>& problems) {
  auto text = fs.read_file(path, kMaxConfigBytes);
  if (!text) {
    problems.push_back("mosquitto configuration: " + text.error().message);
    return {};
  }
  files.push_back(path);
  return parse_mosquitto_conf(*text, path);
}

}  // namespace

BrokerConfig read_broker_config(const collector::HostFs& fs, std::string_view path,
                                std::vector<std::string>& problems) {
  std::vector<std::string> files;
  std::vector<Directive> all;
  for (Directive& d : read_one(fs, std::string(path), files, problems)) {
    if (d.key != "include_dir") {
      all.push_back(std::move(d));
      continue;
    }
    auto names = fs.list_dir(d.value);
    if (!names) {
      problems.push_back("mosquitto configuration: " + d.file + ":" + std::to_string(d.line) +
                         ": include_dir: " + names.error().message);
      continue;
    }
    std::size_t included = 0;
    for (const std::string& name : *names) {
      if (!name.ends_with(".conf")) continue;
      if (++included > kMaxIncludedFiles) {
        problems.push_back("mosquitto configuration: " + d.value + ": more than " +
                           std::to_string(kMaxIncludedFiles) + " files; the rest not read");
        break;
      }
      for (Directive& inner : read_one(fs, d.value + "/" + name, files, problems))
        all.push_back(std::move(inner));
    }
  }
  BrokerConfig config = broker_config(all);
  config.files = std::move(files);
  return config;
}

}  // namespace zt::iot_ot
