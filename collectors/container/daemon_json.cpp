#include "collectors/container/daemon_json.hpp"

#include "collectors/container/json_fields.hpp"
#include "collectors/core/text.hpp"

namespace zt::container {

std::size_t DaemonConfig::line_of(std::string_view key) const {
  const std::string quoted = "\"" + std::string(key) + "\"";
  std::size_t number = 0;
  for (std::string_view line : collector::split_lines(text)) {
    ++number;
    if (line.find(quoted) != std::string_view::npos) return number;
  }
  return 0;
}

model::Result<DaemonConfig> parse_daemon_json(std::string_view text, std::string_view file) {
  std::string error;
  const auto body = parse_body(text, nlohmann::json::value_t::object, file, error);
  if (!body) return model::Error{error};
  const FieldReader root(*body, "", error);
  DaemonConfig config;
  config.hosts = root.texts("hosts");
  config.insecure_registries = root.texts("insecure-registries");
  config.tls = root.flag("tls");
  config.tlsverify = root.flag("tlsverify");
  if (body->contains("live-restore")) config.live_restore = root.flag("live-restore");
  config.userns_remap = root.text("userns-remap");
  if (!error.empty()) return model::Error{std::string(file) + ": " + error};
  config.text = std::string(text);
  return config;
}

}  // namespace zt::container
