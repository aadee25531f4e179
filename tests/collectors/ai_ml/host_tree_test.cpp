// The collector on host trees (host root not "/": no live check ever runs): ai-weak, where
// every finding type that needs no live answer fires once or more, and ai-hardened, the same
// host made safe, with no finding. Each tree's README says what it holds.
#include <catch2/catch.hpp>
#include <set>

#include "collectors/ai_ml/ai_ml_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/temp_tree.hpp"

using zt::collector::CollectResult;
using Set = std::set<std::string>;

namespace {

CollectResult collect_tree(const std::filesystem::path& root) {
  auto collector = zt::ai_ml::descriptor().make(zt::test::options_of(zt::ai_ml::descriptor()));
  return zt::test::collect_at(*collector, root);
}

// "model_name|finding_type|severity" of every finding.
Set findings(const CollectResult& result) {
  Set out;
  for (const auto& f : result.findings)
    out.insert(f.fields.at("model_name").get<std::string>() + "|" +
               f.fields.at("finding_type").get<std::string>() + "|" +
               std::string(zt::model::to_string(f.severity)));
  return out;
}

const std::string kClaude = "/home/ann/.config/Claude/claude_desktop_config.json";
const std::string kVsCode = "/home/ann/src/app/.vscode/mcp.json";
const std::string kHub = "/srv/hf/hub/models--acme--sentiment/snapshots/0123abcd/pytorch_model.bin";

}  // namespace

TEST_CASE(
    "host tree ai-weak: servers open to the network, pickles that run code, MCP "
    "servers with credentials, shells and the whole filesystem",
    "[unit]") {
  const CollectResult result = collect_tree(zt::test::fixture_host("ai-weak"));
  CHECK(result.problems.empty());
  CHECK(findings(result) ==
        Set{"Jupyter 0.0.0.0:8888|jupyter_no_auth|critical",
            "Jupyter 0.0.0.0:8888|jupyter_allow_origin_any|medium",
            "Jupyter 127.0.0.1:8889|jupyter_runs_as_root|medium",
            "Ollama 0.0.0.0:11434|ollama_exposed|high",
            "vLLM 0.0.0.0:8000|model_api_without_key|high",
            "Ray dashboard 0.0.0.0:8265|ml_service_exposed|critical",
            "/home/ann/models/evil.pkl|pickle_code_execution|critical",
            "/home/ann/models/custom.pkl|pickle_unknown_import|low",
            "/home/ann/models/objects.npy|pickle_code_execution|critical",
            kHub + "|pickle_code_execution|critical", kClaude + "#github|mcp_secret_in_config|high",
            kClaude + "#fs|mcp_filesystem_root|high", kClaude + "#shell|mcp_shell_access|high",
            kClaude + "#remote|mcp_remote_plain_http|medium",
            kVsCode + "#files|mcp_filesystem_root|medium",
            kVsCode + "#db|mcp_secret_in_config|high"});

  for (const auto& f : result.findings) {
    const std::string type = f.fields.at("finding_type");
    // No credential leaves the host: its evidence is a masked prefix and a hash.
    const std::string text = f.metadata.dump() + f.title + f.description;
    CHECK(text.find("R8x2ZTestOnly") == std::string::npos);
    CHECK(text.find("s3cretpass") == std::string::npos);
    if (f.fields.at("model_name") == kHub) {
      CHECK(f.fields.at("model_version") == "0123abcd");
      CHECK(f.fields.at("framework") == "PyTorch");
      CHECK(f.metadata.at("repo") == "acme/sentiment");
      CHECK(f.metadata.at("imports").at(0).at("entry") == "pytorch_model/data.pkl");
    }
    if (type == "mcp_secret_in_config" && f.fields.at("model_name") == kClaude + "#github")
      CHECK(f.metadata.at("secrets") ==
            nlohmann::json::parse(
                R"([{"in": "env", "name": "GITHUB_PERSONAL_ACCESS_TOKEN",
                "evidence": {"masked": "ghp_…", "hash": ")" +
                f.metadata.at("secrets")[0].at("evidence").at("hash").get<std::string>() +
                R"("}}])"));
  }
  const auto& inventory = result.inventory;
  CHECK(inventory.at("services").size() == 6);
  CHECK(inventory.at("files_without_code") == nlohmann::json{{"safetensors", 1}});
  CHECK(inventory.at("live_checks").at("enabled") == false);
}

TEST_CASE("host tree ai-hardened: the same kinds of things, made safe, give no finding", "[unit]") {
  const CollectResult result = collect_tree(zt::test::fixture_host("ai-hardened"));
  CHECK(result.problems.empty());
  CHECK(findings(result).empty());
  const auto& inventory = result.inventory;
  Set products;
  for (const auto& s : inventory.at("services")) products.insert(s.at("product"));
  CHECK(products == Set{"Jupyter", "Ollama", "vLLM"});
  Set files;
  for (const auto& m : inventory.at("model_files"))
    files.insert(m.at("path").get<std::string>() + "|" + m.at("format").get<std::string>() + "|" +
                 m.at("framework").get<std::string>());
  CHECK(files == Set{kHub + "|pytorch|PyTorch", "/home/ann/models/state.pkl|pickle|PyTorch",
                     "/home/ann/models/weights.npy|numpy|NumPy",
                     "/home/ann/models/model.safetensors|safetensors|safetensors",
                     "/home/ann/models/tiny.gguf|gguf|GGUF"});
  CHECK(inventory.at("mcp_configs").at(0).at("servers").size() == 3);
}

TEST_CASE("scan_files and check_services off: nothing walked, no server looked at", "[unit]") {
  auto collector = zt::ai_ml::descriptor().make(zt::test::options_of(
      zt::ai_ml::descriptor(), {{"scan_files", false}, {"check_services", false}}));
  const CollectResult result = zt::test::collect_at(*collector, zt::test::fixture_host("ai-weak"));
  CHECK(result.findings.empty());
  CHECK(result.inventory.at("model_files").empty());
  CHECK(result.inventory.at("services").empty());
}
