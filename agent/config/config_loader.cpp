#include "agent/config/config_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "agent/config/duration.hpp"
#include "agent/config/sections.hpp"
#include "agent/config/value.hpp"

namespace zt::agent {

namespace {

using collector::CollectorDescriptor;
using collector::OptionSpec;
using collector::OptionType;

constexpr std::string_view kDefaultsSource = "(built-in defaults)";
constexpr std::chrono::seconds kDefaultTimeout{300};

Value to_value(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return {Value::Shape::scalar, node.Scalar()};
    case YAML::NodeType::Sequence: return {Value::Shape::list, {}};
    case YAML::NodeType::Map: return {Value::Shape::map, {}};
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: break;
  }
  return {};
}

std::string dotted(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

template <typename Range, typename Name>
std::string join_names(const Range& items, Name name_of) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + std::string(name_of(item));
  return out.empty() ? "none" : out;
}

// One run of the loader: starts from the defaults, applies the document, then the
// environment, then the checks that need more than one key; collects the errors on the way.
class Loader {
 public:
  Loader(std::string_view file_name, std::span<const CollectorDescriptor> collectors,
         const EnvLookup& env);

  void read_document(std::string_view yaml_text);
  void apply_environment();
  model::Result<AgentConfig> finish() &&;

 private:
  std::string at(const YAML::Mark& mark) const;
  void report(const std::string& where, std::string_view key, std::string_view problem);
  // Records whether `key` was set from `where`, reporting the problem if not.
  void settle(const std::string& key, const std::string& where, const model::Status& status);

  template <typename Visit>
  void for_each_entry(const YAML::Node& map, std::string_view path, Visit visit);
  bool expect_map(const YAML::Node& key_node, const YAML::Node& value, std::string_view path);
  void read_root(const YAML::Node& root);
  template <typename Section>
  void read_section(const YAML::Node& key_node, const YAML::Node& value, std::string_view path,
                    std::span<const Field<Section>> fields, Section& section);
  void read_collectors(const YAML::Node& key_node, const YAML::Node& value);
  void read_collector(const CollectorDescriptor& descriptor, const YAML::Node& key_node,
                      const YAML::Node& value);
  void read_option(const OptionSpec& spec, nlohmann::json& options, const YAML::Node& key_node,
                   const YAML::Node& value, const std::string& key);
  template <typename Section>
  void apply_environment(std::string_view section_name, std::span<const Field<Section>> fields,
                         Section& section);
  void check_server();
  void finish_collector(const CollectorDescriptor& descriptor);

  std::string file_name_;
  std::span<const CollectorDescriptor> collectors_;
  const EnvLookup& env_;
  AgentConfig config_;
  std::map<std::string, nlohmann::json, std::less<>> options_;  // collector → its options
  std::map<std::string, std::string, std::less<>> set_at_;  // dotted key → where it was set
  std::set<std::string, std::less<>> failed_;               // keys whose value was refused
  std::vector<std::string> errors_;
};

Loader::Loader(std::string_view file_name, std::span<const CollectorDescriptor> collectors,
               const EnvLookup& env)
    : file_name_(file_name), collectors_(collectors), env_(env) {
  config_.source = file_name_;
  for (const CollectorDescriptor& descriptor : collectors_) {
    CollectorConfig& collector = config_.collectors[std::string(descriptor.name)];
    collector.interval = descriptor.default_interval;
    options_[std::string(descriptor.name)] =
        collector::OptionValues::defaults(descriptor.options).as_json();
  }
}

std::string Loader::at(const YAML::Mark& mark) const {
  if (mark.is_null()) return file_name_;
  return file_name_ + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

void Loader::report(const std::string& where, std::string_view key, std::string_view problem) {
  errors_.push_back(where + ": " + (key.empty() ? "" : std::string(key) + ": ") +
                    std::string(problem));
}

void Loader::settle(const std::string& key, const std::string& where,
                    const model::Status& status) {
  if (status) {
    set_at_[key] = where;
    failed_.erase(key);
  } else {
    report(where, key, status.error().message);
    failed_.insert(key);
  }
}

void Loader::read_document(std::string_view yaml_text) {
  try {
    const std::vector<YAML::Node> documents = YAML::LoadAll(std::string(yaml_text));
    if (documents.size() > 1) {
      report(at(documents[1].Mark()), "",
             "expected one YAML document, found " + std::to_string(documents.size()));
      return;
    }
    if (documents.empty() || documents[0].IsNull()) return;  // an empty file: the defaults
    read_root(documents[0]);
  } catch (const YAML::Exception& error) {
    report(at(error.mark), "", "invalid YAML: " + error.msg);
  }
}

template <typename Visit>
void Loader::for_each_entry(const YAML::Node& map, std::string_view path, Visit visit) {
  std::map<std::string, int, std::less<>> first_line;
  // By value: yaml-cpp's iterator hands out a temporary, so `it->first` would dangle.
  for (const auto& entry : map) {
    const YAML::Node& key_node = entry.first;
    if (!key_node.IsScalar()) {
      report(at(key_node.Mark()), path, "expected a key name, got " + shown(to_value(key_node)));
      continue;
    }
    const std::string& key = key_node.Scalar();
    const auto [seen, inserted] = first_line.emplace(key, key_node.Mark().line + 1);
    if (!inserted) {
      report(at(key_node.Mark()), dotted(path, key),
             "duplicate key (first at line " + std::to_string(seen->second) + ")");
      continue;
    }
    visit(key, key_node, entry.second);
  }
}

bool Loader::expect_map(const YAML::Node& key_node, const YAML::Node& value,
                        std::string_view path) {
  if (value.IsMap() || value.IsNull()) return true;  // `agent:` alone: all defaults
  report(at(key_node.Mark()), path, "expected a map of keys, got " + shown(to_value(value)));
  return false;
}

void Loader::read_root(const YAML::Node& root) {
  const std::string sections = join_names(kSectionNames, [](std::string_view s) { return s; });
  if (!root.IsMap()) {
    report(at(root.Mark()), "",
           "expected a map with the sections " + sections + ", got " + shown(to_value(root)));
    return;
  }
  for_each_entry(root, "", [&](const std::string& key, const YAML::Node& key_node,
                               const YAML::Node& value) {
    if (key == "agent") {
      read_section(key_node, value, key, agent_fields(), config_.agent);
    } else if (key == "scheduler") {
      read_section(key_node, value, key, scheduler_fields(), config_.scheduler);
    } else if (key == "server") {
      read_section(key_node, value, key, server_fields(), config_.server);
    } else if (key == "collectors") {
      read_collectors(key_node, value);
    } else {
      report(at(key_node.Mark()), key, "unknown key (known keys: " + sections + ")");
    }
  });
}

template <typename Section>
void Loader::read_section(const YAML::Node& key_node, const YAML::Node& value,
                          std::string_view path, std::span<const Field<Section>> fields,
                          Section& section) {
  if (!expect_map(key_node, value, path)) return;
  for_each_entry(value, path, [&](const std::string& key, const YAML::Node& entry_key,
                                  const YAML::Node& entry) {
    const std::string name = dotted(path, key);
    const auto field = std::find_if(fields.begin(), fields.end(),
                                    [&](const Field<Section>& f) { return f.key == key; });
    if (field == fields.end()) {
      report(at(entry_key.Mark()), name,
             "unknown key (known keys: " +
                 join_names(fields, [](const Field<Section>& f) { return f.key; }) + ")");
      return;
    }
    settle(name, at(entry_key.Mark()), field->set(section, to_value(entry)));
  });
}

void Loader::read_collectors(const YAML::Node& key_node, const YAML::Node& value) {
  if (!expect_map(key_node, value, "collectors")) return;
  for_each_entry(value, "collectors", [&](const std::string& key, const YAML::Node& entry_key,
                                          const YAML::Node& entry) {
    const auto descriptor =
        std::find_if(collectors_.begin(), collectors_.end(),
                     [&](const CollectorDescriptor& d) { return d.name == key; });
    if (descriptor == collectors_.end()) {
      report(at(entry_key.Mark()), dotted("collectors", key),
             "unknown collector (known collectors: " +
                 join_names(collectors_, [](const CollectorDescriptor& d) { return d.name; }) +
                 ")");
      return;
    }
    read_collector(*descriptor, entry_key, entry);
  });
}

void Loader::read_collector(const CollectorDescriptor& descriptor, const YAML::Node& key_node,
                            const YAML::Node& value) {
  const std::string name(descriptor.name);
  const std::string path = "collectors." + name;
  if (!expect_map(key_node, value, path)) return;
  CollectorConfig& collector = config_.collectors.find(name)->second;
  nlohmann::json& options = options_.find(name)->second;
  const std::span<const Field<CollectorConfig>> fields = collector_fields();

  for_each_entry(value, path, [&](const std::string& key, const YAML::Node& entry_key,
                                  const YAML::Node& entry) {
    const std::string dotted_key = dotted(path, key);
    const auto field = std::find_if(fields.begin(), fields.end(),
                                    [&](const Field<CollectorConfig>& f) { return f.key == key; });
    if (field != fields.end()) {
      settle(dotted_key, at(entry_key.Mark()), field->set(collector, to_value(entry)));
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
    report(at(entry_key.Mark()), dotted_key,
           "unknown key (known keys: " + join_names(known, [](std::string_view k) { return k; }) +
               ")");
  });
}

void Loader::read_option(const OptionSpec& spec, nlohmann::json& options,
                         const YAML::Node& key_node, const YAML::Node& value,
                         const std::string& key) {
  const std::string where = at(key_node.Mark());
  if (spec.type != OptionType::text_list || !(value.IsSequence() || value.IsNull())) {
    model::Result<nlohmann::json> parsed = to_option(spec, to_value(value));
    if (parsed) options[std::string(spec.key)] = std::move(parsed).value();
    settle(key, where, parsed ? model::Status(model::Ok{}) : model::Status(parsed.error()));
    return;
  }
  // A list: each item must be text, and an error points at the item.
  nlohmann::json list = nlohmann::json::array();
  std::size_t index = 0;
  bool all_text = true;
  for (const YAML::Node& item : value) {
    if (item.IsScalar()) {
      list.push_back(item.Scalar());
    } else {
      all_text = false;
      report(at(item.Mark()), key + "[" + std::to_string(index) + "]",
             "expected text, got " + shown(to_value(item)));
    }
    ++index;
  }
  if (all_text) {
    options[std::string(spec.key)] = std::move(list);
    settle(key, where, model::Ok{});
  } else {
    failed_.insert(key);
  }
}

void Loader::apply_environment() {
  apply_environment("agent", agent_fields(), config_.agent);
  apply_environment("scheduler", scheduler_fields(), config_.scheduler);
  apply_environment("server", server_fields(), config_.server);
}

template <typename Section>
void Loader::apply_environment(std::string_view section_name,
                               std::span<const Field<Section>> fields, Section& section) {
  for (const Field<Section>& field : fields) {
    if (!field.from_environment) continue;
    const std::string variable = environment_name(section_name, field.key);
    const std::optional<std::string> text = env_(variable);
    if (!text || text->empty()) continue;
    settle(dotted(section_name, field.key), "environment variable " + variable,
           field.set(section, Value{Value::Shape::scalar, *text}));
  }
}

// Plain http sends the api_key in clear: only when asked for.
void Loader::check_server() {
  const auto url = set_at_.find("server.url");
  if (url == set_at_.end() || failed_.contains("server.allow_insecure_http")) return;
  if (config_.server.url.starts_with("http://") && !config_.server.allow_insecure_http) {
    report(url->second, "server.url",
           "http:// sends the api_key unencrypted; use https:// or set "
           "server.allow_insecure_http: true");
  }
}

void Loader::finish_collector(const CollectorDescriptor& descriptor) {
  const std::string name(descriptor.name);
  const std::string path = "collectors." + name;
  CollectorConfig& collector = config_.collectors.find(name)->second;
  const auto timeout = set_at_.find(path + ".timeout");
  if (timeout == set_at_.end()) {
    // Not set: a default that fits any valid interval, so changing only the interval works.
    collector.timeout = std::min(kDefaultTimeout, collector.interval / 2);
  } else if (!failed_.contains(path + ".interval") && collector.timeout >= collector.interval) {
    report(timeout->second, path + ".timeout",
           "must be less than the interval (" + format_duration(collector.interval) + "), got " +
               format_duration(collector.timeout));
  }
  collector.options = collector::OptionValues(std::move(options_.find(name)->second));
}

model::Result<AgentConfig> Loader::finish() && {
  check_server();
  for (const CollectorDescriptor& descriptor : collectors_) finish_collector(descriptor);
  if (errors_.empty()) return std::move(config_);
  std::string message;
  for (const std::string& error : errors_) message += (message.empty() ? "" : "\n") + error;
  return model::Error{std::move(message)};
}

}  // namespace

model::Result<AgentConfig> default_config(std::span<const CollectorDescriptor> collectors,
                                          const EnvLookup& env) {
  Loader loader(kDefaultsSource, collectors, env);
  loader.apply_environment();
  return std::move(loader).finish();
}

model::Result<AgentConfig> parse_config(std::string_view yaml_text, std::string_view file_name,
                                        std::span<const CollectorDescriptor> collectors,
                                        const EnvLookup& env) {
  Loader loader(file_name, collectors, env);
  loader.read_document(yaml_text);
  loader.apply_environment();
  return std::move(loader).finish();
}

}  // namespace zt::agent
