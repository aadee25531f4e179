#include "collectors/api/consul_settings.hpp"

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

#include "collectors/api/service_args.hpp"
#include "collectors/core/text.hpp"

namespace zt::api {
namespace {

using Flat = std::map<std::string, std::string>;  // "acl.enabled" → "true"

void flatten(const nlohmann::json& value, const std::string& path, Flat& out) {
  if (value.is_object()) {
    for (const auto& [key, item] : value.items())
      flatten(item, path.empty() ? key : path + "." + key, out);
  } else if (value.is_string()) {
    out[path] = value.get<std::string>();
  } else if (value.is_boolean()) {
    out[path] = value.get<bool>() ? "true" : "false";
  } else if (value.is_number_integer()) {
    out[path] = std::to_string(value.get<long long>());
  }
}

std::string unquoted(std::string_view v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
    return std::string(v.substr(1, v.size() - 2));
  return std::string(v);
}

// The HCL of Consul's documentation, flattened; an error names the line of a '}' too many.
std::string flatten_hcl(std::string_view text, Flat& out) {
  std::vector<std::string> blocks;
  std::size_t number = 0;
  for (std::string_view line : collector::split_lines(text)) {
    ++number;
    for (std::string_view comment : {"#", "//"})
      if (const std::size_t at = line.find(comment); at != std::string_view::npos)
        line = line.substr(0, at);
    line = collector::trim(line);
    if (line.empty()) continue;
    if (line == "}") {
      if (blocks.empty()) return "line " + std::to_string(number) + ": '}' without a block";
      blocks.pop_back();
      continue;
    }
    if (line.ends_with("{")) {
      std::string_view name = collector::trim(line.substr(0, line.size() - 1));
      if (name.ends_with("=")) name = collector::trim(name.substr(0, name.size() - 1));
      blocks.push_back(unquoted(name));
      continue;
    }
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    std::string path;
    for (const std::string& b : blocks) path += b + ".";
    path += unquoted(collector::trim(line.substr(0, equals)));
    std::string_view value = collector::trim(line.substr(equals + 1));
    if (value.ends_with(",")) value.remove_suffix(1);
    out[path] = unquoted(collector::trim(value));
  }
  return "";
}

}  // namespace

std::string apply_consul_config(std::string_view text, bool json, ConsulSettings& s) {
  Flat flat;
  if (json) {
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return "not a JSON object";
    flatten(doc, "", flat);
  } else if (std::string error = flatten_hcl(text, flat); !error.empty()) {
    return error;
  }
  auto set = [&](const std::string& key, auto&& apply) {
    if (auto it = flat.find(key); it != flat.end()) apply(it->second);
  };
  set("acl.enabled", [&](const std::string& v) { s.acl_enabled = v == "true"; });
  set("acl_datacenter", [&](const std::string& v) { s.acl_enabled = !v.empty(); });
  set("acl_default_policy", [&](const std::string& v) { s.default_policy = v; });
  set("acl.default_policy", [&](const std::string& v) { s.default_policy = v; });
  set("enable_script_checks", [&](const std::string& v) { s.script_checks = v == "true"; });
  set("ports.http", [&](const std::string& v) {
    unsigned port = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), port);
    if (ec == std::errc() && end == v.data() + v.size() && port > 0 && port <= 65535)
      s.http_port = static_cast<std::uint16_t>(port);
  });
  set("enable_local_script_checks",
      [&](const std::string& v) { s.local_script_checks = v == "true"; });
  return "";
}

void apply_consul_flags(const std::vector<std::string>& args, ConsulSettings& s) {
  s.dev = flag_is_true(args, "dev", false);
  s.script_checks = flag_is_true(args, "enable-script-checks", s.script_checks);
  s.local_script_checks = flag_is_true(args, "enable-local-script-checks", s.local_script_checks);
}

}  // namespace zt::api
