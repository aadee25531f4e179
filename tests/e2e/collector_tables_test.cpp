// Collectors end to end (iot_ot, api, web3, ai_ml): the agent daemon runs one collector on a fixture
// host and uploads; its findings are rows of the collector's table whose columns (and
// severity) equal what the one-shot report of the same tree says, and the report holds exactly
// the fixture's findings. The host root is not "/", so no live check runs in either.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "tests/e2e/e2e_world.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::testing;
using Set = std::set<std::string>;

namespace {

// The collector's findings in the one-shot report of `host`: its `fields` ("" when a finding
// has none), then severity, joined with " | ".
Set one_shot_rows(const std::string& collector, const std::filesystem::path& host,
                  const std::vector<std::string>& fields) {
  const zt::test::Completed done =
      zt::test::run_process({agent_binary(), "--once", "--format", "json", "--collectors",
                             collector, "--host-root", host.string()});
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  const nlohmann::json report = nlohmann::json::parse(done.out);
  Set out;
  for (const nlohmann::json& f : report.at("findings")) {
    std::string row;
    for (const std::string& field : fields)
      row += f.at("fields").value(field, "") + " | ";
    out.insert(row + f.at("severity").get<std::string>());
  }
  return out;
}

// The rows of `table` after the daemon ran `collector` on `host` once: `fields` (NULL as ""),
// severity.
Set uploaded_rows(const std::string& collector, const std::filesystem::path& host,
                  const std::string& table, const std::vector<std::string>& fields) {
  E2eWorld world;
  AgentSetup setup = world.agent_setup();
  setup.host_root = host;
  setup.only_collector = collector;
  upload_one_scan(world, setup);
  std::string columns;
  for (const std::string& field : fields) columns += "coalesce(" + field + ", ''), ";
  const auto rows = world.lines("SELECT " + columns + "severity FROM " + table);
  return Set(rows.begin(), rows.end());
}

}  // namespace

TEST_CASE("e2e: iot_ot findings in iot_ot_findings equal the one-shot report of the same tree",
          "[integration]") {
  const auto host = zt::test::fixture_host("iot-weak");
  const std::vector<std::string> fields = {"device_type", "device_id", "protocol",
                                           "finding_type"};
  const Set reported = one_shot_rows("iot_ot", host, fields);
  CHECK(reported == Set{"MQTT broker | 0.0.0.0:1883 | mqtt | mqtt_anonymous_allowed | high",
                        "MQTT broker | 0.0.0.0:1883 | mqtt | mqtt_listener_without_tls | medium",
                        "MQTT broker | 0.0.0.0:1883 | mqtt | mqtt_acl_missing | medium",
                        "MQTT broker | 10.0.0.5:8883 | mqtt | mqtt_anonymous_allowed | high",
                        "MQTT broker | 10.0.0.5:8883 | mqtt | mqtt_acl_missing | medium",
                        "MQTT broker | 0.0.0.0:1884 | mqtt | mqtt_listener_without_tls | medium",
                        "Node-RED editor | 0.0.0.0:1880 | http | node_red_no_admin_auth | critical",
                        "PLC gateway | 0.0.0.0:1502 | modbus | industrial_protocol_exposed | "
                        "critical"});
  CHECK(uploaded_rows("iot_ot", host, "iot_ot_findings", fields) == reported);
}

TEST_CASE("e2e: api findings in api_findings equal the one-shot report of the same tree",
          "[integration]") {
  const auto host = zt::test::fixture_host("api-weak");
  const std::vector<std::string> fields = {"api_type", "endpoint", "method", "finding_type"};
  const Set reported = one_shot_rows("api", host, fields);
  CHECK(reported ==
        Set{"etcd | https://0.0.0.0:2379 | ANY | etcd_client_without_cert_auth | high",
            "prometheus | http://0.0.0.0:9090/ | GET | prometheus_unauthenticated | high",
            "prometheus | http://0.0.0.0:9090/api/v1/admin/tsdb | POST | prometheus_admin_api | "
            "critical",
            "prometheus | http://0.0.0.0:9090/-/quit | POST | prometheus_lifecycle_api | high",
            "metrics_exporter | http://0.0.0.0:9100/metrics | GET | metrics_endpoint_exposed | "
            "medium"});
  CHECK(uploaded_rows("api", host, "api_findings", fields) == reported);
}

TEST_CASE("e2e: web3 findings in web3_findings equal the one-shot report of the same tree",
          "[integration]") {
  const auto host = zt::test::fixture_host("web3-weak");
  const std::vector<std::string> fields = {"finding_type", "network"};
  const Set reported = one_shot_rows("web3", host, fields);
  CHECK(reported == Set{"eth_keystore_weak_kdf |  | high", "eth_keystore | sepolia | low",
                        "node_rpc_dangerous_api_exposed | mainnet | critical",
                        "node_unlocked_account | mainnet | high"});
  CHECK(uploaded_rows("web3", host, "web3_findings", fields) == reported);
}

TEST_CASE("e2e: ai_ml findings in ai_ml_findings equal the one-shot report of the same tree",
          "[integration]") {
  const auto host = zt::test::fixture_host("ai-weak");
  const std::vector<std::string> fields = {"model_name", "model_version", "framework",
                                           "finding_type"};
  const std::string claude = "/home/ann/.config/Claude/claude_desktop_config.json#";
  const std::string vscode = "/home/ann/src/app/.vscode/mcp.json#";
  const Set reported = one_shot_rows("ai_ml", host, fields);
  CHECK(reported ==
        Set{"Jupyter 0.0.0.0:8888 |  | Jupyter | jupyter_no_auth | critical",
            "Jupyter 0.0.0.0:8888 |  | Jupyter | jupyter_allow_origin_any | medium",
            "Jupyter 127.0.0.1:8889 |  | Jupyter | jupyter_runs_as_root | medium",
            "Ollama 0.0.0.0:11434 |  | Ollama | ollama_exposed | high",
            "vLLM 0.0.0.0:8000 |  | vLLM | model_api_without_key | high",
            "Ray dashboard 0.0.0.0:8265 |  | Ray dashboard | ml_service_exposed | critical",
            "/home/ann/models/evil.pkl |  | pickle | pickle_code_execution | critical",
            "/home/ann/models/custom.pkl |  | pickle | pickle_unknown_import | low",
            "/home/ann/models/objects.npy |  | NumPy | pickle_code_execution | critical",
            "/srv/hf/hub/models--acme--sentiment/snapshots/0123abcd/pytorch_model.bin | "
            "0123abcd | PyTorch | pickle_code_execution | critical",
            claude + "github |  | MCP | mcp_secret_in_config | high",
            claude + "fs |  | MCP | mcp_filesystem_root | high",
            claude + "shell |  | MCP | mcp_shell_access | high",
            claude + "remote |  | MCP | mcp_remote_plain_http | medium",
            vscode + "files |  | MCP | mcp_filesystem_root | medium",
            vscode + "db |  | MCP | mcp_secret_in_config | high"});
  CHECK(uploaded_rows("ai_ml", host, "ai_ml_findings", fields) == reported);
}
