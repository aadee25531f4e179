#include "collectors/iot_ot/node_red.hpp"

#include "collectors/core/http_answer.hpp"

namespace zt::iot_ot {
namespace {

bool ends_with_red_js(std::string_view argument) {
  return argument.ends_with("node-red/red.js") || argument.ends_with("/bin/node-red") ||
         argument == "node-red";
}

// The value after `flag` or `long_flag` (also "--flag=value"), or "".
std::string flag_value(const collector::ProcessInfo& process, std::string_view flag,
                       std::string_view long_flag) {
  const auto& args = process.arguments;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if ((a == flag || a == long_flag) && i + 1 < args.size()) return args[i + 1];
    if (a.starts_with(long_flag) && a.size() > long_flag.size() && a[long_flag.size()] == '=')
      return std::string(a.substr(long_flag.size() + 1));
  }
  return "";
}

bool identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$';
}

}  // namespace

bool is_node_red(const collector::ProcessInfo& process) {
  if (process.name == "node-red") return true;
  if (process.name != "node" && process.name != "nodejs") return false;
  for (const std::string& a : process.arguments)
    if (ends_with_red_js(a)) return true;
  return false;
}

std::string node_red_settings_path(const collector::ProcessInfo& process, std::string_view home) {
  std::string settings = flag_value(process, "-s", "--settings");
  if (!settings.empty()) return settings;
  std::string dir = flag_value(process, "-u", "--userDir");
  if (dir.empty()) dir = std::string(home) + "/.node-red";
  return dir + "/settings.js";
}

std::size_t node_red_admin_auth_line(std::string_view js) {
  constexpr std::string_view kKey = "adminAuth";
  std::size_t line = 1;
  for (std::size_t i = 0; i < js.size(); ++i) {
    const char c = js[i];
    if (c == '\n') {
      ++line;
    } else if (c == '/' && i + 1 < js.size() && js[i + 1] == '/') {
      while (i + 1 < js.size() && js[i + 1] != '\n') ++i;
    } else if (c == '/' && i + 1 < js.size() && js[i + 1] == '*') {
      for (i += 2; i + 1 < js.size() && !(js[i] == '*' && js[i + 1] == '/'); ++i)
        if (js[i] == '\n') ++line;
      ++i;
    } else if (c == '"' || c == '\'' || c == '`') {
      // A quoted key ("adminAuth": …) counts; any other string is skipped whole.
      const std::size_t start = i + 1;
      for (++i; i < js.size() && js[i] != c; ++i) {
        if (js[i] == '\\') ++i;
        else if (js[i] == '\n') ++line;
      }
      if (js.substr(start, i - start) == kKey) {
        std::size_t j = i + 1;
        while (j < js.size() && (js[j] == ' ' || js[j] == '\t')) ++j;
        if (j < js.size() && js[j] == ':') return line;
      }
    } else if (js.substr(i, kKey.size()) == kKey && (i == 0 || !identifier_char(js[i - 1]))) {
      std::size_t j = i + kKey.size();
      if (j < js.size() && identifier_char(js[j])) continue;
      while (j < js.size() && (js[j] == ' ' || js[j] == '\t')) ++j;
      if (j < js.size() && js[j] == ':') return line;
    }
  }
  return 0;
}

std::string node_red_login_request() {
  return collector::http_get_request("/auth/login");
}

std::optional<bool> node_red_login_open(std::string_view answer) {
  const auto login = collector::http_ok_json(answer);
  if (!login || !login->is_object()) return std::nullopt;
  if (login->empty()) return true;
  if (login->contains("type")) return false;
  return std::nullopt;
}

}  // namespace zt::iot_ot
