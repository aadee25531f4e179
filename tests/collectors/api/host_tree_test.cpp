// The collector on the fixture hosts api-weak and api-cluster-* (their READMEs say what they
// hold): the services' settings from their command lines and files, and no live check (the
// host root is not "/").
#include <catch2/catch.hpp>
#include <set>

#include "collectors/api/api_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/temp_tree.hpp"

using Set = std::set<std::string>;

namespace {

// "api_type|finding_type|severity|method|endpoint" of every finding of `tree`.
Set findings_of(const char* tree, zt::collector::CollectResult* out = nullptr) {
  auto collector = zt::api::descriptor().make(zt::test::options_of(zt::api::descriptor()));
  auto result = zt::test::collect_at(*collector, zt::test::fixture_host(tree));
  CHECK(result.problems.empty());
  Set found;
  for (const auto& f : result.findings)
    found.insert(f.fields.at("api_type").get<std::string>() + "|" +
                 f.fields.at("finding_type").get<std::string>() + "|" +
                 std::string(zt::model::to_string(f.severity)) + "|" +
                 f.fields.at("method").get<std::string>() + "|" +
                 f.fields.at("endpoint").get<std::string>());
  if (out) *out = std::move(result);
  return found;
}

}  // namespace

TEST_CASE("host tree api-weak: etcd over TLS without client certificates, Prometheus with its "
          "admin and lifecycle APIs, an exporter without a web configuration, no live check",
          "[unit]") {
  zt::collector::CollectResult result;
  CHECK(findings_of("api-weak", &result) ==
        Set{"etcd|etcd_client_without_cert_auth|high|ANY|https://0.0.0.0:2379",
            "prometheus|prometheus_unauthenticated|high|GET|http://0.0.0.0:9090/",
            "prometheus|prometheus_admin_api|critical|POST|http://0.0.0.0:9090/api/v1/admin/tsdb",
            "prometheus|prometheus_lifecycle_api|high|POST|http://0.0.0.0:9090/-/quit",
            "metrics_exporter|metrics_endpoint_exposed|medium|GET|http://0.0.0.0:9100/metrics"});

  Set programs;
  for (const auto& s : result.inventory.at("services"))
    programs.insert(s.at("program").get<std::string>());
  CHECK(programs == Set{"etcd", "prometheus", "prometheus-node-exporter",
                        "prometheus-postgres-exporter"});
  CHECK(result.inventory.at("live_checks").at("enabled") == false);
}

TEST_CASE("host tree api-cluster-weak: a kubelet open to anonymous requests with its read-only "
          "port, Consul without ACLs and with script checks, from their files",
          "[unit]") {
  zt::collector::CollectResult result;
  CHECK(findings_of("api-cluster-weak", &result) ==
        Set{"kubelet|kubelet_anonymous_access|critical|ANY|https://0.0.0.0:10250/",
            "kubelet|kubelet_read_only_port|high|GET|http://0.0.0.0:10255/pods",
            "consul|consul_acl_disabled|high|ANY|http://0.0.0.0:8500/v1/",
            "consul|consul_script_checks|critical|PUT|http://0.0.0.0:8500/v1/agent/check/register"});
  for (const auto& s : result.inventory.at("services"))
    if (s.at("api_type") == "consul")
      CHECK(s.at("settings").at("config_files") ==
            nlohmann::json{"/etc/consul.d/consul.hcl"});
}

TEST_CASE("host tree api-cluster-hardened: kubeadm's kubelet and Consul with ACLs that deny "
          "give no finding",
          "[unit]") {
  CHECK(findings_of("api-cluster-hardened").empty());
}
