#include "collectors/api/finding_types.hpp"
#include "collectors/api/report.hpp"

namespace zt::api {
namespace {

using model::Severity;
using nlohmann::json;
namespace type = finding_type;

// "<scheme>://<address:port><path>" of the service's listener on `port`: one beyond loopback
// when there is one, else a loopback one; nothing when it does not listen there.
std::optional<std::string> url_on(const ApiService& s, std::uint16_t port, std::string_view scheme,
                                  std::string_view path, bool& exposed) {
  const collector::ListeningSocket* shown = nullptr;
  for (const collector::ListeningSocket& l : s.sockets)
    if (l.port == port &&
        (!shown || (collector::is_loopback(*shown) && !collector::is_loopback(l))))
      shown = &l;
  if (!shown) return std::nullopt;
  exposed = !collector::is_loopback(*shown);
  return std::string(scheme) + "://" + collector::endpoint_text(shown->address, shown->port) +
         std::string(path);
}

json live_json(const ApiService& s) {
  json checks = json::array();
  for (const collector::LiveCheck& c : s.live) checks.push_back(collector::to_json(c));
  return checks;
}

}  // namespace

void report_kubelet(const ApiService& s, std::vector<model::Finding>& out) {
  const KubeletSettings& k = *s.kubelet;
  const json evidence = {{"anonymous_auth", k.anonymous},
                         {"authorization_mode", k.authorization_mode},
                         {"read_only_port", k.read_only_port},
                         {"config_file", k.config_file},
                         {"live_checks", live_json(s)}};
  bool exposed = false;
  if (const auto api = url_on(s, k.port, "https", "/", exposed); api && k.anonymous) {
    if (k.authorization_mode == "AlwaysAllow")
      out.push_back(api_finding(
          s,
          {type::kKubeletAnonymousAccess, exposed ? Severity::critical : Severity::high, *api,
           "ANY", "The kubelet's API at " + *api + " lets anonymous requests do anything",
           "Anonymous authentication with AlwaysAllow authorization: whoever reaches the port "
           "lists the pods and runs commands in every container of the node (/exec, /run).",
           "Set authentication.anonymous.enabled: false and authorization.mode: Webhook in the "
           "kubelet's configuration (or --anonymous-auth=false --authorization-mode=Webhook)."},
          evidence));
    else
      out.push_back(api_finding(
          s,
          {type::kKubeletAnonymousAuth, Severity::low, *api, "ANY",
           "The kubelet's API at " + *api + " accepts anonymous requests",
           "Anonymous requests reach the " + k.authorization_mode +
               " authorizer as system:anonymous; a binding that grants that user anything "
               "opens the node.",
           "Set authentication.anonymous.enabled: false."},
          evidence));
  }
  if (k.read_only_port == 0 || s.answered_open == false) return;
  if (const auto pods = url_on(s, k.read_only_port, "http", "/pods", exposed); pods && exposed)
    out.push_back(api_finding(
        s,
        {type::kKubeletReadOnlyPort, Severity::high, *pods, "GET",
         "The kubelet's read-only port serves " + *pods + " without authentication",
         "The read-only port lists every pod of the node with its specification: images, "
         "commands, environment variables (secrets among them).",
         "Set readOnlyPort: 0 in the kubelet's configuration (or --read-only-port=0)."},
        evidence));
}

void report_consul(const ApiService& s, std::vector<model::Finding>& out) {
  const ConsulSettings& c = *s.consul;
  if (!c.open() || s.answered_open == false) return;
  bool exposed = false;
  const auto api = url_on(s, c.http_port, "http", "/v1/", exposed);
  if (!api) return;
  const json evidence = {{"acl_enabled", c.acl_enabled},
                         {"acl_default_policy", c.default_policy},
                         {"enable_script_checks", c.script_checks},
                         {"config_files", c.config_files},
                         {"dev", c.dev},
                         {"live_checks", live_json(s)}};
  if (exposed)
    out.push_back(api_finding(
        s,
        {type::kConsulAclDisabled, Severity::high, *api, "ANY",
         "Consul's HTTP API at " + *api + " answers without a token",
         c.acl_enabled ? "ACLs are on with default_policy allow: an anonymous client reads and "
                         "writes the catalog and the key/value store."
                       : "ACLs are off: whoever reaches the port reads and writes the catalog, "
                         "the services' registrations and the key/value store.",
         "Enable ACLs with default_policy deny (acl { enabled = true, default_policy = "
         "\"deny\" }) and bind the HTTP API (client_addr) to the addresses that need it."},
        evidence));
  if (c.script_checks) {
    const std::string register_url = api->substr(0, api->size() - 4) + "/v1/agent/check/register";
    out.push_back(api_finding(
        s,
        {type::kConsulScriptChecks, exposed ? Severity::critical : Severity::high, register_url,
         "PUT", "Consul runs script checks that anyone can register",
         "enable_script_checks with an API that asks for no token: a client registers a check "
         "whose script Consul runs, as " +
             (s.process.user.empty() ? std::string("its user") : s.process.user) + ".",
         "Use enable_local_script_checks instead (checks from files only), and enable ACLs."},
        evidence));
  }
}

}  // namespace zt::api
