#include "collectors/netconfig/junos_parser.hpp"

#include <algorithm>
#include <unordered_map>

namespace zt::netconfig {
namespace {

struct Token {
  std::string text;
  LineNo line = 0;
  bool quoted = false;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_punct(char c) { return c == '{' || c == '}' || c == ';' || c == '[' || c == ']'; }

// The tokens of one line: words, quoted strings (unquoted, one word) and the punctuation
// `{ } ; [ ]`. `in_comment` carries a `/* … */` comment over lines.
std::vector<Token> tokens_of(std::string_view line, LineNo number, bool& in_comment) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (in_comment) {
      const std::size_t end = line.find("*/", i);
      if (end == std::string_view::npos) return out;
      in_comment = false;
      i = end + 2;
      continue;
    }
    const char c = line[i];
    if (is_space(c)) {
      ++i;
    } else if (c == '#') {
      return out;
    } else if (line.substr(i, 2) == "/*") {
      in_comment = true;
      i += 2;
    } else if (is_punct(c)) {
      out.push_back({std::string(1, c), number, false});
      ++i;
    } else if (c == '"') {
      std::string word;
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) ++i;
        word += line[i];
      }
      ++i;  // the closing quote (past the end when the line is cut)
      out.push_back({std::move(word), number, true});
    } else {
      const std::size_t start = i;
      while (i < line.size() && !is_space(line[i]) && !is_punct(line[i]) && line[i] != '"') ++i;
      out.push_back({std::string(line.substr(start, i - start)), number, false});
    }
  }
  return out;
}

bool starts_with(const std::vector<std::string>& words, const std::vector<std::string>& prefix) {
  return words.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), words.begin());
}

// The braces form's reading state across lines.
struct Blocks {
  JunosStatement path;              // the words of the open blocks
  std::vector<std::size_t> sizes;  // path's size before each open block
  std::vector<bool> inactive;      // each open block, and whether it is inactive
  JunosStatement words;            // the statement being read
  bool statement_inactive = false;

  bool in_inactive() const { return std::find(inactive.begin(), inactive.end(), true) != inactive.end(); }

  void take(const Token& t, JunosStatements& out) {
    if (!t.quoted && (t.text == "[" || t.text == "]")) return;  // a list: its items are words
    if (!t.quoted && t.text == "{") {
      sizes.push_back(path.words.size());
      inactive.push_back(statement_inactive);
      append(path, words);
      reset();
    } else if (!t.quoted && t.text == ";") {
      if (!words.words.empty() && !statement_inactive && !in_inactive()) {
        JunosStatement full = path;
        append(full, words);
        out.statements.push_back(std::move(full));
      }
      reset();
    } else if (!t.quoted && t.text == "}") {
      reset();
      if (sizes.empty()) {
        out.balanced = false;  // a closing brace with no block open
        return;
      }
      path.words.resize(sizes.back());
      path.lines.resize(sizes.back());
      sizes.pop_back();
      inactive.pop_back();
    } else if (words.words.empty() && !t.quoted && (t.text == "inactive:" || t.text == "protect:")) {
      if (t.text == "inactive:") statement_inactive = true;
    } else {
      words.words.push_back(t.text);
      words.lines.push_back(t.line);
    }
  }

  static void append(JunosStatement& to, const JunosStatement& more) {
    to.words.insert(to.words.end(), more.words.begin(), more.words.end());
    to.lines.insert(to.lines.end(), more.lines.begin(), more.lines.end());
  }

  void reset() {
    words = {};
    statement_inactive = false;
  }
};

}  // namespace

JunosStatements read_junos_statements(std::string_view text) {
  JunosStatements out;
  Blocks blocks;
  std::vector<std::vector<std::string>> deactivated;
  bool in_comment = false;
  LineNo number = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    std::vector<Token> tokens = tokens_of(line, number, in_comment);
    if (tokens.empty()) continue;
    // A `set` line (only outside a block: inside one, `set` may be a setting's name).
    const bool command = blocks.sizes.empty() && blocks.words.words.empty() && !tokens[0].quoted &&
                         (tokens[0].text == "set" || tokens[0].text == "deactivate");
    if (command) {
      JunosStatement command_words;
      for (std::size_t i = 1; i < tokens.size(); ++i)
        if (tokens[i].quoted || !is_punct(tokens[i].text[0])) {
          command_words.words.push_back(std::move(tokens[i].text));
          command_words.lines.push_back(number);
        }
      if (command_words.words.empty()) continue;
      if (tokens[0].text == "set") {
        out.set_form = true;
        out.statements.push_back(std::move(command_words));
      } else {
        deactivated.push_back(std::move(command_words.words));
      }
      continue;
    }
    for (const Token& t : tokens) blocks.take(t, out);
  }
  out.line_count = number;
  if (!blocks.sizes.empty() || !blocks.words.words.empty()) out.balanced = false;
  if (!deactivated.empty())
    std::erase_if(out.statements, [&](const JunosStatement& s) {
      return std::any_of(deactivated.begin(), deactivated.end(),
                         [&](const std::vector<std::string>& p) { return starts_with(s.words, p); });
    });
  return out;
}

namespace {

// The words of `s` after `prefix` when it starts with it.
std::optional<std::vector<std::string>> after(const JunosStatement& s,
                                              const std::vector<std::string>& prefix) {
  if (!starts_with(s.words, prefix)) return std::nullopt;
  return std::vector<std::string>(s.words.begin() + static_cast<std::ptrdiff_t>(prefix.size()),
                                  s.words.end());
}

bool contains(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Where each named element already is in the model: a setting is often spread over several
// statements (`snmp community X authorization …`, `… clients …`), and a lookup keeps the
// reading linear.
struct Seen {
  std::unordered_map<std::string, std::size_t> services, syslog_hosts, ntp_servers, communities;
};

// The index of `name` in `list`, adding `make()` at the end when it is not there yet.
template <typename T, typename Make>
T& element(std::vector<T>& list, std::unordered_map<std::string, std::size_t>& seen,
           const std::string& name, Make make) {
  const auto [it, fresh] = seen.try_emplace(name, list.size());
  if (fresh) list.push_back(make());
  return list[it->second];
}

void read_statement(const JunosStatement& s, JunosConfig& c, Seen& seen) {
  // The line of the statement's word `i` (the last word's when it has fewer).
  const auto at = [&](std::size_t i) { return s.lines.empty() ? LineNo{0} : s.lines[std::min(i, s.lines.size() - 1)]; };
  if (auto rest = after(s, {"version"}); rest && !rest->empty() && !c.version) {
    c.version = Located{rest->front(), at(0)};
  } else if (auto host = after(s, {"system", "host-name"}); host && !host->empty()) {
    c.host_name = Located{host->front(), at(2)};
  } else if (auto root = after(s, {"system", "root-authentication"}); root && root->size() >= 2 &&
                                                                       (*root)[0] == "encrypted-password") {
    c.passwords.push_back({"root-authentication", (*root)[1], at(3)});
  } else if (auto user = after(s, {"system", "login", "user"});
             user && user->size() >= 4 && (*user)[1] == "authentication" && (*user)[2] == "encrypted-password") {
    c.passwords.push_back({"login user " + (*user)[0], (*user)[3], at(6)});
  } else if (auto message = after(s, {"system", "login", "message"}); message && !c.login_message) {
    c.login_message = at(2);
  } else if (auto ssh = after(s, {"system", "services", "ssh"}); ssh && ssh->size() >= 2 &&
                                                                 (*ssh)[0] == "protocol-version") {
    for (std::size_t i = 1; i < ssh->size(); ++i) c.ssh_protocol_versions.push_back({(*ssh)[i], at(3 + i)});
  } else if (ssh && ssh->size() >= 2 && (*ssh)[0] == "root-login") {
    c.ssh_root_login = Located{(*ssh)[1], at(3)};
  } else if (auto syslog = after(s, {"system", "syslog", "host"}); syslog && !syslog->empty()) {
    element(c.syslog_hosts, seen.syslog_hosts, syslog->front(), [&] { return Located{syslog->front(), at(3)}; });
  } else if (auto ntp = after(s, {"system", "ntp"}); ntp && !ntp->empty()) {
    const std::string& what = (*ntp)[0];
    if (what == "authentication-key") c.ntp_authentication_keys.push_back(at(2));
    else if (what == "trusted-key") c.ntp_trusted_keys.push_back(at(2));
    else if (what == "server" && ntp->size() >= 2) {
      JunosNtpServer& server = element(c.ntp_servers, seen.ntp_servers, (*ntp)[1],
                                       [&] { return JunosNtpServer{(*ntp)[1], false, at(3)}; });
      server.keyed = server.keyed || contains(*ntp, "key");
    }
  } else if (auto community = after(s, {"snmp", "community"}); community && !community->empty()) {
    JunosSnmpCommunity& known = element(c.snmp_communities, seen.communities, community->front(), [&] {
      return JunosSnmpCommunity{community->front(), "read-only", at(2), 0};
    });
    for (std::size_t i = 1; i + 1 < community->size(); ++i)
      if ((*community)[i] == "authorization") {
        known.authorization = (*community)[i + 1];
        known.authorization_line = at(2 + i);
      }
  }
  // The services: `system services telnet`, `… web-management http …`, one entry each.
  if (auto service = after(s, {"system", "services"}); service && !service->empty()) {
    std::string name = (*service)[0];
    LineNo line = at(2);
    if (name == "web-management" && service->size() >= 2 &&
        ((*service)[1] == "http" || (*service)[1] == "https")) {
      name += " " + (*service)[1];
      line = at(3);
    }
    element(c.services, seen.services, name, [&] { return Located{name, line}; });
  }
}

}  // namespace

JunosConfig parse_junos(std::string_view text) {
  const JunosStatements read = read_junos_statements(text);
  JunosConfig config;
  config.line_count = read.line_count;
  config.statements = read.statements.size();
  config.set_form = read.set_form;
  config.balanced = read.balanced;
  Seen seen;
  for (const JunosStatement& s : read.statements) read_statement(s, config, seen);
  return config;
}

}  // namespace zt::netconfig
