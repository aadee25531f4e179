#include "collectors/auth/sudoers.hpp"

#include <algorithm>
#include <cctype>

#include "collectors/core/text.hpp"

namespace zt::auth {
namespace {

using collector::trim;

constexpr std::string_view kTags[] = {"NOPASSWD",   "PASSWD",       "NOEXEC",    "EXEC",
                                      "SETENV",     "NOSETENV",     "LOG_INPUT", "NOLOG_INPUT",
                                      "LOG_OUTPUT", "NOLOG_OUTPUT", "MAIL",      "NOMAIL",
                                      "FOLLOW",     "NOFOLLOW",     "INTERCEPT", "NOINTERCEPT"};
constexpr std::string_view kOptions[] = {"CWD",     "CHROOT",    "ROLE",     "TYPE",
                                         "TIMEOUT", "NOTBEFORE", "NOTAFTER", "APPARMOR_PROFILE",
                                         "PRIVS",   "LIMITPRIVS"};
constexpr std::string_view kDigests[] = {"sha224", "sha256", "sha384", "sha512"};

template <std::size_t N>
bool one_of(std::string_view word, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), word) != std::end(set);
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Removes a comment: '#' at the start of a word, outside double quotes, not followed by a
// digit (a "#1000" UID).
std::string_view strip_comment(std::string_view line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (c != '#' || quoted) continue;
    const bool word_start = i == 0 || is_space(line[i - 1]) || line[i - 1] == ',' ||
                            line[i - 1] == '(' || line[i - 1] == '=' || line[i - 1] == ':';
    const bool uid = i + 1 < line.size() && std::isdigit(static_cast<unsigned char>(line[i + 1]));
    if (word_start && !uid) return trim(line.substr(0, i));
  }
  return trim(line);
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Splits on unescaped `separator` outside double quotes and parentheses; items trimmed,
// empty ones dropped.
std::vector<std::string> split_list(std::string_view text, char separator) {
  std::vector<std::string> items;
  std::string current;
  bool quoted = false;
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      current += c;
      current += text[++i];
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '(') ++depth;
    if (!quoted && c == ')' && depth > 0) --depth;
    if (c == separator && !quoted && depth == 0) {
      if (auto item = trim(current); !item.empty()) items.emplace_back(item);
      current.clear();
      continue;
    }
    current += c;
  }
  if (auto item = trim(current); !item.empty()) items.emplace_back(item);
  return items;
}

bool parse_include(std::string_view line, std::size_t number, Sudoers& out) {
  for (const auto& [directive, directory] : {std::pair{std::string_view("@includedir"), true},
                                             {"#includedir", true},
                                             {"@include", false},
                                             {"#include", false}}) {
    if (!line.starts_with(directive)) continue;
    const std::string_view rest = line.substr(directive.size());
    if (!rest.empty() && !is_space(rest.front())) return false;
    const std::string_view path = collector::unquote(trim(rest));
    if (path.empty()) return false;
    out.includes.push_back({std::string(path), directory, number});
    return true;
  }
  return false;
}

void parse_defaults(std::string_view line, std::size_t number, Sudoers& out) {
  SudoDefaults d;
  d.line = number;
  std::string_view rest = line.substr(std::string_view("Defaults").size());
  if (!rest.empty() &&
      (rest.front() == ':' || rest.front() == '@' || rest.front() == '>' || rest.front() == '!')) {
    d.binding_type = rest.front();
    rest.remove_prefix(1);
    // The binding list ends at the first unescaped blank that does not follow a comma.
    std::size_t end = 0;
    while (end < rest.size()) {
      if (rest[end] == '\\') {
        end += 2;
        continue;
      }
      if (is_space(rest[end]) && (end == 0 || rest[end - 1] != ',')) break;
      ++end;
    }
    end = std::min(end, rest.size());
    d.bindings = split_list(rest.substr(0, end), ',');
    rest = rest.substr(end);
  } else if (!rest.empty() && !is_space(rest.front())) {
    ++out.malformed_lines;
    return;
  }
  for (std::string& param : split_list(rest, ',')) {
    std::string_view p = param;
    int bangs = 0;
    while (!p.empty() && p.front() == '!') {
      ++bangs;
      p = trim(p.substr(1));
    }
    const std::string_view name = trim(p.substr(0, p.find_first_of("+-=")));
    if (name == "authenticate" && bangs % 2 == 1) d.no_authenticate = true;
    d.params.push_back(collapse_spaces(param));
  }
  out.defaults.push_back(std::move(d));
}

void parse_alias(std::string_view line, Sudoers& out) {
  const std::size_t space = line.find_first_of(" \t");
  const std::string_view kind = line.substr(0, space);
  if (space == std::string_view::npos) {
    ++out.malformed_lines;
    return;
  }
  for (const std::string& def : split_list(line.substr(space), ':')) {
    const std::size_t eq = def.find('=');
    if (eq == std::string::npos) {
      ++out.malformed_lines;
      return;
    }
    if (kind == "Cmnd_Alias" || kind == "Cmd_Alias")
      out.cmnd_aliases[std::string(trim(std::string_view(def).substr(0, eq)))] =
          split_list(std::string_view(def).substr(eq + 1), ',');
  }
}

// The command part after "hosts =": runas, options, tags and commands, and further
// ": hosts = …" sections.
void parse_commands(std::string_view text, SudoRule& rule) {
  bool nopasswd = false;
  std::size_t i = 0;
  const auto skip_space = [&] {
    while (i < text.size() && is_space(text[i])) ++i;
  };
  while (i < text.size()) {
    skip_space();
    if (i >= text.size()) break;
    if (text[i] == '(') {  // Runas_Spec
      const std::size_t close = text.find(')', i);
      i = close == std::string_view::npos ? text.size() : close + 1;
      continue;
    }
    if (text[i] == ',') {
      ++i;
      continue;
    }
    // A TAG:, an OPTION=value or a digest "sha256:hash".
    std::size_t w = i;
    while (w < text.size() && (std::isalnum(static_cast<unsigned char>(text[w])) || text[w] == '_'))
      ++w;
    const std::string_view word = text.substr(i, w - i);
    if (w < text.size() && text[w] == ':' && one_of(word, kTags)) {
      if (word == "NOPASSWD") nopasswd = true;
      if (word == "PASSWD") nopasswd = false;
      i = w + 1;
      continue;
    }
    if (w < text.size() && text[w] == '=' && one_of(word, kOptions)) {
      i = w + 1;
      if (i < text.size() && text[i] == '"') {
        const std::size_t close = text.find('"', i + 1);
        i = close == std::string_view::npos ? text.size() : close + 1;
      } else {
        while (i < text.size() && !is_space(text[i]) && text[i] != ',') ++i;
      }
      continue;
    }
    if (w < text.size() && text[w] == ':' && one_of(word, kDigests)) {
      i = w + 1;
      skip_space();
      while (i < text.size() && !is_space(text[i])) ++i;  // the digest itself
      continue;
    }
    // A command, up to an unescaped ',' (next command) or ':' (next host section).
    std::string command;
    while (i < text.size() && text[i] != ',' && text[i] != ':') {
      if (text[i] == '\\' && i + 1 < text.size()) command += text[i++];
      command += text[i++];
    }
    if (auto c = trim(command); !c.empty()) rule.commands.push_back({collapse_spaces(c), nopasswd});
    if (i < text.size() && text[i] == ':') {  // ": hosts = …": skip the host list
      const std::size_t eq = text.find('=', i);
      i = eq == std::string_view::npos ? text.size() : eq + 1;
    }
  }
}

void parse_user_spec(std::string_view line, std::size_t number, Sudoers& out) {
  const std::size_t eq = line.find('=');
  if (eq == std::string_view::npos) {
    ++out.malformed_lines;
    return;
  }
  // "alice, bob  ALL" -> the user list is the first word once ", " is joined up.
  std::string head;
  for (char c : line.substr(0, eq)) {
    if (is_space(c) && !head.empty() && head.back() == ',') continue;
    head += c;
  }
  const auto words = collector::split_whitespace(head);
  if (words.size() < 2) {
    ++out.malformed_lines;
    return;
  }
  SudoRule rule;
  rule.line = number;
  rule.users = split_list(words[0], ',');
  rule.text = collapse_spaces(line);
  parse_commands(line.substr(eq + 1), rule);
  if (rule.users.empty() || rule.commands.empty()) {
    ++out.malformed_lines;
    return;
  }
  out.rules.push_back(std::move(rule));
}

bool contains_all(std::string_view command, const CmndAliases& aliases, int depth) {
  if (command == "ALL") return true;
  if (depth > 8) return false;
  const auto it = aliases.find(command);
  if (it == aliases.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(),
                     [&](const std::string& c) { return contains_all(c, aliases, depth + 1); });
}

}  // namespace

Sudoers parse_sudoers(std::string_view text) {
  Sudoers out;
  const auto lines = collector::split_lines(text);
  std::string joined;
  std::size_t first = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view raw = lines[i];
    if (joined.empty()) first = i + 1;
    while (!raw.empty() && is_space(raw.back())) raw.remove_suffix(1);
    if (!raw.empty() && raw.back() == '\\' && i + 1 < lines.size()) {
      raw.remove_suffix(1);
      joined.append(raw);
      joined += ' ';
      continue;
    }
    joined.append(raw);
    const std::string_view whole = trim(joined);
    if (!whole.empty() && !parse_include(whole, first, out)) {
      const std::string_view line = strip_comment(whole);
      if (line.empty()) {
        // a comment
      } else if (line.starts_with("Defaults")) {
        parse_defaults(line, first, out);
      } else if (line.starts_with("User_Alias") || line.starts_with("Runas_Alias") ||
                 line.starts_with("Host_Alias") || line.starts_with("Cmnd_Alias") ||
                 line.starts_with("Cmd_Alias")) {
        parse_alias(line, out);
      } else {
        parse_user_spec(line, first, out);
      }
    }
    joined.clear();
  }
  return out;
}

bool grants_nopasswd_all(const SudoRule& rule, const CmndAliases& aliases) {
  return std::any_of(rule.commands.begin(), rule.commands.end(), [&](const SudoCommand& c) {
    return c.nopasswd && contains_all(c.command, aliases, 0);
  });
}

bool sudo_reads_included_name(std::string_view name) {
  return !name.empty() && !name.ends_with('~') && name.find('.') == std::string_view::npos;
}

}  // namespace zt::auth
