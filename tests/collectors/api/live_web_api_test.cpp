// The collector on this machine (host root "/") against two HTTP APIs of an application on
// every interface (web_api_server.py, Python's http.server): one that serves its OpenAPI
// document to anyone and echoes any Origin with credentials, one that asks for credentials.
// Python's urllib is the oracle of what each serves. Only the test's ports are looked at.
#include <catch2/catch.hpp>
#include <memory>
#include <set>

#include "collectors/api/api_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/loopback.hpp"
#include "tests/support/process.hpp"

using namespace std::chrono_literals;
using Set = std::set<std::string>;

namespace {

constexpr const char* kServer = ZT_SOURCE_DIR "/tests/collectors/api/web_api_server.py";

class WebApi {
 public:
  explicit WebApi(const std::string& mode) {
    port_ = zt::test::start_on_free_port([&](unsigned short port) {
      child_ = std::make_unique<zt::test::Child>(
          std::vector<std::string>{"/usr/bin/python3", kServer, std::to_string(port), mode});
      return zt::test::wait_for_child_port(*child_, port, 60s);
    });
  }
  unsigned short port() const { return port_; }

 private:
  std::unique_ptr<zt::test::Child> child_;
  unsigned short port_ = 0;
};

// The status urllib gets for /openapi.json.
std::string oracle_status(unsigned short port) {
  return zt::test::run_process(
             {"/usr/bin/python3", "-c",
              "import sys, urllib.request, urllib.error\n"
              "try:\n"
              "    print(urllib.request.urlopen(f'http://127.0.0.1:{sys.argv[1]}/openapi.json')"
              ".status)\n"
              "except urllib.error.HTTPError as e:\n"
              "    print(e.code)\n",
              std::to_string(port)})
      .out;
}

}  // namespace

TEST_CASE("live api: an application's OpenAPI document served to anyone and CORS that trusts "
          "any origin with credentials, and one that asks for credentials",
          "[integration]") {
  WebApi open("open");
  WebApi closed("closed");
  REQUIRE(oracle_status(open.port()) == "200\n");
  REQUIRE(oracle_status(closed.port()) == "401\n");

  auto collector = zt::api::descriptor().make(
      zt::test::options_of(zt::api::descriptor(), {{"http_api_probes", 1024}}));
  const auto result = zt::test::collect_at(*collector, "/", std::stop_token{}, 60s);
  Set found;
  for (const auto& f : result.findings) {
    const std::string endpoint = f.fields.at("endpoint");
    for (unsigned short port : {open.port(), closed.port()})
      if (endpoint.find(":" + std::to_string(port) + "/") != std::string::npos)
        found.insert(f.fields.at("api_type").get<std::string>() + "|" +
                     f.fields.at("finding_type").get<std::string>() + "|" +
                     std::string(zt::model::to_string(f.severity)) + "|" +
                     f.fields.at("method").get<std::string>() + "|" + endpoint);
  }
  const std::string base = "http://0.0.0.0:" + std::to_string(open.port());
  CHECK(found == Set{"http_api|openapi_document_public|medium|GET|" + base + "/openapi.json",
                     "http_api|cors_any_origin_with_credentials|high|ANY|" + base + "/"});
}
