// zerotrace-fleet-sim: a fleet of virtual agents against one `zerotrace-ingest serve` and a
// throwaway PostgreSQL on this machine, loopback only. Each agent enrolls with its own machine
// id, then sends a heartbeat every --heartbeat-seconds and a scan every --scan-seconds, both
// divided by --compression (60 s heartbeats compressed 10 times for 10,000 agents is the load
// of 100,000), with ±10% jitter and a random first offset. A scan is a batch of --findings
// findings (tests/bench/workload.hpp); between an agent's scans a share --change-rate of them
// is new, the rest are the same findings again. Each scan reports one completed collector per
// category of its findings. With --differential an agent sends each scan with its digest, and
// as a delta against the last one the ingest acknowledged (schema-client/model/
// scan_baseline.hpp), one in --full-upload-every whole. Stops by itself after --duration
// seconds.
//
// Prints per route: requests per second, p50/p95/p99 latency, answers by status and failures
// by error, and how late requests started because every connection was busy (the simulator's
// backlog, not the ingest's); the database's transactions and rows per second; the ingest's
// peak RSS; the database's size per agent; per scan, its mean JSON bytes and the rows the
// database wrote (inserted and updated; heartbeats' included unless --heartbeat-seconds is
// longer than the run). Figures, not assertions.
//
// Usage: zerotrace-fleet-sim [--agents N] [--connections N] [--compression X] [--duration S]
//        [--heartbeat-seconds S] [--scan-seconds S] [--findings N] [--change-rate R] [--seed N]
//        [--differential] [--full-upload-every N] [--reconnect]
// Exit status: 0; 1 when the ingest or PostgreSQL could not be started or enrollment failed;
// CLI11's on bad arguments.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <random>
#include <thread>

#include "schema-client/model/scan_baseline.hpp"
#include "schema-client/model/wire_format.hpp"
#include "schema-client/pg/connection.hpp"
#include "tests/bench/figures.hpp"
#include "tests/bench/fleet_load.hpp"
#include "tests/bench/ingest_server.hpp"
#include "tests/bench/workload.hpp"
#include "tests/support/postgres_cluster.hpp"

namespace zt::bench {
namespace {

using nlohmann::json;
using Seconds = std::chrono::duration<double>;

constexpr std::string_view kEnroll = "/api/v1/enroll";
constexpr std::string_view kHeartbeat = "/api/v1/heartbeat";
constexpr std::string_view kBatches = "/api/v1/batches";

struct Options {
  int agents = 1000;
  std::size_t connections = 64;
  double compression = 10;
  double duration = 60;
  double heartbeat_seconds = 60;
  double scan_seconds = 3600;
  int findings = 50;
  double change_rate = 0.05;
  unsigned long long seed = std::random_device{}();
  std::string ingest;
  bool differential = false;
  int full_upload_every = 24;
  bool reconnect = false;  // a new HTTPS connection for every request (fleet_load.hpp)
};

struct Agent {
  std::string id;
  std::string key;
  int scans = 0;
  std::uint64_t next_new = 0;             // the number of its next new finding
  std::vector<std::uint64_t> finding_ns;  // what its last scan reported
  // --differential: the last scan the ingest acknowledged, and the one in flight.
  std::optional<model::ScanBaseline> base, sending;
};

// What the fleet's scans cost on the wire.
struct ScanTraffic {
  double scans = 0, deltas = 0, bytes = 0, delta_bytes = 0;
};

// The counters of pg_stat_database for the database: commits and rows written.
struct DatabaseCounters {
  double commits = 0;
  double inserted = 0;
  double updated = 0;
};

DatabaseCounters counters(pg::Connection& db) {
  const pg::Rows rows = db.exec(
      "SELECT xact_commit::text, tup_inserted::text, tup_updated::text FROM pg_stat_database"
      " WHERE datname = current_database()");
  return {std::stod(std::string(rows.text(0, 0))), std::stod(std::string(rows.text(0, 1))),
          std::stod(std::string(rows.text(0, 2)))};
}

class Fleet {
 public:
  Fleet(const Options& options, std::mt19937_64& random)
      : options_(options), random_(random), agents_(static_cast<std::size_t>(options.agents)) {}

  std::vector<Agent>& agents() { return agents_; }
  const ScanTraffic& traffic() const { return traffic_; }

  // A period of `seconds` compressed, with ±10% jitter.
  LoadClock::duration period(double seconds) {
    std::uniform_real_distribution<double> jitter(0.9, 1.1);
    return std::chrono::duration_cast<LoadClock::duration>(
        Seconds(seconds / options_.compression * jitter(random_)));
  }

  // The first of each agent's requests: a heartbeat and a scan at random offsets after
  // `start` in their periods, so the fleet's load is even from the start.
  std::vector<LoadRequest> first_requests(LoadClock::time_point start) {
    std::vector<LoadRequest> out;
    std::uniform_real_distribution<double> share(0, 1);
    for (std::size_t a = 0; a < agents_.size(); ++a) {
      const auto offset = [&](double seconds) {
        return start + std::chrono::duration_cast<LoadClock::duration>(
                           Seconds(share(random_) * seconds / options_.compression));
      };
      out.push_back(heartbeat(a, offset(options_.heartbeat_seconds)));
      out.push_back(scan(a, offset(options_.scan_seconds)));
    }
    return out;
  }

  std::optional<LoadRequest> next(const LoadRequest& done, const LoadAnswer& answer) {
    if (done.route == kHeartbeat)
      return heartbeat(done.agent, done.due + period(options_.heartbeat_seconds));
    Agent& agent = agents_[done.agent];
    agent.base = answer.status == 200 ? agent.sending : std::nullopt;  // else: whole again
    return scan(done.agent, done.due + period(options_.scan_seconds));
  }

 private:
  LoadRequest heartbeat(std::size_t a, LoadClock::time_point due) {
    static const std::string body = json{
        {"status", "online"},
        {"capabilities", {{"collectors", {"system", "network"}}}},
        {"metrics",
         {{"spool_records", 0}}}}.dump();
    return {due, std::string(kHeartbeat), agents_[a].key, body, a};
  }

  // The agent's next scan: its last scan's findings, a share of them replaced by new ones.
  LoadRequest scan(std::size_t a, LoadClock::time_point due) {
    Agent& agent = agents_[a];
    std::bernoulli_distribution changed(options_.change_rate);
    if (agent.finding_ns.empty())
      for (int f = 0; f < options_.findings; ++f) agent.finding_ns.push_back(agent.next_new++);
    else if (agent.scans > 0)
      for (std::uint64_t& n : agent.finding_ns)
        if (changed(random_)) n = agent.next_new++;
    model::Batch batch = make_batch(agent.id, agent_info(static_cast<int>(a)), agent.scans, 0);
    for (std::uint64_t n : agent.finding_ns) batch.findings.push_back(make_finding(agent.id, n));
    for (const model::Finding& f : batch.findings)
      batch.scan.results[std::string(model::to_string(f.category))] = {
          .status = model::CollectorStatus::completed, .category = f.category};
    ++agent.scans;
    if (options_.differential) {
      agent.sending = model::baseline_of(batch);
      batch.digest = agent.sending->digest;
      if (agent.base && agent.base->deltas + 1 < options_.full_upload_every)
        if (auto delta = model::delta_of(batch, *agent.base)) {
          agent.sending->deltas = agent.base->deltas + 1;
          batch = std::move(*delta);
          ++traffic_.deltas;
        }
    }
    std::string body = model::serialize(batch);
    ++traffic_.scans;
    traffic_.bytes += static_cast<double>(body.size());
    if (batch.delta) traffic_.delta_bytes += static_cast<double>(body.size());
    return {due, std::string(kBatches), agent.key, std::move(body), a};
  }

  const Options& options_;
  std::mt19937_64& random_;
  std::vector<Agent> agents_;
  ScanTraffic traffic_;
};

// Every agent enrolled through the API over the load engine's connections; false when one
// was refused.
bool enroll(Fleet& fleet, const LoadTarget& target, const std::string& token) {
  std::vector<LoadRequest> requests;
  const auto now = LoadClock::now();
  for (std::size_t a = 0; a < fleet.agents().size(); ++a) {
    model::AgentInfo info = agent_info(static_cast<int>(a));
    const json body = {{"enrollment_token", token},
                       {"agent", model::to_json(info)},
                       {"identity", {{"machine_id", "fleet-sim-" + std::to_string(a)}}}};
    requests.push_back({now, std::string(kEnroll), "", body.dump(), a});
  }
  bool ok = true;
  const auto taken = [&](const LoadRequest& done,
                         const LoadAnswer& answer) -> std::optional<LoadRequest> {
    const json reply = json::parse(answer.body, nullptr, false);
    if (answer.status != 201 || !reply.is_object()) {
      if (ok)
        std::fprintf(stderr, "enrollment refused: %d %s %s\n", answer.status, answer.error.c_str(),
                     answer.body.c_str());
      ok = false;
      return std::nullopt;
    }
    fleet.agents()[done.agent].id = reply.value("agent_id", "");
    fleet.agents()[done.agent].key = reply.value("api_key", "");
    return std::nullopt;
  };
  run_load(target, std::move(requests), taken, LoadClock::now() + std::chrono::hours(1));
  return ok;
}

void print_route(const std::string& route, const RouteFigures& f, double seconds) {
  std::string statuses;
  for (const auto& [status, count] : f.statuses)
    statuses += " " + std::to_string(status) + ":" + std::to_string(count);
  for (const auto& [error, count] : f.failures)
    statuses += " [" + error + "]:" + std::to_string(count);
  std::printf(
      "  %-18s %8.1f req/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  late start p99"
      " %7.1f ms  answers%s\n",
      route.c_str(), static_cast<double>(f.answered) / seconds, percentile(f.latencies_ms, 0.50),
      percentile(f.latencies_ms, 0.95), percentile(f.latencies_ms, 0.99),
      percentile(f.start_delays_ms, 0.99), statuses.c_str());
}

int run(const Options& options) {
  std::printf("fleet simulator: seed %llu (--seed %llu replays the schedule)\n", options.seed,
              options.seed);
  std::mt19937_64 random(options.seed);
  test::PostgresCluster& cluster = test::shared_cluster();
  const std::string database = cluster.create_database();
  IngestServer server(options.ingest, database);
  const std::string company =
      server.admin({"company", "create", "fleet"}).at("id").get<std::string>();
  const std::string token =
      server.admin({"token", "create", "--company", company}).at("token").get<std::string>();
  const LoadTarget target{"127.0.0.1", server.port(), server.ca_file(), options.connections,
                          options.reconnect};

  Fleet fleet(options, random);
  const auto enroll_start = LoadClock::now();
  if (!enroll(fleet, target, token)) return 1;
  const double enroll_seconds = Seconds(LoadClock::now() - enroll_start).count();
  std::printf("  %d agents enrolled in %.1f s (%.0f per second)\n", options.agents, enroll_seconds,
              options.agents / enroll_seconds);

  pg::Connection db(cluster.conninfo(database));
  // The first requests take a while to make (every agent's first batch): their times are
  // offsets until then, and the run starts once they are made.
  std::vector<LoadRequest> first = fleet.first_requests(LoadClock::time_point{});
  const DatabaseCounters before = counters(db);
  const auto start = LoadClock::now();
  for (LoadRequest& request : first) request.due = start + request.due.time_since_epoch();
  const auto until =
      start + std::chrono::duration_cast<LoadClock::duration>(Seconds(options.duration));
  const LoadFigures figures = run_load(
      target, std::move(first),
      [&](const LoadRequest& done, const LoadAnswer& answer) { return fleet.next(done, answer); },
      until);
  std::this_thread::sleep_for(std::chrono::seconds(1));  // the statistics are flushed each second
  const DatabaseCounters after = counters(db);

  const double seconds = figures.seconds;
  std::printf(
      "  %d agents, heartbeat every %.0f s and scan every %.0f s compressed %.0fx"
      " (the load of %.0f agents), %zu connections%s, %.1f s\n",
      options.agents, options.heartbeat_seconds, options.scan_seconds, options.compression,
      options.agents * options.compression, options.connections,
      options.reconnect ? " (a new one for every request)" : "", seconds);
  for (const auto& [route, f] : figures.routes) print_route(route, f, seconds);
  const auto heartbeats = figures.routes.find(std::string(kHeartbeat));
  const auto batches = figures.routes.find(std::string(kBatches));
  const double scans =
      batches == figures.routes.end() ? 0 : static_cast<double>(batches->second.answered);
  std::printf("  findings sent: %.0f per second\n", scans * options.findings / seconds);
  const ScanTraffic& traffic = fleet.traffic();
  const double written = (after.inserted - before.inserted) + (after.updated - before.updated);
  const double wholes = traffic.scans - traffic.deltas;
  std::printf(
      "  per scan: %.0f bytes of JSON, %.1f rows written (inserted + updated);"
      " %.0f of %.0f scans sent as deltas (%.0f bytes each, the whole ones %.0f)\n",
      traffic.scans > 0 ? traffic.bytes / traffic.scans : 0.0, scans > 0 ? written / scans : 0.0,
      traffic.deltas, traffic.scans, traffic.deltas > 0 ? traffic.delta_bytes / traffic.deltas : 0.0,
      wholes > 0 ? (traffic.bytes - traffic.delta_bytes) / wholes : 0.0);
  std::printf("  database: %.0f transactions/s, %.0f rows inserted/s, %.0f rows updated/s\n",
              (after.commits - before.commits) / seconds,
              (after.inserted - before.inserted) / seconds,
              (after.updated - before.updated) / seconds);
  const pg::Rows size = db.exec("SELECT pg_database_size(current_database())::text");
  std::printf(
      "  database size %.1f MiB, %.1f KiB per agent; ingest peak RSS %.1f MiB;"
      " connections opened %zu\n",
      std::stod(std::string(size.text(0, 0))) / 1048576.0,
      std::stod(std::string(size.text(0, 0))) / 1024.0 / options.agents, peak_rss_mib(server.pid()),
      figures.connections_opened);
  if (heartbeats == figures.routes.end()) std::printf("  no heartbeat was due in the run\n");
  return 0;
}

}  // namespace
}  // namespace zt::bench

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is known
  zt::bench::Options options;
  options.ingest = zt::bench::default_ingest_binary();
  CLI::App app{"A fleet of virtual agents against one zerotrace-ingest and PostgreSQL"};
  app.add_option("--agents", options.agents, "virtual agents")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  app.add_option("--connections", options.connections, "HTTPS keep-alive connections")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  app.add_option("--compression", options.compression, "time compression factor")
      ->check(CLI::Range(1.0, 10000.0))
      ->capture_default_str();
  app.add_option("--duration", options.duration, "seconds of load")
      ->check(CLI::Range(1.0, 86400.0))
      ->capture_default_str();
  app.add_option("--heartbeat-seconds", options.heartbeat_seconds, "an agent's heartbeat period")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--scan-seconds", options.scan_seconds, "an agent's scan period")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--findings", options.findings, "findings per scan")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--change-rate", options.change_rate, "share of findings new in each scan")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--seed", options.seed, "random seed of the schedule");
  app.add_flag("--differential", options.differential,
               "send scans with their digest, and as deltas against the last acknowledged one");
  app.add_flag("--reconnect", options.reconnect,
               "open a new HTTPS connection (TCP and TLS handshakes) for every request");
  app.add_option("--full-upload-every", options.full_upload_every,
                 "with --differential: one scan in so many is sent whole")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--ingest", options.ingest, "the zerotrace-ingest binary")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    return zt::bench::run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zerotrace-fleet-sim: %s\n", e.what());
    return 1;
  }
}
