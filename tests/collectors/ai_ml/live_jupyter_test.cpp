// The collector on this machine (host root "/") against two real Jupyter Notebook servers
// (Debian's jupyter-notebook) on loopback, started by the test as root (hence --allow-root):
// one with an empty token, one with a token. The live GET /api/kernels decides; Python's
// urllib, asking the same question, is the oracle. Only the test's ports are looked at.
#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <set>

#include "collectors/ai_ml/ai_ml_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/loopback.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using namespace std::chrono_literals;
using zt::collector::CollectResult;
using Set = std::set<std::string>;

namespace {

constexpr const char* kJupyter = "/usr/bin/jupyter-notebook";

// A Jupyter Notebook server with its config, data and runtime folders in a temporary directory.
class NotebookServer {
 public:
  explicit NotebookServer(const std::string& token) {
    port_ = zt::test::start_on_free_port([&](unsigned short port) {
      const std::string home = dir_.root().string();
      child_ = std::make_unique<zt::test::Child>(
          std::vector<std::string>{kJupyter, "--no-browser", "--allow-root", "--ip=127.0.0.1",
                                   "--port=" + std::to_string(port), "--port-retries=0",
                                   "--NotebookApp.token=" + token, "--notebook-dir=" + home},
          std::vector<std::string>{"HOME=" + home, "JUPYTER_CONFIG_DIR=" + home + "/config",
                                   "JUPYTER_DATA_DIR=" + home + "/data",
                                   "JUPYTER_RUNTIME_DIR=" + home + "/runtime"});
      return zt::test::wait_for_child_port(*child_, port, 120s);
    });
  }
  unsigned short port() const { return port_; }

 private:
  zt::test::TempTree dir_;
  std::unique_ptr<zt::test::Child> child_;
  unsigned short port_ = 0;
};

// The status Python's urllib gets for GET /api/kernels without credentials.
std::string oracle_status(unsigned short port) {
  const auto done = zt::test::run_process(
      {"/usr/bin/python3", "-c",
       "import sys, urllib.request, urllib.error\n"
       "try:\n"
       "    print(urllib.request.urlopen(f'http://127.0.0.1:{sys.argv[1]}/api/kernels').status)\n"
       "except urllib.error.HTTPError as e:\n"
       "    print(e.code)\n",
       std::to_string(port)});
  return done.out;
}

}  // namespace

TEST_CASE("live Jupyter: a server with an empty token is open, one with a token is not",
          "[integration]") {
  REQUIRE(std::filesystem::exists(kJupyter));
  NotebookServer open("");
  NotebookServer guarded("zt-test-token-0f3a9c");
  REQUIRE(oracle_status(open.port()) == "200\n");
  REQUIRE(oracle_status(guarded.port()) == "403\n");

  auto collector = zt::ai_ml::descriptor().make(
      zt::test::options_of(zt::ai_ml::descriptor(), {{"scan_files", false}}));
  const CollectResult result = zt::test::collect_at(*collector, "/", std::stop_token{}, 60s);
  const std::string o = "Jupyter 127.0.0.1:" + std::to_string(open.port());
  const std::string g = "Jupyter 127.0.0.1:" + std::to_string(guarded.port());
  CHECK(zt::test::findings_on_port(result, "model_name", open.port()) ==
        Set{o + "|jupyter_no_auth|high", o + "|jupyter_runs_as_root|medium"});
  CHECK(zt::test::findings_on_port(result, "model_name", guarded.port()) ==
        Set{g + "|jupyter_runs_as_root|medium"});

  // The inventory shows what each live check got.
  Set checks;
  for (const auto& s : result.inventory.at("services")) {
    if (s.at("product") != "Jupyter" || s.at("live_check").is_null()) continue;
    const std::string target = s.at("live_check").at("target");
    if (target.ends_with(":" + std::to_string(open.port())) ||
        target.ends_with(":" + std::to_string(guarded.port())))
      checks.insert(target + " " + s.at("live_check").at("outcome").get<std::string>());
  }
  CHECK(checks ==
        Set{"127.0.0.1:" + std::to_string(open.port()) + " listed 0 kernels without credentials",
            "127.0.0.1:" + std::to_string(guarded.port()) + " asks for credentials"});
}
