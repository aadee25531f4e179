#include "collectors/database/yaml_flat.hpp"

#include <yaml-cpp/yaml.h>

namespace zt::database {
namespace {

std::size_t line_of(const YAML::Node& node) {
  return static_cast<std::size_t>(node.Mark().line + 1);
}

void walk(const YAML::Node& node, const std::string& prefix, std::size_t key_line, FlatYaml& out) {
  if (node.IsMap()) {
    for (const auto& item : node) {
      const std::string key = item.first.as<std::string>("");
      walk(item.second, prefix.empty() ? key : prefix + "." + key, line_of(item.first), out);
    }
  } else if (node.IsSequence()) {
    std::string joined;
    for (const auto& element : node) {
      if (!element.IsScalar()) continue;
      if (!joined.empty()) joined += ',';
      joined += element.Scalar();
    }
    out.entries.push_back({prefix, joined, key_line});
  } else if (node.IsScalar()) {
    out.entries.push_back({prefix, node.Scalar(), key_line});
  } else if (node.IsNull() && !prefix.empty()) {
    out.entries.push_back({prefix, "", key_line});
  }
}

}  // namespace

const YamlEntry* FlatYaml::find(std::string_view key) const {
  for (auto it = entries.rbegin(); it != entries.rend(); ++it)
    if (it->key == key) return &*it;
  return nullptr;
}

FlatYaml flatten_yaml(std::string_view text) {
  FlatYaml out;
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    if (root.IsNull()) return out;  // empty or comments only
    if (!root.IsMap()) {
      out.errors.push_back({line_of(root), "expected a mapping of settings at the top level"});
      return out;
    }
    walk(root, "", 0, out);
  } catch (const YAML::Exception& e) {
    out.errors.push_back({static_cast<std::size_t>(e.mark.line + 1), e.msg});
  }
  return out;
}

}  // namespace zt::database
