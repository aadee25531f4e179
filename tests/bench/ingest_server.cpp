#include "tests/bench/ingest_server.hpp"

#include <filesystem>
#include <regex>
#include <stdexcept>

#include "schema-client/model/wire_format.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/postgres_cluster.hpp"

namespace zt::bench {

using namespace std::chrono_literals;
using nlohmann::json;

std::string default_ingest_binary() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return (self.parent_path().parent_path().parent_path() / "ingest/zerotrace-ingest").string();
}

IngestServer::IngestServer(std::string binary, const std::string& database)
    : binary_(std::move(binary)), owner_url_(test::shared_cluster().url(database)) {
  const std::string config = tree_.write(
      "ingest.yaml",
      "listen:\n  address: 127.0.0.1\n  port: 0\n"
      "tls:\n  certificate_file: " + tls_.certificate().string() +
      "\n  key_file: " + tls_.key().string() + "\n"
      "database:\n  url: " +
      test::shared_cluster().url(database, test::PostgresCluster::kIngestRole) +
      "\n  connections: " + std::to_string(kIngestConnections) + "\n"
      // The benchmark measures writing, not the per-agent rate limit; bodies may be large
      // when --findings is; the fleet simulator may keep a connection per agent open.
      "limits:\n  agent_requests_per_second: 1000\n  agent_burst: 1000\n"
      "  max_connections: 100000\n"
      "  max_body_bytes: 268435456\n  max_decompressed_bytes: 268435456\n").string();
  child_ = std::make_unique<test::Child>(
      std::vector<std::string>{binary_, "--config", config, "serve"});
  std::smatch port;
  if (!child_->wait_for_stderr("listening on https://127.0.0.1:", 20s) ||
      !std::regex_search(child_->stderr_text(), port,
                         std::regex("listening on https://127\\.0\\.0\\.1:(\\d+)")))
    throw std::runtime_error(binary_ + " serve did not start: " + child_->stderr_text());
  port_ = port[1];
  log_reader_ = std::jthread([child = child_.get()](const std::stop_token& stop) {
    while (!stop.stop_requested()) {
      child->drain();
      std::this_thread::sleep_for(100ms);
    }
  });
}

json IngestServer::admin(std::vector<std::string> args) const {
  const std::string what = args.empty() ? "" : args.front();
  args.insert(args.begin(), {binary_, "--database-url", owner_url_, "--format", "json"});
  const test::Completed done = test::run_process(args);
  json output = json::parse(done.out, nullptr, false);
  if (done.exit_code != 0 || !output.is_object())
    throw std::runtime_error("zerotrace-ingest " + what + " failed: " + done.err);
  return output;
}

EnrolledAgent IngestServer::enroll(const std::string& token, const model::AgentInfo& info) const {
  const json body = {{"enrollment_token", token}, {"agent", model::to_json(info)}};
  const test::HttpReply reply =
      test::http_request({"POST", url("/api/v1/enroll"), {"Content-Type: application/json"},
                          body.dump(), ca_file(), 30s});
  const json answer = json::parse(reply.body, nullptr, false);
  if (reply.status != 201 || !answer.is_object())
    throw std::runtime_error("enrollment failed: " + std::to_string(reply.status) + " " +
                             reply.error + reply.body);
  return {answer.at("agent_id").get<std::string>(), answer.at("api_key").get<std::string>(),
          info};
}

std::string IngestServer::url(std::string_view path) const {
  return "https://127.0.0.1:" + port_ + std::string(path);
}

}  // namespace zt::bench
