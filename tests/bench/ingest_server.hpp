#pragma once
// A running `zerotrace-ingest serve` for the benchmark: TLS with a throwaway certificate, a
// free loopback port, the ingest role's login on the given migrated database of the shared
// cluster, database.connections 4, rate limits high enough never to refuse a batch and
// connections up to 100,000; plus
// the operator's commands run as the real binary, and enrollment over the API.
// Unlike tests/ingest/api/ingest_process.hpp it needs no Catch2: failures throw
// std::runtime_error, since the benchmark has nothing to measure then. One thread uses it
// (besides its own, which reads the server's log).
#include <sys/types.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "schema-client/model/batch.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/tls_files.hpp"

namespace zt::bench {

inline constexpr std::size_t kIngestConnections = 4;

struct EnrolledAgent {
  std::string id;
  std::string key;  // the api key
  model::AgentInfo info;
};

// <build>/ingest/zerotrace-ingest, for a benchmark at <build>/tests/bench/.
std::string default_ingest_binary();

class IngestServer {
 public:
  IngestServer(std::string binary, const std::string& database);

  // `zerotrace-ingest --database-url <owner> --format json ARGS…`; its output.
  nlohmann::json admin(std::vector<std::string> args) const;
  EnrolledAgent enroll(const std::string& token, const model::AgentInfo& info) const;

  std::string url(std::string_view path) const;
  std::uint16_t port() const { return static_cast<std::uint16_t>(std::stoi(port_)); }
  std::string ca_file() const { return tls_.certificate().string(); }
  pid_t pid() const { return child_->pid(); }

 private:
  std::string binary_;
  std::string owner_url_;
  test::TlsFiles tls_;
  test::TempTree tree_;
  std::unique_ptr<test::Child> child_;
  std::string port_;
  // Reads the server's log as it comes, so that it never blocks on a full pipe (it logs a
  // line per enrollment). Declared last: it stops before the child goes.
  std::jthread log_reader_;
};

}  // namespace zt::bench
