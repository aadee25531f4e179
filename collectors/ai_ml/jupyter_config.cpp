#include "collectors/ai_ml/jupyter_config.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "collectors/core/text.hpp"

namespace zt::ai_ml {
namespace {

constexpr std::string_view kTokenClasses[] = {"NotebookApp", "ServerApp", "IdentityProvider",
                                              "LabApp"};
constexpr std::string_view kPasswordClasses[] = {"NotebookApp", "ServerApp",
                                                 "PasswordIdentityProvider", "LabApp"};

template <std::size_t N>
bool among(std::string_view name, const std::string_view (&list)[N]) {
  for (std::string_view item : list)
    if (item == name) return true;
  return false;
}

// Applies `Class.key = value` to `s`.
void apply(JupyterSettings& s, std::string_view cls, std::string_view key,
           const std::string& value) {
  if (key == "token" && among(cls, kTokenClasses)) s.token = value;
  if ((key == "password" || key == "hashed_password") && among(cls, kPasswordClasses))
    s.password = value;
  if (cls == "IdentityProvider" || cls == "PasswordIdentityProvider") return;
  if (key == "allow_origin") s.allow_origin = value;
  if (key == "allow_root") s.allow_root = value == "True" || value == "true";
  if (key == "base_url" && !value.empty()) {
    s.base_url = value;
    if (s.base_url.front() != '/') s.base_url.insert(0, "/");
    if (s.base_url.back() != '/') s.base_url.push_back('/');
  }
}

std::string unquoted(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') &&
      value.back() == value.front())
    return std::string(value.substr(1, value.size() - 2));
  return std::string(value);
}

// A Python literal: 'x', "x", u'x', True, False; nothing for anything else.
std::optional<std::string> literal(std::string_view value) {
  value = collector::trim(value);
  if (const std::size_t hash = value.find(" #"); hash != std::string_view::npos)
    value = collector::trim(value.substr(0, hash));
  if (value == "True" || value == "False") return std::string(value);
  if (value.starts_with("u") || value.starts_with("r")) value.remove_prefix(1);
  if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') &&
      value.back() == value.front())
    return unquoted(value);
  return std::nullopt;
}

}  // namespace

bool JupyterSettings::open() const {
  return token && token->empty() && (!password || password->empty());
}

void JupyterSettings::fill_from(const JupyterSettings& other) {
  if (!token) token = other.token;
  if (!password) password = other.password;
  if (!allow_origin) allow_origin = other.allow_origin;
  if (base_url == "/") base_url = other.base_url;
  allow_root = allow_root || other.allow_root;
  config_files.insert(config_files.end(), other.config_files.begin(), other.config_files.end());
}

JupyterSettings jupyter_arguments(const std::vector<std::string>& args) {
  JupyterSettings s;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--allow-root") s.allow_root = true;
    if (!arg.starts_with("--")) continue;
    const std::size_t dot = arg.find('.');
    if (dot == std::string_view::npos) continue;
    const std::size_t equals = arg.find('=');
    const std::string_view cls = arg.substr(2, dot - 2);
    if (equals != std::string_view::npos && equals > dot) {
      apply(s, cls, arg.substr(dot + 1, equals - dot - 1), unquoted(arg.substr(equals + 1)));
    } else if (equals == std::string_view::npos && i + 1 < args.size()) {
      apply(s, cls, arg.substr(dot + 1), unquoted(args[i + 1]));
    }
  }
  return s;
}

std::string jupyter_config_argument(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--config" && i + 1 < args.size()) return args[i + 1];
    if (args[i].starts_with("--config=")) return unquoted(std::string_view(args[i]).substr(9));
  }
  return "";
}

JupyterSettings parse_jupyter_config_py(std::string_view text) {
  JupyterSettings s;
  for (std::string_view line : collector::split_lines(text)) {
    line = collector::trim(line);
    if (!line.starts_with("c.")) continue;
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view target = collector::trim(line.substr(2, equals - 2));
    const std::size_t dot = target.find('.');
    if (dot == std::string_view::npos) continue;
    if (auto value = literal(line.substr(equals + 1)))
      apply(s, target.substr(0, dot), target.substr(dot + 1), *value);
  }
  return s;
}

JupyterSettings parse_jupyter_config_json(std::string_view text) {
  JupyterSettings s;
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object()) return s;
  for (const auto& [cls, traits] : doc.items()) {
    if (!traits.is_object()) continue;
    for (const auto& [key, value] : traits.items()) {
      if (value.is_string()) apply(s, cls, key, value.get<std::string>());
      if (value.is_boolean()) apply(s, cls, key, value.get<bool>() ? "True" : "False");
    }
  }
  return s;
}

}  // namespace zt::ai_ml
