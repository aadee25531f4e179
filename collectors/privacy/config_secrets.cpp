#include "collectors/privacy/config_secrets.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "collectors/privacy/checksums.hpp"
#include "collectors/privacy/finding_types.hpp"

namespace zt::privacy {
namespace {

using finding_type::kJwtSigningSecret;
using finding_type::kStoredPassword;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == ',' || text.back() == ';'))
    text.remove_suffix(1);
  return text;
}

std::string_view unquote(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front())
    text = text.substr(1, text.size() - 2);
  return text;
}

// Calls found(line_number, line) for every line.
template <typename Found>
void each_line(std::string_view text, Found found) {
  std::size_t number = 1;
  for (std::size_t start = 0; start < text.size(); ++number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    found(number, text.substr(start, end - start));
    start = end + 1;
  }
}

// A "key = value" / "key: value" / "key=value" line: the key and the value, unquoted.
bool split_assignment(std::string_view line, std::string_view& key, std::string_view& value) {
  line = trim(line);
  if (line.starts_with("export ")) line = trim(line.substr(7));
  const std::size_t sep = line.find_first_of("=:");
  if (sep == std::string_view::npos || sep == 0) return false;
  key = unquote(line.substr(0, sep));
  value = unquote(line.substr(sep + 1));
  return !key.empty() && key.find(' ') == std::string_view::npos;
}

bool key_names_any(std::string_view key, std::initializer_list<std::string_view> words) {
  const std::string k = lower(key);
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return k.find(w) != std::string::npos; });
}

void env_file(std::string_view text, Hits& hits) {
  each_line(text, [&](std::size_t number, std::string_view line) {
    std::string_view key, value;
    if (trim(line).starts_with('#') || !split_assignment(line, key, value)) return;
    if (value.find("://") != std::string_view::npos) return;  // a URL: find_database_urls
    if (key_names_any(key, {"jwt"})) return;                  // find_jwt_secrets
    if (key_names_any(key, {"password", "passwd", "secret", "token", "api_key"}) &&
        is_real_value(value))
      hits.push_back({kStoredPassword, "env_password", number, value});
  });
}

void shell_history(std::string_view text, Hits& hits) {
  each_line(text, [&](std::size_t number, std::string_view line) {
    for (std::size_t pos = line.find("export "); pos != std::string_view::npos;
         pos = line.find("export ", pos + 1)) {
      std::string_view key, value;
      std::string_view rest = line.substr(pos);
      rest = rest.substr(0, rest.find_first_of(";&|"));
      if (!split_assignment(rest, key, value)) continue;
      const std::string upper_key = [&] {
        std::string u(key);
        std::transform(u.begin(), u.end(), u.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        return u;
      }();
      const bool secret_name = upper_key.ends_with("_TOKEN") || upper_key.ends_with("_SECRET") ||
                               upper_key.ends_with("_PASSWORD") || upper_key.ends_with("_KEY");
      if (secret_name && is_real_value(value)) {
        hits.push_back({kStoredPassword, "shell_history", number, value});
        return;
      }
    }
  });
}

void pgpass(std::string_view text, Hits& hits) {
  each_line(text, [&](std::size_t number, std::string_view line) {
    if (trim(line).empty() || trim(line).starts_with('#')) return;
    // host:port:database:user:password, ":" and "\" escaped with "\".
    std::size_t field = 0;
    std::size_t i = 0;
    for (; i < line.size() && field < 4; ++i) {
      if (line[i] == '\\')
        ++i;
      else if (line[i] == ':')
        ++field;
    }
    if (field == 4 && is_real_value(trim(line.substr(i))))
      hits.push_back({kStoredPassword, "pgpass", number, trim(line.substr(i))});
  });
}

void my_cnf(std::string_view text, Hits& hits) {
  each_line(text, [&](std::size_t number, std::string_view line) {
    std::string_view key, value;
    if (!split_assignment(line, key, value)) return;
    if ((lower(key) == "password" || lower(key) == "pass") && is_real_value(value))
      hits.push_back({kStoredPassword, "mysql_config", number, value});
  });
}

void netrc(std::string_view text, Hits& hits) {
  each_line(text, [&](std::size_t number, std::string_view line) {
    for (std::size_t pos = line.find("password"); pos != std::string_view::npos;
         pos = line.find("password", pos + 1)) {
      if (pos > 0 && line[pos - 1] != ' ' && line[pos - 1] != '\t') continue;
      std::string_view rest = trim(line.substr(pos + 8));
      if (line.size() > pos + 8 && line[pos + 8] != ' ' && line[pos + 8] != '\t') continue;
      const std::string_view value = rest.substr(0, rest.find_first_of(" \t"));
      if (is_real_value(value)) hits.push_back({kStoredPassword, "netrc", number, value});
    }
  });
}

// scheme://user:password@host: the password, or "" when there is none.
std::string_view url_password(std::string_view text, std::size_t after_scheme) {
  const std::size_t end = text.find_first_of(" \t\r\n\"'<>", after_scheme);
  const std::string_view authority_etc =
      text.substr(after_scheme, end == std::string_view::npos ? text.npos : end - after_scheme);
  const std::size_t at = authority_etc.rfind('@', authority_etc.find('/'));
  if (at == std::string_view::npos) return {};
  const std::string_view userinfo = authority_etc.substr(0, at);
  const std::size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos) return {};
  return userinfo.substr(colon + 1);
}

void git_credentials(std::string_view text, Hits& hits) {
  each_line(text, [&](std::size_t number, std::string_view line) {
    const std::size_t scheme = line.find("://");
    if (scheme == std::string_view::npos) return;
    const std::string_view password = url_password(line, scheme + 3);
    if (is_real_value(password))
      hits.push_back({kStoredPassword, "git_credentials", number, password});
  });
}

void kubeconfig(std::string_view text, Hits& hits) {
  each_line(text, [&](std::size_t number, std::string_view line) {
    std::string_view key, value;
    if (!split_assignment(line, key, value) || !is_real_value(value)) return;
    if (key == "token") hits.push_back({kStoredPassword, "kubeconfig_token", number, value});
    if (key == "client-key-data")
      hits.push_back({kStoredPassword, "kubeconfig_client_key", number, value});
  });
}

void docker_config(std::string_view text, Hits& hits) {
  each_line(text, [&](std::size_t number, std::string_view line) {
    std::string_view key, value;
    if (!split_assignment(line, key, value) || !is_real_value(value)) return;
    if (key == "identitytoken" || key == "registrytoken") {
      hits.push_back({kStoredPassword, "docker_registry_auth", number, value});
    } else if (key == "auth") {
      const auto decoded = base64_decode(value);  // user:password
      if (decoded && decoded->find(':') != std::string::npos &&
          decoded->find(':') + 1 < decoded->size())
        hits.push_back({kStoredPassword, "docker_registry_auth", number, value});
    }
  });
}

}  // namespace

bool is_real_value(std::string_view value) {
  // What documentation and templates write where a password goes.
  static constexpr std::string_view kPlaceholders[] = {
      "password", "passwd", "pass", "secret", "changeme", "example", "xxx", "xxxx", "..."};
  value = trim(value);
  if (value.empty() || value.starts_with('$') || value.starts_with('<') ||
      value.starts_with("{{") || value.starts_with('%'))
    return false;
  const std::string lowered = lower(value);
  for (const std::string_view placeholder : kPlaceholders)
    if (lowered == placeholder) return false;
  return value.find_first_not_of('*') != std::string_view::npos;
}

CredentialFile credential_file_kind(std::string_view host_path, std::string_view name) {
  if (name == ".env" || name.starts_with(".env.") || name.ends_with(".env"))
    return CredentialFile::env;
  if (name.ends_with("_history") || name == ".history") return CredentialFile::shell_history;
  if (name == ".pgpass") return CredentialFile::pgpass;
  if (name == ".my.cnf") return CredentialFile::my_cnf;
  if (name == ".netrc" || name == "_netrc") return CredentialFile::netrc;
  if (name == ".git-credentials") return CredentialFile::git_credentials;
  if (name == "kubeconfig" || name.ends_with(".kubeconfig") ||
      (name == "config" && host_path.ends_with("/.kube/config")))
    return CredentialFile::kubeconfig;
  if (name == "config.json" && host_path.ends_with("/.docker/config.json"))
    return CredentialFile::docker_config;
  return CredentialFile::none;
}

void find_database_urls(std::string_view text, Hits& hits) {
  static constexpr std::string_view kSchemes[] = {"postgres", "postgresql",  "mysql", "mariadb",
                                                  "mongodb",  "mongodb+srv", "redis", "rediss",
                                                  "amqp",     "amqps"};
  for (std::size_t pos = text.find("://"); pos != std::string_view::npos;
       pos = text.find("://", pos + 1)) {
    std::size_t start = pos;
    while (start > 0 &&
           (std::isalnum(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '+'))
      --start;
    const std::string_view scheme = text.substr(start, pos - start);
    if (std::find(std::begin(kSchemes), std::end(kSchemes), lower(scheme)) == std::end(kSchemes))
      continue;
    const std::string_view password = url_password(text, pos + 3);
    if (is_real_value(password))
      hits.push_back({kStoredPassword, "database_url", line_at(text, pos), password});
  }
}

void find_jwt_secrets(std::string_view text, Hits& hits) {
  const auto is_jwt = [&](std::size_t pos) {  // "jwt" in any case, without a copy
    return pos + 2 < text.size() && (text[pos + 1] | 0x20) == 'w' && (text[pos + 2] | 0x20) == 't';
  };
  for (std::size_t pos = text.find_first_of("jJ"); pos != std::string_view::npos;
       pos = text.find_first_of("jJ", pos + 1)) {
    if (!is_jwt(pos)) continue;
    const std::size_t newline = text.rfind('\n', pos);
    const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
    const std::size_t line_end = std::min(text.find('\n', pos), text.size());
    std::string_view key, value;
    if (!split_assignment(text.substr(line_start, line_end - line_start), key, value)) continue;
    if (key_names_any(key, {"jwt"}) &&
        key_names_any(key, {"secret", "signing_key", "signingkey", "jwt_key"}) &&
        value.size() >= 8 && is_real_value(value))
      hits.push_back({kJwtSigningSecret, "jwt_secret", line_at(text, pos), value});
    pos = line_end;  // one per line
  }
}

void find_in_credential_file(CredentialFile kind, std::string_view text, Hits& hits) {
  switch (kind) {
    case CredentialFile::none:
      return;
    case CredentialFile::env:
      return env_file(text, hits);
    case CredentialFile::shell_history:
      return shell_history(text, hits);
    case CredentialFile::pgpass:
      return pgpass(text, hits);
    case CredentialFile::my_cnf:
      return my_cnf(text, hits);
    case CredentialFile::netrc:
      return netrc(text, hits);
    case CredentialFile::git_credentials:
      return git_credentials(text, hits);
    case CredentialFile::kubeconfig:
      return kubeconfig(text, hits);
    case CredentialFile::docker_config:
      return docker_config(text, hits);
  }
}

}  // namespace zt::privacy
