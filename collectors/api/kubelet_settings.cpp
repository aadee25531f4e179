#include "collectors/api/kubelet_settings.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <initializer_list>

#include "collectors/api/service_args.hpp"

namespace zt::api {
namespace {

std::optional<std::uint16_t> port_number(std::string_view text) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

// The node at `path` under `node`, or an undefined one (yaml-cpp throws when a missing key's
// node is indexed again). reset() rebinds: `node = …` would write into the document.
YAML::Node find(const YAML::Node& root, std::initializer_list<const char*> path) {
  YAML::Node node = root;
  for (const char* key : path) {
    if (!node.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    node.reset(node[key]);
  }
  return node;
}

}  // namespace

KubeletSettings kubelet_defaults(bool with_config_file) {
  KubeletSettings s;
  if (with_config_file) {
    s.anonymous = false;
    s.authorization_mode = "Webhook";
    s.read_only_port = 0;
  }
  return s;
}

std::string apply_kubelet_config(std::string_view yaml, KubeletSettings& s) {
  try {
    const YAML::Node doc = YAML::Load(std::string(yaml));
    if (!doc.IsMap()) return "not a KubeletConfiguration (no mapping at the top)";
    if (const YAML::Node anonymous = find(doc, {"authentication", "anonymous", "enabled"}))
      s.anonymous = anonymous.as<bool>();
    if (const YAML::Node mode = find(doc, {"authorization", "mode"}))
      s.authorization_mode = mode.as<std::string>();
    if (const YAML::Node port = find(doc, {"port"}))
      if (auto n = port_number(port.as<std::string>())) s.port = *n;
    if (const YAML::Node port = find(doc, {"readOnlyPort"}))
      if (auto n = port_number(port.as<std::string>())) s.read_only_port = *n;
    return "";
  } catch (const YAML::Exception& e) {
    return "line " + std::to_string(e.mark.line + 1) + ": " + e.msg;
  }
}

void apply_kubelet_flags(const std::vector<std::string>& args, KubeletSettings& s) {
  s.anonymous = flag_is_true(args, "anonymous-auth", s.anonymous);
  if (auto mode = flag_value(args, "authorization-mode")) s.authorization_mode = *mode;
  if (auto port = flag_value(args, "port"))
    if (auto n = port_number(*port)) s.port = *n;
  if (auto port = flag_value(args, "read-only-port"))
    if (auto n = port_number(*port)) s.read_only_port = *n;
}

}  // namespace zt::api
