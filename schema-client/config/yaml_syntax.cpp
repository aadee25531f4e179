#include "schema-client/config/yaml_syntax.hpp"

namespace zt::config {
namespace {

// Whether the quoted scalar opening at `start` (on its quote character) is closed.
bool quote_closes(std::string_view text, std::size_t start) {
  const char quote = text[start];
  for (std::size_t i = start + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;  // an escaped character, the quote included
    } else if (text[i] == quote) {
      // In single quotes, '' is an escaped quote, not the end.
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return true;
    }
  }
  return false;
}

std::optional<YAML::Mark> first_unclosed(const YAML::Node& node, std::string_view text) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: {
      const YAML::Mark mark = node.Mark();
      if (mark.is_null() || mark.pos < 0) return std::nullopt;
      const auto pos = static_cast<std::size_t>(mark.pos);
      if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'') &&
          !quote_closes(text, pos))
        return mark;
      return std::nullopt;
    }
    case YAML::NodeType::Sequence:
      for (const YAML::Node& item : node)
        if (auto found = first_unclosed(item, text)) return found;
      return std::nullopt;
    case YAML::NodeType::Map:
      for (const auto& entry : node) {
        if (auto found = first_unclosed(entry.first, text)) return found;
        if (auto found = first_unclosed(entry.second, text)) return found;
      }
      return std::nullopt;
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<YAML::Mark> unclosed_quote(const YAML::Node& root, std::string_view text) {
  return first_unclosed(root, text);
}

std::string tab_hint(std::string_view text) {
  std::size_t line = 1;
  bool indenting = true;
  for (const char c : text) {
    if (c == '\n') {
      ++line;
      indenting = true;
    } else if (indenting && c == '\t') {
      return " (YAML indents with spaces, not tabs; line " + std::to_string(line) +
             " holds a tab)";
    } else if (c != ' ') {
      indenting = false;
    }
  }
  return "";
}

}  // namespace zt::config
