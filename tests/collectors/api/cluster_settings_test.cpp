// The kubelet's and Consul's settings: kubeadm's KubeletConfiguration and a weak one, the
// flags over the file and the defaults with and without a file; Consul's HCL and JSON
// (acl blocks, legacy keys, ports, comments), the flags; their answers to the live reads
// (recorded shapes of the real servers: a kubelet's PodList, Consul's agent/self and its ACL
// refusal). Each parser is fuzzed.
#include <catch2/catch.hpp>

#include "collectors/api/consul_settings.hpp"
#include "collectors/api/kubelet_settings.hpp"
#include "collectors/api/live_checks.hpp"
#include "tests/support/fuzz.hpp"

using namespace zt::api;

namespace {

// kubeadm's KubeletConfiguration (v1.28), cut down.
constexpr const char* kKubeadm = R"(apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
authorization:
  mode: Webhook
cgroupDriver: systemd
kind: KubeletConfiguration
)";

}  // namespace

TEST_CASE("kubelet: the defaults with and without a file, the file, then the flags", "[unit]") {
  const KubeletSettings bare = kubelet_defaults(false);
  CHECK(bare.anonymous);
  CHECK(bare.authorization_mode == "AlwaysAllow");
  CHECK(bare.read_only_port == 10255);
  KubeletSettings s = kubelet_defaults(true);
  CHECK_FALSE(s.anonymous);
  CHECK(s.read_only_port == 0);
  CHECK(apply_kubelet_config(kKubeadm, s).empty());
  CHECK_FALSE(s.anonymous);
  CHECK(s.authorization_mode == "Webhook");
  CHECK(apply_kubelet_config("readOnlyPort: 10255\nport: 11250\n", s).empty());
  CHECK(s.read_only_port == 10255);
  CHECK(s.port == 11250);
  apply_kubelet_flags({"kubelet", "--anonymous-auth=true", "--read-only-port=0",
                       "--authorization-mode", "AlwaysAllow"},
                      s);
  CHECK(s.anonymous);
  CHECK(s.read_only_port == 0);
  CHECK(s.authorization_mode == "AlwaysAllow");
  CHECK(apply_kubelet_config("- a list\n", s) ==
        "not a KubeletConfiguration (no mapping at the top)");
  CHECK(apply_kubelet_config("authentication: {anonymous: {enabled: maybe}}\n", s)
            .starts_with("line 1: "));
  CHECK(apply_kubelet_config("a: [\n", s).starts_with("line "));
}

TEST_CASE("Consul: HCL blocks and comments, JSON, legacy ACL keys, later files and flags win",
          "[unit]") {
  ConsulSettings s;
  CHECK(s.open());
  CHECK(apply_consul_config("# agent\nacl {\n  enabled = true  # on\n  default_policy = \"deny\"\n"
                            "}\nports {\n  http = 8501\n}\nenable_script_checks = true\n",
                            false, s)
            .empty());
  CHECK(s.acl_enabled);
  CHECK(s.default_policy == "deny");
  CHECK_FALSE(s.open());
  CHECK(s.http_port == 8501);
  CHECK(s.script_checks);
  CHECK(apply_consul_config(R"({"acl": {"default_policy": "allow"}, "ports": {"http": 8500}})",
                            true, s)
            .empty());
  CHECK(s.open());
  CHECK(s.http_port == 8500);
  ConsulSettings legacy;
  CHECK(apply_consul_config(R"({"acl_datacenter": "dc1", "acl_default_policy": "deny"})", true,
                            legacy)
            .empty());
  CHECK_FALSE(legacy.open());
  apply_consul_flags({"consul", "agent", "-dev", "-enable-script-checks"}, legacy);
  CHECK(legacy.dev);
  CHECK(legacy.script_checks);
  CHECK(apply_consul_config("acl {\n}\n}\n", false, s) == "line 3: '}' without a block");
  CHECK(apply_consul_config("[1]", true, s) == "not a JSON object");
}

TEST_CASE("kubelet and Consul live answers: open, refused, or another server's", "[unit]") {
  CHECK(kubelet_pods_open("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
                          R"({"kind":"PodList","apiVersion":"v1","metadata":{},"items":[]})") ==
        true);
  CHECK(kubelet_pods_open("HTTP/1.1 401 Unauthorized\r\n\r\nUnauthorized") == false);
  CHECK_FALSE(kubelet_pods_open("HTTP/1.1 200 OK\r\n\r\n{\"kind\":\"Status\"}").has_value());
  CHECK(consul_agent_open("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
                          R"({"Config":{"Datacenter":"dc1","NodeName":"node1","Version":"1.16.1"},)"
                          R"("Member":{"Name":"node1"}})") == true);
  CHECK(consul_agent_open("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\n"
                          "Permission denied: token with AccessorID "
                          "'00000000-0000-0000-0000-000000000002' lacks permission 'agent:read' "
                          "on \"node1\"") == false);
  CHECK_FALSE(consul_agent_open("HTTP/1.1 200 OK\r\n\r\n<html></html>").has_value());
}

TEST_CASE("the kubelet's and Consul's parsers never throw on damaged input", "[unit][fuzz]") {
  zt::test::fuzz_text(kKubeadm, [](const std::string& text) {
    KubeletSettings s;
    (void)apply_kubelet_config(text, s);
  });
  zt::test::fuzz_text(
      "acl {\n  enabled = true\n  default_policy = \"deny\"\n}\n"
      "ports { http = 8500 }\nenable_script_checks = true // x\n",
      [](const std::string& text) {
        ConsulSettings s;
        (void)apply_consul_config(text, false, s);
        (void)apply_consul_config(text, true, s);
      });
}
