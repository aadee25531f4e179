#include "collectors/api/discover.hpp"

#include <algorithm>

#include "collectors/api/service_args.hpp"

namespace zt::api {
namespace {

constexpr std::uint16_t kEtcdClientPort = 2379;

// argv[0]'s file name, which the kernel does not cut to 15 characters as it does comm.
std::string program_of(const collector::ProcessInfo& p) {
  if (p.arguments.empty() || p.arguments[0].empty()) return p.name;
  const std::string& path = p.arguments[0];
  return path.substr(path.rfind('/') + 1);
}

std::optional<ApiKind> kind_of(std::string_view program) {
  if (program == "etcd") return ApiKind::etcd;
  if (program == "prometheus") return ApiKind::prometheus;
  if (program.ends_with("exporter")) return ApiKind::exporter;
  if (program == "kubelet") return ApiKind::kubelet;
  if (program == "consul") return ApiKind::consul;
  return std::nullopt;
}

void read_settings(ApiService& s) {
  const std::vector<std::string>& args = s.process.arguments;
  if (s.kind == ApiKind::etcd) {
    s.client_urls = parse_service_urls(
        flag_value(args, "listen-client-urls").value_or("http://localhost:2379"), kEtcdClientPort);
    s.client_cert_auth = flag_is_true(args, "client-cert-auth", false);
    s.config_file = flag_value(args, "config-file");
    return;
  }
  if (s.kind == ApiKind::kubelet) {
    const auto config = flag_value(args, "config");
    s.kubelet = kubelet_defaults(config.has_value());
    s.kubelet->config_file = config.value_or("");
    apply_kubelet_flags(args, *s.kubelet);
    return;
  }
  if (s.kind == ApiKind::consul) {
    s.consul.emplace();
    apply_consul_flags(args, *s.consul);
    return;
  }
  s.web_config_file = flag_value(args, "web.config.file");
  s.admin_api = flag_is_true(args, "web.enable-admin-api", false);
  s.lifecycle_api = flag_is_true(args, "web.enable-lifecycle", false);
}

}  // namespace

std::vector<ApiService> discover(const std::vector<collector::ListeningSocket>& listeners) {
  std::vector<ApiService> out;
  for (const collector::ListeningSocket& socket : listeners) {
    if (!socket.process || socket.protocol != collector::Protocol::tcp) continue;
    const std::string program = program_of(*socket.process);
    const auto kind = kind_of(program);
    if (!kind) continue;
    ApiService* service = nullptr;
    for (ApiService& s : out)
      if (s.process.pid == socket.process->pid) service = &s;
    if (!service) {
      service = &out.emplace_back();
      service->kind = *kind;
      service->program = program;
      service->process = *socket.process;
      read_settings(*service);
    }
    service->sockets.push_back(socket);
  }
  return out;
}

std::vector<ApiService> web_api_candidates(const std::vector<collector::ListeningSocket>& listeners,
                                           const std::vector<ApiService>& known,
                                           std::size_t limit) {
  std::vector<ApiService> out;
  for (const collector::ListeningSocket& socket : listeners) {
    if (out.size() >= limit) break;
    if (!is_web_api_candidate(socket)) continue;
    const bool of_known =
        socket.process && std::any_of(known.begin(), known.end(), [&](const auto& s) {
          return s.process.pid == socket.process->pid;
        });
    if (of_known) continue;
    ApiService& s = out.emplace_back();
    s.kind = ApiKind::web_api;
    if (socket.process) {
      s.process = *socket.process;
      s.program = program_of(*socket.process);
    }
    s.sockets.push_back(socket);
  }
  return out;
}

}  // namespace zt::api
