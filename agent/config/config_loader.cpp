#include "agent/config/config_loader.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "agent/config/sections.hpp"
#include "agent/config/value.hpp"
#include "schema-client/config/duration.hpp"
#include "schema-client/config/reader.hpp"

namespace zt::agent {

namespace {

using collector::CollectorDescriptor;
using collector::OptionSpec;
using collector::OptionType;
using config::dotted;
using config::Field;
using config::join_names;
using config::shown;
using config::to_value;

constexpr std::string_view kDefaultsSource = "(built-in defaults)";
constexpr std::chrono::seconds kDefaultTimeout{300};

// One run of the loader: starts from the defaults, applies the document, then the
// environment, then the checks that need more than one key; collects the errors on the way.
class Loader {
 public:
  Loader(std::string_view file_name, std::span<const CollectorDescriptor> collectors,
         const config::EnvLookup& env);

  void read_document(std::string_view yaml_text);
  void apply_environment();
  model::Result<AgentConfig> finish() &&;

 private:
  void read_root(const YAML::Node& root);
  void read_collectors(const YAML::Node& key_node, const YAML::Node& value);
  void read_collector(const CollectorDescriptor& descriptor, const YAML::Node& key_node,
                      const YAML::Node& value);
  void read_option(const OptionSpec& spec, nlohmann::json& options, const YAML::Node& key_node,
                   const YAML::Node& value, const std::string& key);
  void check_server();
  void check_upload();
  void finish_collector(const CollectorDescriptor& descriptor);

  config::Reader reader_;
  std::span<const CollectorDescriptor> collectors_;
  const config::EnvLookup& env_;
  AgentConfig config_;
  std::map<std::string, nlohmann::json, std::less<>> options_;  // collector → its options
};

Loader::Loader(std::string_view file_name, std::span<const CollectorDescriptor> collectors,
               const config::EnvLookup& env)
    : reader_(std::string(file_name)), collectors_(collectors), env_(env) {
  config_.source = file_name;
  for (const CollectorDescriptor& descriptor : collectors_) {
    CollectorConfig& collector = config_.collectors[std::string(descriptor.name)];
    collector.interval = descriptor.default_interval;
    options_[std::string(descriptor.name)] =
        collector::OptionValues::defaults(descriptor.options).as_json();
  }
}

void Loader::read_document(std::string_view yaml_text) {
  reader_.read_document(yaml_text, [&](const YAML::Node& root) { read_root(root); });
}

void Loader::read_root(const YAML::Node& root) {
  reader_.read_sections(root, kSectionNames, [&](const std::string& key,
                                                 const YAML::Node& key_node,
                                                 const YAML::Node& value) {
    if (key == "agent") {
      reader_.read_section(key_node, value, key, agent_fields(), config_.agent);
    } else if (key == "scheduler") {
      reader_.read_section(key_node, value, key, scheduler_fields(), config_.scheduler);
    } else if (key == "server") {
      reader_.read_section(key_node, value, key, server_fields(), config_.server);
    } else if (key == "upload") {
      reader_.read_section(key_node, value, key, upload_fields(), config_.upload);
    } else {
      read_collectors(key_node, value);
    }
  });
}

void Loader::read_collectors(const YAML::Node& key_node, const YAML::Node& value) {
  if (!reader_.expect_map(key_node, value, "collectors")) return;
  reader_.for_each_entry(value, "collectors", [&](const std::string& key,
                                                  const YAML::Node& entry_key,
                                                  const YAML::Node& entry) {
    const auto descriptor =
        std::find_if(collectors_.begin(), collectors_.end(),
                     [&](const CollectorDescriptor& d) { return d.name == key; });
    if (descriptor == collectors_.end()) {
      reader_.report(
          reader_.at(entry_key.Mark()), dotted("collectors", key),
          "unknown collector (known collectors: " +
              join_names(collectors_, [](const CollectorDescriptor& d) { return d.name; }) + ")");
      return;
    }
    read_collector(*descriptor, entry_key, entry);
  });
}

void Loader::read_collector(const CollectorDescriptor& descriptor, const YAML::Node& key_node,
                            const YAML::Node& value) {
  const std::string name(descriptor.name);
  const std::string path = "collectors." + name;
  if (!reader_.expect_map(key_node, value, path)) return;
  CollectorConfig& collector = config_.collectors.find(name)->second;
  nlohmann::json& options = options_.find(name)->second;
  const std::span<const Field<CollectorConfig>> fields = collector_fields();

  reader_.for_each_entry(value, path, [&](const std::string& key, const YAML::Node& entry_key,
                                          const YAML::Node& entry) {
    const std::string dotted_key = dotted(path, key);
    const auto field = std::find_if(fields.begin(), fields.end(),
                                    [&](const Field<CollectorConfig>& f) { return f.key == key; });
    if (field != fields.end()) {
      reader_.settle(dotted_key, reader_.at(entry_key.Mark()),
                     field->set(collector, to_value(entry)));
      return;
    }
    const auto spec = std::find_if(descriptor.options.begin(), descriptor.options.end(),
                                   [&](const OptionSpec& s) { return s.key == key; });
    if (spec != descriptor.options.end()) {
      read_option(*spec, options, entry_key, entry, dotted_key);
      return;
    }
    std::vector<std::string_view> known;
    for (const Field<CollectorConfig>& f : fields) known.push_back(f.key);
    for (const OptionSpec& s : descriptor.options) known.push_back(s.key);
    reader_.report(reader_.at(entry_key.Mark()), dotted_key,
                   "unknown key (known keys: " +
                       join_names(known, [](std::string_view k) { return k; }) + ")");
  });
}

void Loader::read_option(const OptionSpec& spec, nlohmann::json& options,
                         const YAML::Node& key_node, const YAML::Node& value,
                         const std::string& key) {
  const std::string where = reader_.at(key_node.Mark());
  if (spec.type != OptionType::text_list || !(value.IsSequence() || value.IsNull())) {
    model::Result<nlohmann::json> parsed = to_option(spec, to_value(value));
    if (parsed) options[std::string(spec.key)] = std::move(parsed).value();
    reader_.settle(key, where,
                   parsed ? model::Status(model::Ok{}) : model::Status(parsed.error()));
    return;
  }
  // A list: each item must be text that passes the option's check, and an error points at
  // the item.
  nlohmann::json list = nlohmann::json::array();
  std::size_t index = 0;
  bool all_valid = true;
  for (const YAML::Node& item : value) {
    const std::string item_key = key + "[" + std::to_string(index++) + "]";
    if (!item.IsScalar()) {
      all_valid = false;
      reader_.report(reader_.at(item.Mark()), item_key,
                     "expected text, got " + shown(to_value(item)));
      continue;
    }
    if (spec.check != nullptr) {
      if (model::Status checked = spec.check(item.Scalar()); !checked) {
        all_valid = false;
        reader_.report(reader_.at(item.Mark()), item_key, checked.error().message);
        continue;
      }
    }
    list.push_back(item.Scalar());
  }
  if (all_valid) {
    options[std::string(spec.key)] = std::move(list);
    reader_.settle(key, where, model::Ok{});
  } else {
    reader_.refuse(key);
  }
}

void Loader::apply_environment() {
  reader_.apply_environment("agent", agent_fields(), config_.agent, env_);
  reader_.apply_environment("scheduler", scheduler_fields(), config_.scheduler, env_);
  reader_.apply_environment("server", server_fields(), config_.server, env_);
  reader_.apply_environment("upload", upload_fields(), config_.upload, env_);
}

void Loader::check_server() {
  // Plain http sends the api_key in clear: only when asked for.
  const std::string* url = reader_.where_set("server.url");
  if (url != nullptr && !reader_.refused("server.allow_insecure_http") &&
      config_.server.url.starts_with("http://") && !config_.server.allow_insecure_http) {
    reader_.report(*url, "server.url",
           "http:// sends the api_key unencrypted; use https:// or set "
           "server.allow_insecure_http: true");
  }
  const ServerSection& server = config_.server;
  if (server.client_certificate.empty() != server.client_key.empty()) {
    const bool certificate_set = !server.client_certificate.empty();
    const std::string key = certificate_set ? "server.client_certificate" : "server.client_key";
    reader_.report(*reader_.where_set(key), key,
                   "client_certificate and client_key go together; set both or neither");
  }
}

void Loader::check_upload() {
  const UploadSection& upload = config_.upload;
  const std::string* cap = reader_.where_set("upload.backoff_cap");
  const std::string* initial = reader_.where_set("upload.backoff_initial");
  if (upload.backoff_cap >= upload.backoff_initial || reader_.refused("upload.backoff_cap") ||
      reader_.refused("upload.backoff_initial"))
    return;
  // The defaults are in order: one of the two was set.
  reader_.report(cap ? *cap : *initial, "upload.backoff_cap",
                 "must be at least backoff_initial (" +
                     config::format_duration(upload.backoff_initial) + "), got " +
                     config::format_duration(upload.backoff_cap));
}

void Loader::finish_collector(const CollectorDescriptor& descriptor) {
  const std::string name(descriptor.name);
  const std::string path = "collectors." + name;
  CollectorConfig& collector = config_.collectors.find(name)->second;
  const std::string* timeout = reader_.where_set(path + ".timeout");
  if (timeout == nullptr) {
    // Not set: a default that fits any valid interval, so changing only the interval works.
    collector.timeout = std::min(kDefaultTimeout, collector.interval / 2);
  } else if (!reader_.refused(path + ".interval") && collector.timeout >= collector.interval) {
    reader_.report(*timeout, path + ".timeout",
                   "must be less than the interval (" +
                       config::format_duration(collector.interval) + "), got " +
                       config::format_duration(collector.timeout));
  }
  collector.options = collector::OptionValues(std::move(options_.find(name)->second));
}

model::Result<AgentConfig> Loader::finish() && {
  check_server();
  check_upload();
  for (const CollectorDescriptor& descriptor : collectors_) finish_collector(descriptor);
  const model::Status status = reader_.status();
  if (!status) return status.error();
  return std::move(config_);
}

}  // namespace

model::Result<AgentConfig> default_config(std::span<const CollectorDescriptor> collectors,
                                          const config::EnvLookup& env) {
  Loader loader(kDefaultsSource, collectors, env);
  loader.apply_environment();
  return std::move(loader).finish();
}

model::Result<AgentConfig> parse_config(std::string_view yaml_text, std::string_view file_name,
                                        std::span<const CollectorDescriptor> collectors,
                                        const config::EnvLookup& env) {
  Loader loader(file_name, collectors, env);
  loader.read_document(yaml_text);
  loader.apply_environment();
  return std::move(loader).finish();
}

model::Result<AgentConfig> load_config(const std::filesystem::path& file,
                                       std::span<const CollectorDescriptor> collectors,
                                       const config::EnvLookup& env) {
  const model::Result<std::string> text = config::read_config_file(file);
  if (!text) return text.error();
  return parse_config(*text, file.string(), collectors, env);
}

}  // namespace zt::agent
