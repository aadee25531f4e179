#pragma once
// The YAML walk that the configuration loaders share: one run over one document, which reads
// sections of keys through their Field tables, applies the environment overrides and collects
// every problem on the way, each naming where and which key:
// `conf/x.yaml:12:5: limits.max_body_bytes: expected …` or
// `environment variable ZEROTRACE_DATABASE_URL: database.url: expected …`.
// Unknown keys, duplicate keys, keys that are not names, more than one document and YAML
// syntax errors are problems too. A loader owns one Reader per run; nothing here logs or
// throws (yaml-cpp's exceptions become problems).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schema-client/config/field.hpp"
#include "schema-client/config/sources.hpp"
#include "schema-client/config/value.hpp"
#include "schema-client/model/result.hpp"

namespace zt::config {

// A node as a Value; the text points into the node, so the node must outlive it.
Value to_value(const YAML::Node& node);

// "a, b, c", or "none" for no items.
template <typename Range, typename Name>
std::string join_names(const Range& items, Name name_of) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + std::string(name_of(item));
  return out.empty() ? "none" : out;
}

class Reader {
 public:
  // `file_name` is only used in messages.
  explicit Reader(std::string file_name) : file_name_(std::move(file_name)) {}

  // "file:line:col" (1-based), or the file name for a node without a mark.
  std::string at(const YAML::Mark& mark) const;
  // Records "<where>: <key>: <problem>", or "<where>: <problem>" when `key` is "".
  void report(const std::string& where, std::string_view key, std::string_view problem);
  // Records that `key` was set from `where`, or reports its problem and marks it refused.
  void settle(const std::string& key, const std::string& where, const model::Status& status);
  // Marks `key` refused when its problems were reported one by one (a list's items).
  void refuse(const std::string& key) { refused_.insert(key); }
  // Where `key` was last set (a location or "environment variable …"), or nullptr if never.
  const std::string* where_set(std::string_view key) const;
  // Whether the last value given for `key` was refused.
  bool refused(std::string_view key) const { return refused_.contains(key); }

  using RootVisitor = std::function<void(const YAML::Node& root)>;
  using EntryVisitor = std::function<void(const std::string& key, const YAML::Node& key_node,
                                          const YAML::Node& value)>;

  // Parses `yaml_text` and hands its one document to `read_root`; an empty document (no
  // text, comments only, `~`) is not handed on: it means the defaults.
  void read_document(std::string_view yaml_text, const RootVisitor& read_root);
  // The root: a map whose keys are among `sections`; `visit` gets each known one.
  void read_sections(const YAML::Node& root, std::span<const std::string_view> sections,
                     const EntryVisitor& visit);
  // Each entry of `map` in order, but for keys that are not names and duplicates (reported).
  void for_each_entry(const YAML::Node& map, std::string_view path, const EntryVisitor& visit);
  // True for a map or nothing (`section:` alone: all defaults); otherwise reports.
  bool expect_map(const YAML::Node& key_node, const YAML::Node& value, std::string_view path);

  // A section of keys: each entry is set through its Field; an unknown key lists the known.
  template <typename Section>
  void read_section(const YAML::Node& key_node, const YAML::Node& value, std::string_view path,
                    std::span<const Field<Section>> fields, Section& section);

  // The environment overrides of a section's fields: a variable that is set and not empty
  // overrides the file, and is checked like it.
  template <typename Section>
  void apply_environment(std::string_view section_name, std::span<const Field<Section>> fields,
                         Section& section, const EnvLookup& env);

  // Ok, or every problem reported, one per line, in the order found.
  model::Status status() const;

 private:
  std::string file_name_;
  std::map<std::string, std::string, std::less<>> set_at_;  // dotted key → where it was set
  std::set<std::string, std::less<>> refused_;              // keys whose value was refused
  std::vector<std::string> errors_;
};

template <typename Section>
void Reader::read_section(const YAML::Node& key_node, const YAML::Node& value,
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

template <typename Section>
void Reader::apply_environment(std::string_view section_name,
                               std::span<const Field<Section>> fields, Section& section,
                               const EnvLookup& env) {
  for (const Field<Section>& field : fields) {
    if (!field.from_environment) continue;
    const std::string variable = environment_name(section_name, field.key);
    const std::optional<std::string> text = env(variable);
    if (!text || text->empty()) continue;
    settle(dotted(section_name, field.key), "environment variable " + variable,
           field.set(section, Value{Value::Shape::scalar, *text}));
  }
}

}  // namespace zt::config
