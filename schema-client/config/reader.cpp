#include "schema-client/config/reader.hpp"

#include "schema-client/config/yaml_syntax.hpp"

namespace zt::config {

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

std::string Reader::at(const YAML::Mark& mark) const {
  if (mark.is_null()) return file_name_;
  return file_name_ + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

void Reader::report(const std::string& where, std::string_view key, std::string_view problem) {
  errors_.push_back(where + ": " + (key.empty() ? "" : std::string(key) + ": ") +
                    std::string(problem));
}

void Reader::settle(const std::string& key, const std::string& where,
                    const model::Status& status) {
  if (status) {
    set_at_[key] = where;
    refused_.erase(key);
  } else {
    report(where, key, status.error().message);
    refused_.insert(key);
  }
}

const std::string* Reader::where_set(std::string_view key) const {
  const auto found = set_at_.find(key);
  return found == set_at_.end() ? nullptr : &found->second;
}

void Reader::read_document(std::string_view yaml_text, const RootVisitor& read_root) {
  try {
    const std::vector<YAML::Node> documents = YAML::LoadAll(std::string(yaml_text));
    if (documents.size() > 1) {
      report(at(documents[1].Mark()), "",
             "expected one YAML document, found " + std::to_string(documents.size()));
      return;
    }
    if (documents.empty() || documents[0].IsNull()) return;  // an empty file: the defaults
    if (const auto quote = unclosed_quote(documents[0], yaml_text)) {
      report(at(*quote), "", "invalid YAML: a quoted value is never closed");
      return;
    }
    read_root(documents[0]);
  } catch (const YAML::Exception& error) {
    report(at(error.mark), "", "invalid YAML: " + error.msg + tab_hint(yaml_text));
  }
}

void Reader::read_sections(const YAML::Node& root, std::span<const std::string_view> sections,
                           const EntryVisitor& visit) {
  const std::string names = join_names(sections, [](std::string_view s) { return s; });
  if (!root.IsMap()) {
    report(at(root.Mark()), "",
           "expected a map with the sections " + names + ", got " + shown(to_value(root)));
    return;
  }
  for_each_entry(root, "", [&](const std::string& key, const YAML::Node& key_node,
                               const YAML::Node& value) {
    if (std::find(sections.begin(), sections.end(), key) == sections.end()) {
      report(at(key_node.Mark()), key, "unknown key (known keys: " + names + ")");
      return;
    }
    visit(key, key_node, value);
  });
}

void Reader::for_each_entry(const YAML::Node& map, std::string_view path,
                            const EntryVisitor& visit) {
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

bool Reader::expect_map(const YAML::Node& key_node, const YAML::Node& value,
                        std::string_view path) {
  if (value.IsMap() || value.IsNull()) return true;
  report(at(key_node.Mark()), path, "expected a map of keys, got " + shown(to_value(value)));
  return false;
}

model::Status Reader::status() const {
  if (errors_.empty()) return model::Ok{};
  std::string message;
  for (const std::string& error : errors_) message += (message.empty() ? "" : "\n") + error;
  return model::Error{std::move(message)};
}

}  // namespace zt::config
