#include "tests/ingest/api/ingest_process.hpp"

#include <catch2/catch.hpp>

#include <signal.h>

#include <regex>

#include "schema-client/model/wire_format.hpp"
#include "tests/schema-client/sample_batch.hpp"
#include "tests/support/postgres_cluster.hpp"

namespace zt::testing {

using namespace std::chrono_literals;

std::string ingest_binary() { return std::string(ZT_BINARY_DIR) + "/ingest/zerotrace-ingest"; }

IngestProcess::IngestProcess(const std::string& extra_yaml, bool https,
                             std::vector<std::string> env)
    : database_(test::shared_cluster().create_database()),
      owner_url_(test::shared_cluster().url(database_)),
      owner_(test::shared_cluster().conninfo(database_)),
      extra_yaml_(extra_yaml),
      https_(https),
      env_(std::move(env)) {
  start();
}

void IngestProcess::start() {
  const std::string tls =
      https_ ? "tls:\n  certificate_file: " + tls_.certificate().string() +
                   "\n  key_file: " + tls_.key().string() + "\n"
             : "tls:\n  enabled: false\n";
  const std::string config = tree_.write(
      "ingest.yaml",
      "listen:\n  address: 127.0.0.1\n  port: " + std::to_string(port_) + "\n" + tls +
      "database:\n  url: " + test::shared_cluster().url(database_, test::PostgresCluster::kIngestRole) +
      "\n  connections: 2\n" + extra_yaml_).string();
  server_ = std::make_unique<test::Child>(
      std::vector<std::string>{ingest_binary(), "--config", config, "serve"}, env_);
  if (!server_->wait_for_stderr("listening on http", 20s))
    FAIL("the ingest did not start listening; its stderr:\n" << server_->stderr_text());
  std::smatch match;
  const std::string& err = server_->stderr_text();
  REQUIRE(std::regex_search(err, match, std::regex("listening on https?://127\\.0\\.0\\.1:(\\d+)")));
  port_ = static_cast<unsigned short>(std::stoi(match[1]));
}

void IngestProcess::stop() {
  ::kill(server_->pid(), SIGTERM);
  REQUIRE(server_->wait_for_exit(20s) == 0);
  server_.reset();
}

std::string IngestProcess::base_url() const {
  return (https_ ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(port_);
}

AdminResult IngestProcess::admin(const std::vector<std::string>& args) const {
  std::vector<std::string> json_args = {"--format", "json"};
  json_args.insert(json_args.end(), args.begin(), args.end());
  const test::Completed done = admin_text(json_args);
  AdminResult result{done.exit_code, nlohmann::json::parse(done.out, nullptr, false), done.err};
  return result;
}

test::Completed IngestProcess::admin_text(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {ingest_binary(), "--database-url", owner_url_};
  argv.insert(argv.end(), args.begin(), args.end());
  return test::run_process(argv);
}

std::string IngestProcess::create_company(const std::string& name) const {
  const AdminResult r = admin({"company", "create", name});
  REQUIRE(r.exit_code == 0);
  return r.output.at("id").get<std::string>();
}

std::string IngestProcess::create_token(const std::string& company_id) const {
  const AdminResult r = admin({"token", "create", "--company", company_id});
  REQUIRE(r.exit_code == 0);
  return r.output.at("token").get<std::string>();
}

std::pair<std::string, std::string> IngestProcess::enroll(const std::string& token,
                                                          const std::string& hostname,
                                                          const nlohmann::json& identity) {
  model::AgentInfo info;
  info.name = info.hostname = hostname;
  info.version = "0.1.0";
  nlohmann::json body = {{"enrollment_token", token}, {"agent", model::to_json(info)}};
  if (!identity.is_null()) body["identity"] = identity;
  const test::HttpReply reply = post("/api/v1/enroll", body.dump());
  REQUIRE(reply.status == 201);
  const auto answer = nlohmann::json::parse(reply.body);
  return {answer.at("agent_id").get<std::string>(), answer.at("api_key").get<std::string>()};
}

test::HttpReply IngestProcess::post(const std::string& path, const std::string& body,
                                    const std::string& api_key,
                                    std::vector<std::string> headers) {
  if (!api_key.empty()) headers.push_back("Authorization: Bearer " + api_key);
  return test::http_request({"POST", base_url() + path,
                             headers, body, tls_.certificate().string(), 10s});
}

test::HttpReply IngestProcess::get(const std::string& path) {
  return test::http_request({"GET", base_url() + path, {},
                             "", tls_.certificate().string(), 10s});
}

long long IngestProcess::count(const std::string& sql) { return owner_.exec(sql).integer(0, 0); }

void IngestProcess::reconnect_owner() {
  owner_ = pg::Connection(test::shared_cluster().conninfo(database_));
}

}  // namespace zt::testing
