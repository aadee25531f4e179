// The host-wide findings: who may use the engine sockets, and the engines' configuration
// (daemon.json, registries.conf).
#include "collectors/container/engine_socket.hpp"
#include "collectors/container/finding_types.hpp"
#include "collectors/container/host_paths.hpp"
#include "collectors/container/report.hpp"

namespace zt::container {
namespace {

using model::Finding;
using model::Severity;
using nlohmann::json;
namespace ft = finding_type;

std::string file_line(const std::string& file, std::size_t line) {
  return line == 0 ? file : file + ":" + std::to_string(line);
}

void daemon_tcp(const DaemonConfig& d, const std::string& file, Findings& out) {
  if (d.tlsverify) return;
  json tcp = json::array();
  for (const std::string& host : d.hosts)
    if (host.starts_with("tcp://")) tcp.push_back(host);
  if (tcp.empty()) return;
  const Severity severity = d.tls ? Severity::high : Severity::critical;
  Finding f = make_finding(ft::kTcpWithoutTls, severity, "", "", "");
  f.title = d.tls ? "Docker API on TCP without client certificate verification"
                  : "Docker API on TCP without TLS";
  f.description = "dockerd listens on " + tcp.dump() + " (" + file + ") " +
                  (d.tls ? "with TLS but without tlsverify: any client that reaches the port "
                           "controls the engine, which is root on this host."
                         : "in cleartext and without authentication: anyone who reaches the "
                           "port controls the engine, which is root on this host.");
  f.remediation =
      "Remove the tcp:// entries from \"hosts\" (use the unix socket, or SSH), or "
      "set \"tlsverify\": true with tlscacert, tlscert and tlskey so only clients "
      "with a certificate of your CA get in.";
  const std::size_t line = d.line_of("hosts");
  f.metadata = {
      {"file", file}, {"line", line}, {"location", file_line(file, line)}, {"field", "hosts"},
      {"value", tcp}, {"tls", d.tls}, {"tlsverify", d.tlsverify}};
  out.push_back(std::move(f));
}

void daemon_defaults(const std::optional<DaemonConfig>& d, bool present, const std::string& file,
                     Findings& out) {
  const std::string where = present ? file : file + " (absent)";
  if (!d || !d->live_restore.value_or(false)) {
    Finding f = make_finding(ft::kLiveRestoreOff, Severity::low, "", "", "");
    f.title = "Docker live-restore is off";
    f.description = "live-restore is not enabled (" + where +
                    "): every restart or upgrade of dockerd stops all running containers.";
    f.remediation = "Set \"live-restore\": true in /etc/docker/daemon.json and reload dockerd.";
    const std::size_t line = d ? d->line_of("live-restore") : 0;
    f.metadata = {{"file", file},
                  {"line", line},
                  {"location", file_line(where, line)},
                  {"field", "live-restore"},
                  {"value", d && d->live_restore ? json(*d->live_restore) : json(nullptr)}};
    out.push_back(std::move(f));
  }
  if (!d || d->userns_remap.empty()) {
    Finding f = make_finding(ft::kUsernsRemapOff, Severity::medium, "", "", "");
    f.title = "Docker user namespace remapping is off";
    f.description = "userns-remap is not set (" + where +
                    "): root in a container is root on the host, so a container breakout or a "
                    "writable host mount gives host root.";
    f.remediation =
        "Set \"userns-remap\": \"default\" in /etc/docker/daemon.json (and check "
        "volumes' ownership), or run containers as non-root users.";
    const std::size_t line = d ? d->line_of("userns-remap") : 0;
    f.metadata = {{"file", file},
                  {"line", line},
                  {"location", file_line(where, line)},
                  {"field", "userns-remap"},
                  {"value", nullptr}};
    out.push_back(std::move(f));
  }
}

void registries(const ConfigSnapshot& config, Findings& out) {
  for (const InsecureRegistrySeen& r : config.insecure_registries) {
    Finding f = make_finding(ft::kInsecureRegistry, Severity::medium, "", r.name, "");
    json sources = json::array();
    std::string where;
    for (const RegistrySource& s : r.sources) {
      sources.push_back(
          {{"file", s.file}, {"line", s.line}, {"location", file_line(s.file, s.line)}});
      where += (where.empty() ? "" : ", ") + file_line(s.file, s.line);
    }
    f.title = "Insecure container registry " + r.name;
    f.description = "Registry " + r.name + " is configured as insecure (" + where +
                    "): images are pulled over plain HTTP or without verifying its "
                    "certificate, so anyone on the path can replace them.";
    f.remediation =
        "Serve the registry over HTTPS with a certificate the host trusts (add its "
        "CA under /etc/docker/certs.d/<registry>/ or /etc/containers/certs.d/) "
        "and remove it from the insecure list.";
    f.metadata = {{"registry", r.name}, {"sources", sources}, {"value", r.name}};
    out.push_back(std::move(f));
  }
}

}  // namespace

Finding make_finding(std::string_view type, Severity severity, std::string container_id,
                     std::string image_name, std::string image_tag) {
  Finding f;
  f.category = model::Category::container;
  f.severity = severity;
  f.risk_score = model::default_risk_score(severity);
  f.fields = {{"container_id", std::move(container_id)},
              {"image_name", std::move(image_name)},
              {"image_tag", std::move(image_tag)},
              {"finding_type", std::string(type)}};
  return f;
}

Findings socket_findings(const std::vector<SocketSeen>& sockets,
                         const std::map<std::uint32_t, std::string>& groups) {
  Findings out;
  json exposed = json::array();
  std::string reasons;
  Severity worst = Severity::info;
  for (const SocketSeen& s : sockets) {
    const auto exposure = socket_exposure(s.info, groups);
    if (!exposure) continue;
    if (model::at_least(exposure->severity, worst)) worst = exposure->severity;
    exposed.push_back({{"path", s.host_path},
                       {"mode", s.info.mode},
                       {"uid", s.info.uid},
                       {"gid", s.info.gid},
                       {"reason", exposure->reason}});
    reasons += (reasons.empty() ? "" : "; ") + s.host_path + ": " + exposure->reason;
  }
  if (exposed.empty()) return out;
  Finding f = make_finding(ft::kSocketExposed, worst, "", "", "");
  f.title = "Container engine socket usable by other users";
  f.description = "The container engine's API socket is open beyond root and the docker group (" +
                  reasons +
                  "). Whoever can connect to it can start a privileged container "
                  "and so is root on this host.";
  f.remediation =
      "Make the socket srw-rw---- root:docker (or srw------- root:root for "
      "Podman): fix the socket unit's SocketMode/SocketGroup, and add to the "
      "docker group only people you would give root.";
  f.metadata = {{"sockets", exposed}, {"value", reasons}};
  out.push_back(std::move(f));
  return out;
}

Findings config_findings(const ConfigSnapshot& config, bool docker_present) {
  Findings out;
  const std::string file(kDaemonJsonPath);
  // A daemon.json that did not parse is a problem already; its settings are unknown.
  const bool daemon_known = !config.daemon_json_present || config.daemon;
  if (docker_present && daemon_known) {
    if (config.daemon) daemon_tcp(*config.daemon, file, out);
    daemon_defaults(config.daemon, config.daemon_json_present, file, out);
  }
  registries(config, out);
  return out;
}

}  // namespace zt::container
