// The ingest benchmark: findings per second written through `zerotrace-ingest serve` (batches
// over HTTPS on loopback, one keep-alive connection per agent, all agents at once), beside raw
// COPY of the same rows into the same tables, in the same run on the same PostgreSQL; the
// batch latencies, the ingest's peak RSS, and a check that the databases hold every row sent.
// Not a test (no ctest): scripts/bench-ingest.sh builds and runs it.
//
// Usage: zt_bench_ingest [--agents N] [--batches N] [--findings N] [--ingest PATH]
// Exit status: 0; 1 when a request or a COPY failed or a row count differs; CLI11's on bad
// arguments.
#include <CLI/CLI.hpp>
#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <latch>
#include <thread>

#include "schema-client/model/uuid.hpp"
#include "schema-client/model/wire_format.hpp"
#include "schema-client/pg/connection.hpp"
#include "tests/bench/figures.hpp"
#include "tests/bench/ingest_server.hpp"
#include "tests/bench/workload.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/postgres_cluster.hpp"

namespace zt::bench {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Options {
  int agents = 4;
  int batches = 10;
  int findings = 1000;
  std::string ingest;  // the zerotrace-ingest binary
};

// One worker's step `i`: "" when it succeeded, else what went wrong.
using Step = std::function<std::string(int)>;

struct Timing {
  double seconds = 0;
  std::vector<double> latencies_ms;
  std::string error;  // the first failure, if any
};

// Runs every worker on its own thread, all released at once; each does `steps` steps, and
// stops at its first failure. The clock runs from the release to the last worker's end.
Timing run_at_once(const std::vector<Step>& workers, int steps) {
  std::latch start(static_cast<std::ptrdiff_t>(workers.size()) + 1);
  std::vector<std::vector<double>> latencies(workers.size());
  std::vector<std::string> errors(workers.size());
  Timing timing;
  Clock::time_point begin;
  {
    std::vector<std::jthread> threads;
    for (std::size_t w = 0; w < workers.size(); ++w)
      threads.emplace_back([&, w] {
        start.arrive_and_wait();
        for (int i = 0; i < steps && errors[w].empty(); ++i) {
          const auto t0 = Clock::now();
          errors[w] = workers[w](i);
          const std::chrono::duration<double, std::milli> took = Clock::now() - t0;
          latencies[w].push_back(took.count());
        }
      });
    start.arrive_and_wait();
    begin = Clock::now();
  }  // joins
  timing.seconds = std::chrono::duration<double>(Clock::now() - begin).count();
  for (std::size_t w = 0; w < workers.size(); ++w) {
    timing.latencies_ms.insert(timing.latencies_ms.end(), latencies[w].begin(), latencies[w].end());
    if (timing.error.empty() && !errors[w].empty()) timing.error = errors[w];
  }
  return timing;
}

// Everything the client does apart from sending happens before the clock starts: bodies
// serialized, connections open (TLS handshake made by a first GET /healthz).
Timing endpoint_run(const IngestServer& server, const std::vector<EnrolledAgent>& agents,
                    const Options& options, std::atomic<long>& reconnects,
                    std::size_t& body_bytes) {
  std::vector<Step> workers;
  for (const EnrolledAgent& agent : agents) {
    auto calls = std::make_shared<std::vector<test::HttpCall>>();
    for (int b = 0; b < options.batches; ++b) {
      calls->push_back({"POST", server.url("/api/v1/batches"),
                        {"Content-Type: application/json", "Authorization: Bearer " + agent.key},
                        model::serialize(make_batch(agent.id, agent.info, b, options.findings)),
                        server.ca_file(), 600s});
      body_bytes = calls->back().body.size();
    }
    auto client = std::make_shared<test::HttpClient>();
    if (client->request({"GET", server.url("/healthz"), {}, "", server.ca_file()}).status != 200)
      throw std::runtime_error("GET /healthz failed");
    workers.push_back([calls, client, &reconnects, expected = options.findings](int i) {
      const test::HttpReply reply = client->request((*calls)[i]);
      reconnects += reply.connects;
      const json answer = json::parse(reply.body, nullptr, false);
      if (reply.status != 200 || !answer.is_object() || answer.value("result", "") != "written" ||
          answer.value("findings_written", -1) != expected)
        return "batch answered " + std::to_string(reply.status) + " " + reply.error + reply.body;
      return std::string();
    });
  }
  return run_at_once(workers, options.batches);
}

std::string command(PGconn* conn, const char* sql) {
  PGresult* result = PQexec(conn, sql);
  std::string error;
  if (PQresultStatus(result) != PGRES_COMMAND_OK)
    error = std::string(sql) + ": " + PQerrorMessage(conn);
  PQclear(result);
  return error;
}

// One batch as one transaction: a COPY into vulnerabilities_v2, then one per category table.
std::string copy_batch(PGconn* conn, const std::vector<CopyStep>& steps) {
  if (std::string error = command(conn, "BEGIN"); !error.empty()) return error;
  for (const CopyStep& step : steps) {
    PGresult* started = PQexec(conn, step.statement.c_str());
    const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
    PQclear(started);
    if (!copying ||
        PQputCopyData(conn, step.data.data(), static_cast<int>(step.data.size())) != 1 ||
        PQputCopyEnd(conn, nullptr) != 1)
      return step.statement + ": " + PQerrorMessage(conn);
    std::string error;
    while (PGresult* done = PQgetResult(conn)) {
      if (PQresultStatus(done) != PGRES_COMMAND_OK) error = PQresultErrorMessage(done);
      PQclear(done);
    }
    if (!error.empty()) return step.statement + ": " + error;
  }
  return command(conn, "COMMIT");
}

// The same workload as raw COPY, as the superuser, one connection per agent. The company,
// agent and scan rows are made before the clock starts, as enrollment made them for the
// endpoint.
Timing copy_run(const std::string& database, const Options& options) {
  const std::string conninfo = test::shared_cluster().conninfo(database);
  pg::Connection setup(conninfo);
  const std::string company = model::new_uuid();
  setup.exec("INSERT INTO companies (id, name) VALUES ($1::uuid, 'bench-copy')",
             {pg::param(company)});
  std::vector<Step> workers;
  for (int a = 0; a < options.agents; ++a) {
    const EnrolledAgent agent{model::new_uuid(), {}, agent_info(a)};  // enrolled by hand
    setup.exec("INSERT INTO agents (id, company_id, name, hostname, version, os, status)"
               " VALUES ($1::uuid, $2::uuid, $3, $3, $4, $5, 'online')",
               {pg::param(agent.id), pg::param(company), pg::param(agent.info.name),
                pg::param(agent.info.version), pg::param(agent.info.os)});
    auto batches = std::make_shared<std::vector<std::vector<CopyStep>>>();
    for (int b = 0; b < options.batches; ++b) {
      const model::Batch batch = make_batch(agent.id, agent.info, b, options.findings);
      const std::string started = model::format_timestamp(batch.scan.start_time);
      setup.exec("INSERT INTO scans (id, company_id, agent_id, scan_type, status, progress,"
                 " start_time, end_time) VALUES ($1::uuid, $2::uuid, $3::uuid, $4,"
                 " 'completed', 100, $5::timestamptz, $5::timestamptz)",
                 {pg::param(batch.scan.id), pg::param(company), pg::param(agent.id),
                  pg::param(batch.scan.scan_type), pg::param(started)});
      batches->push_back(copy_steps(batch, company, agent.id));
    }
    std::shared_ptr<PGconn> conn(PQconnectdb(conninfo.c_str()), &PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK)
      throw std::runtime_error(std::string("cannot connect: ") + PQerrorMessage(conn.get()));
    workers.push_back([conn, batches](int i) { return copy_batch(conn.get(), (*batches)[i]); });
  }
  return run_at_once(workers, options.batches);
}

struct RowCounts {
  std::int64_t unified = 0;
  std::int64_t category = 0;  // linked to a unified row
};

RowCounts count_rows(const std::string& database) {
  pg::Connection connection(test::shared_cluster().conninfo(database));
  std::string category = "0";
  for (const model::Category c : kCategories)
    category += " + (SELECT count(*) FROM " + std::string(model::spec(c).table) +
                " WHERE vulnerability_id IS NOT NULL)";
  const pg::Rows rows =
      connection.exec("SELECT (SELECT count(*) FROM vulnerabilities_v2), " + category);
  return {rows.integer(0, 0), rows.integer(0, 1)};
}

void checkpoint(const std::string& database) {
  pg::Connection(test::shared_cluster().conninfo(database)).exec("CHECKPOINT");
}

void print_timing(const char* what, const Timing& t, std::int64_t findings) {
  std::printf("  %lld findings in %.2f s: %.0f findings/s\n", static_cast<long long>(findings),
              t.seconds, static_cast<double>(findings) / t.seconds);
  std::printf("  %s batch latency  p50 %.1f ms  p99 %.1f ms  (of %zu batches)\n", what,
              percentile(t.latencies_ms, 0.50), percentile(t.latencies_ms, 0.99),
              t.latencies_ms.size());
}

bool print_counts(const char* what, const RowCounts& counts, std::int64_t expected) {
  const bool ok = counts.unified == expected && counts.category == expected;
  std::printf("  %-9s vulnerabilities_v2 %lld of %lld, category rows %lld of %lld: %s\n", what,
              static_cast<long long>(counts.unified), static_cast<long long>(expected),
              static_cast<long long>(counts.category), static_cast<long long>(expected),
              ok ? "ok" : "MISMATCH");
  return ok;
}

int run(const Options& options) {
  test::PostgresCluster& cluster = test::shared_cluster();
  const std::int64_t total =
      static_cast<std::int64_t>(options.agents) * options.batches * options.findings;

  const std::string endpoint_db = cluster.create_database();
  IngestServer server(options.ingest, endpoint_db);
  const std::string company =
      server.admin({"company", "create", "bench"}).at("id").get<std::string>();
  const std::string token =
      server.admin({"token", "create", "--company", company}).at("token").get<std::string>();
  std::vector<EnrolledAgent> agents;
  for (int a = 0; a < options.agents; ++a) agents.push_back(server.enroll(token, agent_info(a)));
  checkpoint(endpoint_db);
  std::atomic<long> reconnects = 0;
  std::size_t body_bytes = 0;
  const Timing endpoint = endpoint_run(server, agents, options, reconnects, body_bytes);
  const double rss = peak_rss_mib(server.pid());
  const RowCounts endpoint_rows = count_rows(endpoint_db);

  const std::string copy_db = cluster.create_database();
  checkpoint(copy_db);
  const Timing copy = copy_run(copy_db, options);
  const RowCounts copy_rows = count_rows(copy_db);

  const pg::Rows settings = pg::Connection(cluster.conninfo(copy_db))
                                .exec("SELECT current_setting('server_version'),"
                                      " current_setting('fsync'),"
                                      " current_setting('synchronous_commit'),"
                                      " current_setting('full_page_writes')");
  std::printf("ZeroTrace ingest benchmark\n");
  std::printf("  workload  %d agents x %d batches x %d findings = %lld findings, categories"
              " system/network/auth/database/container in turn, all new fingerprints (inserts);"
              " batch body %.0f KiB of JSON\n",
              options.agents, options.batches, options.findings, static_cast<long long>(total),
              static_cast<double>(body_bytes) / 1024.0);
  std::printf("  postgres  %s, throwaway cluster: fsync=%s synchronous_commit=%s"
              " full_page_writes=%s (NOT durable: both rates are upper bounds)\n",
              std::string(settings.text(0, 0)).c_str(), std::string(settings.text(0, 1)).c_str(),
              std::string(settings.text(0, 2)).c_str(), std::string(settings.text(0, 3)).c_str());
  std::printf("  machine   %u cores, shared by this client, the ingest and PostgreSQL\n",
              std::thread::hardware_concurrency());
  std::printf("endpoint: zerotrace-ingest serve, HTTPS on loopback, %d keep-alive connections,"
              " database.connections %zu\n", options.agents, kIngestConnections);
  print_timing("endpoint", endpoint, total);
  std::printf("  ingest peak RSS (VmHWM) %.1f MiB; connections reopened during the run: %ld\n",
              rss, reconnects.load());
  std::printf("COPY: libpq COPY FROM STDIN as superuser, %d connections, one transaction per"
              " batch (vulnerabilities_v2 + each category table)\n", options.agents);
  print_timing("COPY", copy, total);
  std::printf("ratio endpoint/COPY: %.3f\n", copy.seconds / endpoint.seconds);
  std::printf("rows:\n");
  bool ok = print_counts("endpoint", endpoint_rows, total);
  ok = print_counts("COPY", copy_rows, total) && ok;
  for (const Timing* t : {&endpoint, &copy})
    if (!t->error.empty()) {
      std::fprintf(stderr, "zt_bench_ingest: %s\n", t->error.c_str());
      ok = false;
    }
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace zt::bench

int main(int argc, char** argv) {
  zt::bench::Options options;
  options.ingest = zt::bench::default_ingest_binary();
  CLI::App app{"Findings per second through zerotrace-ingest serve, beside raw COPY"};
  app.add_option("--agents", options.agents, "Agents sending at once")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_option("--batches", options.batches, "Batches per agent")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--findings", options.findings, "Findings per batch")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--ingest", options.ingest, "The zerotrace-ingest binary")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    return zt::bench::run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zt_bench_ingest: %s\n", e.what());
    return 1;
  }
}
