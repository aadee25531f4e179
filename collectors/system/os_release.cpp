#include "collectors/system/os_release.hpp"

#include "collectors/core/text.hpp"

namespace zt::system {
namespace {

bool is_variable_name(std::string_view key) {
  if (key.empty() || (key.front() >= '0' && key.front() <= '9')) return false;
  for (char c : key) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// Inside double quotes a backslash escapes only these (as in the shell).
bool escapable_in_double_quotes(char c) {
  return c == '$' || c == '`' || c == '"' || c == '\\' || c == '\n';
}

}  // namespace

std::string parse_shell_value(std::string_view raw) {
  std::string out;
  std::size_t i = 0;
  while (i < raw.size()) {
    const char c = raw[i];
    if (c == '\'') {
      const std::size_t close = raw.find('\'', i + 1);
      const std::size_t end = close == std::string_view::npos ? raw.size() : close;
      out.append(raw.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (c == '"') {
      ++i;
      while (i < raw.size() && raw[i] != '"') {
        if (raw[i] == '\\' && i + 1 < raw.size() && escapable_in_double_quotes(raw[i + 1])) {
          out += raw[i + 1];
          i += 2;
        } else {
          out += raw[i++];
        }
      }
      ++i;  // the closing quote, if there is one
    } else if (c == '\\') {
      if (i + 1 < raw.size()) out += raw[i + 1];
      i += 2;
    } else if (c == ' ' || c == '\t') {
      break;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

OsRelease parse_os_release(std::string_view text) {
  OsRelease os;
  for (std::string_view line : collector::split_lines(text)) {
    line = collector::trim(line);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, eq);
    if (!is_variable_name(key)) continue;
    os.values.insert_or_assign(std::string(key), parse_shell_value(line.substr(eq + 1)));
  }
  const auto take = [&os](std::string_view key, std::string& into) {
    if (auto it = os.values.find(key); it != os.values.end()) into = it->second;
  };
  take("ID", os.id);
  take("NAME", os.name);
  take("VERSION_ID", os.version_id);
  take("VERSION_CODENAME", os.version_codename);
  take("PRETTY_NAME", os.pretty_name);
  if (auto it = os.values.find("ID_LIKE"); it != os.values.end())
    for (std::string_view word : collector::split_whitespace(it->second))
      os.id_like.emplace_back(word);
  return os;
}

}  // namespace zt::system
