#include "collectors/ai_ml/mcp_config.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "collectors/core/text.hpp"

namespace zt::ai_ml {
namespace {

using nlohmann::json;

std::string text_of(const json& value) {
  return value.is_string() ? value.get<std::string>() : std::string();
}

std::vector<std::pair<std::string, std::string>> pairs_of(const json& object) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!object.is_object()) return out;
  for (const auto& [key, value] : object.items())
    out.emplace_back(key, value.is_string() ? value.get<std::string>() : value.dump());
  return out;
}

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view basename(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Packages of tool servers that run commands (npm or PyPI names, matched within an argument).
constexpr std::string_view kCommandServers[] = {
    "desktop-commander", "mcp-server-commands", "mcp-shell",
    "shell-mcp",         "server-shell",        "mcp-server-shell",
    "cli-mcp-server",    "terminal-mcp",        "mcp-server-terminal"};
constexpr std::string_view kShells[] = {"sh",  "bash",    "zsh",        "dash",           "fish",
                                        "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh"};

}  // namespace

McpConfig parse_mcp_config(std::string_view text) {
  McpConfig out;
  const json doc = json::parse(text, nullptr, false, true);
  if (doc.is_discarded() || !doc.is_object()) {
    out.error = "not a JSON object";
    return out;
  }
  const json* servers = nullptr;
  for (const char* key : {"mcpServers", "servers"})
    if (auto it = doc.find(key); it != doc.end() && it->is_object()) servers = &*it;
  if (servers == nullptr) {
    out.error = "no mcpServers or servers object";
    return out;
  }
  for (const auto& [name, spec] : servers->items()) {
    if (!spec.is_object()) continue;
    McpServer s;
    s.name = name;
    s.command = text_of(spec.value("command", json()));
    if (auto args = spec.find("args"); args != spec.end() && args->is_array())
      for (const json& a : *args) s.args.push_back(text_of(a));
    s.env = pairs_of(spec.value("env", json::object()));
    s.url = text_of(spec.value("url", spec.value("serverUrl", json())));
    s.headers = pairs_of(spec.value("headers", json::object()));
    out.servers.push_back(std::move(s));
  }
  return out;
}

FilesystemReach filesystem_reach(const McpServer& server) {
  const bool filesystem =
      std::any_of(server.args.begin(), server.args.end(), [](const std::string& a) {
        return a.find("server-filesystem") != std::string::npos ||
               a.find("mcp-server-filesystem") != std::string::npos;
      });
  if (!filesystem) return FilesystemReach::none;
  FilesystemReach reach = FilesystemReach::none;
  for (const std::string& a : server.args) {
    std::string dir = a;
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    if (dir == "/" || dir == "C:\\" || dir == "C:") return FilesystemReach::root;
    const bool whole_home = dir == "~" || dir == "$HOME" || dir == "${HOME}" || dir == "/home" ||
                            dir == "/root" || dir == "/Users" ||
                            ((dir.starts_with("/home/") || dir.starts_with("/Users/")) &&
                             dir.find('/', 6) == std::string::npos);
    if (whole_home) reach = FilesystemReach::home;
  }
  return reach;
}

bool runs_commands(const McpServer& server) {
  for (std::string_view shell : kShells)
    if (lower(basename(server.command)) == shell) return true;
  for (const std::string& a : server.args)
    for (std::string_view package : kCommandServers)
      if (lower(a).find(package) != std::string::npos) return true;
  return false;
}

bool is_literal_secret(std::string_view value) {
  value = collector::trim(value);
  if (value.size() < 6) return false;
  if (value.front() == '$' || value.front() == '<' || value.find("${") != std::string_view::npos)
    return false;
  const std::string up = upper(value);
  for (std::string_view placeholder : {"YOUR", "XXX", "CHANGEME", "REPLACE", "EXAMPLE", "TODO"})
    if (up.find(placeholder) != std::string::npos) return false;
  return true;
}

bool is_secret_name(std::string_view name) {
  const std::string up = upper(name);
  for (std::string_view part :
       {"TOKEN", "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "API-KEY", "ACCESS_KEY",
        "PRIVATE_KEY", "CREDENTIAL", "AUTHORIZATION", "CONNECTION_STRING", "DATABASE_URL"})
    if (up.find(part) != std::string::npos) return true;
  return up.ends_with("_PAT") || up.ends_with("_KEY");
}

}  // namespace zt::ai_ml
