#pragma once
// Who gets into a kubelet's API, from its configuration file (KubeletConfiguration, YAML,
// --config) and its flags, which win over the file as the kubelet applies them:
// --anonymous-auth, --authorization-mode, --read-only-port, --port. The defaults differ: the
// binary's flags alone let anonymous requests in with AlwaysAllow and open the read-only
// port 10255; a configuration file (kubelet.config.k8s.io/v1beta1) defaults to anonymous
// off, Webhook and no read-only port. Pure; never throws.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zt::api {

struct KubeletSettings {
  bool anonymous = true;
  std::string authorization_mode = "AlwaysAllow";
  std::uint16_t port = 10250;            // the authenticated API (https)
  std::uint16_t read_only_port = 10255;  // 0: closed
  std::string config_file;               // --config, "" when none
};

// The defaults, for a kubelet started with or without a configuration file.
KubeletSettings kubelet_defaults(bool with_config_file);

// Applies a KubeletConfiguration's authentication.anonymous.enabled, authorization.mode,
// port and readOnlyPort; "" or why the text is not one ("line 3: …").
std::string apply_kubelet_config(std::string_view yaml, KubeletSettings& settings);

// Applies the flags that set the same.
void apply_kubelet_flags(const std::vector<std::string>& arguments, KubeletSettings& settings);

}  // namespace zt::api
