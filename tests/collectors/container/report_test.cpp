#include "collectors/container/report.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "collectors/container/engine_api.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/collectors/container/fixtures.hpp"

using namespace zt::container;
using zt::model::Finding;
using zt::model::Severity;
using zt::test::api_fixture;
using Types = std::set<std::string>;

namespace {

Findings findings_of(std::string_view engine, std::string_view name) {
  auto info =
      parse_container_inspect(api_fixture(engine, "inspect-" + std::string(name) + ".json"));
  REQUIRE(info.ok());
  return container_findings(*info, EngineContext{});
}

Types types(const Findings& findings) {
  Types out;
  for (const Finding& f : findings) out.insert(f.fields.at("finding_type").get<std::string>());
  return out;
}

const Finding& find(const Findings& findings, std::string_view type) {
  for (const Finding& f : findings)
    if (f.fields.at("finding_type") == type) return f;
  FAIL("no finding " << type);
  throw std::logic_error("unreachable");
}

const Types kDefaults = {"root_user_no_userns", "no_memory_limit", "no_pids_limit"};

Types with_defaults(Types extra, bool pids_limited) {
  for (const std::string& t : kDefaults)
    if (t != "no_pids_limit" || !pids_limited) extra.insert(t);
  return extra;
}

}  // namespace

TEST_CASE("findings of Docker's recorded containers", "[unit]") {
  CHECK(types(findings_of("docker", "zt-priv")) == with_defaults({"privileged_container"}, false));
  CHECK(
      types(findings_of("docker", "zt-hostns")) ==
      with_defaults({"host_network_namespace", "host_pid_namespace", "host_ipc_namespace"}, false));
  CHECK(types(findings_of("docker", "zt-sock")) ==
        with_defaults({"engine_socket_mounted", "sensitive_host_mount"}, false));
  CHECK(types(findings_of("docker", "zt-caps")) == with_defaults({"added_capabilities"}, false));
  CHECK(findings_of("docker", "zt-hardened").empty());
}

TEST_CASE("findings of Podman's recorded containers", "[unit]") {
  // Podman's default PidsLimit is 2048, and it reports IpcMode "shareable" for host IPC.
  CHECK(types(findings_of("podman", "zt-priv")) == with_defaults({"privileged_container"}, true));
  CHECK(types(findings_of("podman", "zt-hostns")) ==
        with_defaults({"host_network_namespace", "host_pid_namespace"}, true));
  CHECK(types(findings_of("podman", "zt-sock")) ==
        with_defaults({"engine_socket_mounted", "sensitive_host_mount"}, true));
  CHECK(types(findings_of("podman", "zt-caps")) == with_defaults({"added_capabilities"}, true));
  CHECK(findings_of("podman", "zt-hardened").empty());
}

TEST_CASE("container findings carry identity and severity and evidence", "[unit]") {
  const Findings priv = findings_of("docker", "zt-priv");
  const Finding& p = find(priv, "privileged_container");
  CHECK(p.category == zt::model::Category::container);
  CHECK(p.severity == Severity::critical);
  CHECK(p.risk_score == zt::model::default_risk_score(Severity::critical));
  CHECK(p.fields.at("container_id").get<std::string>().size() == 64);
  CHECK(p.fields.at("image_name") == "zt-busybox");
  CHECK(p.fields.at("image_tag") == "1.0");
  CHECK(p.title == "Privileged container: zt-priv");
  CHECK(p.description.starts_with("Container zt-priv (" +
                                  p.metadata.at("short_id").get<std::string>() +
                                  ") from image zt-busybox:1.0 runs privileged"));
  CHECK(p.metadata.at("field") == "HostConfig.Privileged");
  CHECK(p.metadata.at("value") == true);
  for (const Finding& f : priv) CHECK(zt::model::finding_problems(f, "$").empty());

  const Findings caps_findings = findings_of("podman", "zt-caps");
  const Finding& caps = find(caps_findings, "added_capabilities");
  CHECK(caps.severity == Severity::critical);  // SYS_ADMIN
  CHECK(caps.metadata.at("value") == nlohmann::json({"NET_ADMIN", "SYS_ADMIN", "SYS_PTRACE"}));
  CHECK(caps.metadata.at("capabilities")[0] ==
        nlohmann::json({{"capability", "NET_ADMIN"}, {"severity", "medium"}}));

  const Findings sock = findings_of("podman", "zt-sock");
  const Finding& mount = find(sock, "sensitive_host_mount");
  CHECK(mount.severity == Severity::high);        // /etc is writable
  CHECK(mount.metadata.at("value").size() == 2);  // /etc rw and /root ro, folded
  CHECK(find(sock, "engine_socket_mounted").metadata.at("value")[0].at("destination") ==
        "/var/run/docker.sock");
  CHECK(find(sock, "no_memory_limit").metadata.at("value") == 0);
  CHECK(find(findings_of("docker", "zt-sock"), "no_pids_limit").metadata.at("value").is_null());
}

TEST_CASE("capability severities and latest tags and user namespaces", "[unit]") {
  ContainerInfo c;
  c.id = std::string(64, 'a');
  c.name = "x";
  c.image = "registry:5000/app";
  c.user = "1000";
  c.memory = 1 << 20;
  c.pids_limit = 10;
  c.cap_add = {"cap_net_admin"};
  Findings f = container_findings(c, EngineContext{});
  CHECK(types(f) == Types{"added_capabilities", "image_latest_tag"});
  CHECK(find(f, "added_capabilities").severity == Severity::medium);
  CHECK(find(f, "image_latest_tag").fields.at("image_tag") == "");

  c.cap_add = {"SYS_PTRACE", "CHOWN"};
  c.image = "app:latest";
  f = container_findings(c, EngineContext{});
  CHECK(find(f, "added_capabilities").severity == Severity::high);
  CHECK(find(f, "image_latest_tag").fields.at("image_tag") == "latest");

  c.cap_add.clear();
  c.image = "app@sha256:0123";  // pinned by digest
  c.user = "root:root";
  CHECK(types(container_findings(c, EngineContext{})) == Types{"root_user_no_userns"});
  c.userns_mode = "auto";  // Podman's own user namespace
  CHECK(container_findings(c, EngineContext{}).empty());
  c.userns_mode = "";
  CHECK(container_findings(c, EngineContext{"", true}).empty());  // Docker's userns-remap

  MountInfo ro_root{"bind", "/", "/host", false};
  c.mounts = {ro_root, {"volume", "/var/lib/docker/volumes/v/_data", "/data", true}};
  f = container_findings(c, EngineContext{"", true});
  REQUIRE(types(f) == Types{"sensitive_host_mount"});
  CHECK(f[0].severity == Severity::medium);  // read-only; the volume is not a host path mount
}

TEST_CASE("daemon.json TCP findings depend on tlsverify", "[unit]") {
  ConfigSnapshot config;
  config.daemon_json_present = true;
  DaemonConfig daemon;
  daemon.hosts = {"unix:///run/docker.sock", "tcp://127.0.0.1:2376"};
  daemon.tls = true;
  daemon.live_restore = true;
  daemon.userns_remap = "default";
  config.daemon = daemon;
  Findings tls_only = config_findings(config, true);
  REQUIRE(types(tls_only) == Types{"daemon_tcp_without_tls"});
  CHECK(tls_only[0].severity == Severity::high);
  config.daemon->tlsverify = true;
  CHECK(config_findings(config, true).empty());
  // Docker's daemon settings are only judged where Docker is.
  config.daemon->tlsverify = false;
  CHECK(config_findings(config, false).empty());
  // A daemon.json that did not parse: its settings are unknown, not defaults.
  config.daemon.reset();
  CHECK(config_findings(config, true).empty());
}
