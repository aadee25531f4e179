#pragma once
// A running `zerotrace-ingest serve` for end-to-end tests: its own migrated database on the
// test process's PostgreSQL, a throwaway TLS certificate, a free port, the ingest role's
// login; plus the operator's commands (`company create`, `token create`, …) run as the real
// binary, and a small HTTPS client bound to the server.
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "schema-client/model/batch.hpp"
#include "schema-client/pg/connection.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/tls_files.hpp"

namespace zt::testing {

std::string ingest_binary();

// The result of an operator's command: exit code, and stdout as JSON when it parses.
struct AdminResult {
  int exit_code = -1;
  nlohmann::json output;
  std::string err;
};

class IngestProcess {
 public:
  // `extra_yaml` is appended to the generated configuration (e.g. a `limits:` section).
  // `https` false serves plain HTTP (for a test that must see the requests on the wire).
  // `env` ("KEY=value") is added to the server's environment.
  explicit IngestProcess(const std::string& extra_yaml = "", bool https = true,
                         std::vector<std::string> env = {});

  // Stops the server (SIGTERM, then waits for it), and starts it again on the same port.
  void stop();
  void start();
  // "https://127.0.0.1:<port>" (or http://).
  std::string base_url() const;

  AdminResult admin(const std::vector<std::string>& args) const;
  // The same with the text output (stdout as is).
  test::Completed admin_text(const std::vector<std::string>& args) const;
  std::string create_company(const std::string& name) const;
  std::string create_token(const std::string& company_id) const;
  // Enrolls through the API (with `identity` as "identity" unless null) and returns
  // {agent_id, api_key}.
  std::pair<std::string, std::string> enroll(const std::string& token,
                                             const std::string& hostname = "web-1",
                                             const nlohmann::json& identity = nullptr);

  test::HttpReply post(const std::string& path, const std::string& body,
                       const std::string& api_key = "",
                       std::vector<std::string> headers = {"Content-Type: application/json"});
  test::HttpReply get(const std::string& path);

  long long count(const std::string& sql);  // as the schema owner
  void reconnect_owner();  // after the test restarted PostgreSQL
  pg::Connection& owner() { return owner_; }
  const std::string& database() const { return database_; }
  unsigned short port() const { return port_; }
  const test::TlsFiles& tls() const { return tls_; }  // its certificate is the CA
  test::Child& server() { return *server_; }

 private:
  std::string database_;
  std::string owner_url_;
  pg::Connection owner_;
  test::TlsFiles tls_;
  test::TempTree tree_;
  std::string extra_yaml_;
  bool https_ = true;
  std::vector<std::string> env_;
  std::unique_ptr<test::Child> server_;
  unsigned short port_ = 0;  // 0 until the first start picked one
};

}  // namespace zt::testing
