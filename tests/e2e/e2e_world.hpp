#pragma once
// What every end-to-end test starts from: a real ingest (its own database on the test's
// PostgreSQL), one company with an enrollment token, and a fixture host root with findings
// in three categories; plus the questions the tests ask of the database.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/agent_process.hpp"
#include "tests/ingest/api/ingest_process.hpp"
#include "tests/support/temp_tree.hpp"

namespace zt::testing {

// The ingest's limits in these tests: no rate limit in the way, and heartbeats every 2 s so
// that the agent's metrics reach the database soon.
inline constexpr std::string_view kFastIngestLimits =
    "limits:\n  agent_requests_per_second: 10000\n  agent_burst: 10000\n"
    "  heartbeat_interval: 2s\n";

struct E2eWorld {
  explicit E2eWorld(std::string_view ingest_yaml = kFastIngestLimits, bool https = true);

  // An agent for this world: the ingest's url and CA, the enrollment token, the host root.
  AgentSetup agent_setup() const;
  // An agent row and its key, enrolled through the API, for tests that provision keys.
  AgentSetup provisioned_agent_setup();

  long long count(const std::string& sql) { return ingest.count(sql); }
  // The value of one series of the ingest's /metrics ("name{labels}"), 0 when absent.
  long long metric(const std::string& series);
  // The ingest's zerotrace_ingest_requests_total for `route` and `code`.
  long long answered(const std::string& route, int code);
  // One line per row of `sql`, its columns joined with " | ", in the query's order.
  std::vector<std::string> lines(const std::string& sql);

  IngestProcess ingest;
  std::string company;
  std::string token;
  test::TempTree host;
};

// `zerotrace-agent --once --format json` of `host_root`: the findings and packages the
// fixture implies, as the agent itself reports them.
nlohmann::json one_shot_report(const std::filesystem::path& host_root);

// "category | severity | title" of each finding of `report`, sorted.
std::vector<std::string> finding_lines(const nlohmann::json& report);

// The batches one scan cycle of `host_root` makes at `max_findings` per batch: a scan per
// collector, cut into parts of findings (and, for system, packages).
std::size_t batches_per_cycle(const std::filesystem::path& host_root, int max_findings);

// Runs the agent daemon of `setup` (one collector: one scan batch) until its batch is in the
// database and its spool is empty, then stops it; fails the test after a minute.
void upload_one_scan(E2eWorld& world, const AgentSetup& setup);

// Rows written twice: findings with the same fingerprint (impossible by the schema's unique
// index, checked anyway), and packages listed twice in one scan.
long long duplicated_rows(E2eWorld& world);

}  // namespace zt::testing
