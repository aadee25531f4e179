// Benchmark of the agent daemon (scripts/bench-agent.sh): its RSS and CPU while idle between
// scans and during a scan cycle of this host with its upload, and how fast a full spool
// drains into the local ingest (batches per second, with pacing off and at the default
// 100 ms). A real PostgreSQL, a real `zerotrace-ingest serve`, the real daemon; nothing is
// simulated. Prints the figures; exits non-zero when the ingest did not get every batch.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "schema-client/pg/connection.hpp"
#include "tests/bench/ingest_server.hpp"
#include "tests/support/postgres_cluster.hpp"

namespace {

using namespace std::chrono_literals;
using namespace zt;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Usage {
  double cpu_seconds = 0;  // user + system
  double rss_mib = 0;
};

Usage usage_of(pid_t pid) {
  Usage usage;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(stat, line);
  // Fields after the command name (which may hold spaces): state is field 3, utime 14.
  std::istringstream fields(line.substr(line.rfind(')') + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int n = 3; fields >> field; ++n) {
    if (n == 14) utime = std::stoull(field);
    if (n == 15) {
      stime = std::stoull(field);
      break;
    }
  }
  usage.cpu_seconds = static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  while (std::getline(status, line))
    if (line.starts_with("VmRSS:")) usage.rss_mib = std::stod(line.substr(6)) / 1024;
  return usage;
}

std::size_t spooled(const fs::path& state_dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(state_dir / "spool", ec))
    if (e.path().extension() == ".batch") ++n;
  return n;
}

struct Agent {
  std::string binary, url, ca_file, key;
  fs::path dir;
  int batch_max_findings = 1000;
  int pacing_ms = 100;
  bool collectors = true;
  std::unique_ptr<test::Child> child;

  void start() {
    const std::string on = collectors ? "true" : "false";
    std::ofstream(dir / "agent.yaml")
        << "agent:\n  state_dir: " << (dir / "state").string() << "\n"
        << "scheduler:\n  splay_percent: 0\n"
        << "server:\n  url: " << url << "\n  ca_file: " << ca_file << "\n  api_key: " << key
        << "\nupload:\n  pacing_ms: " << pacing_ms << "\n  backoff_cap: 2s\n"
        << "  batch_max_findings: " << batch_max_findings << "\n"
        << "collectors:\n  system:\n    enabled: " << on << "\n  network:\n    enabled: " << on
        << "\n  auth:\n    enabled: " << on << "\n";
    child = std::make_unique<test::Child>(
        std::vector<std::string>{binary, "--config", (dir / "agent.yaml").string()});
    if (!child->wait_for_stderr("collector(s) scheduled", 20s))
      throw std::runtime_error("the agent did not start: " + child->stderr_text());
  }
  void stop() {
    ::kill(child->pid(), SIGTERM);
    child->wait_for_exit(20s);
    child.reset();
  }
  // Waits for `done`, reading the log meanwhile; samples the peak RSS.
  template <typename Done>
  double until(Done done, std::chrono::seconds limit) {
    double peak = 0;
    const auto deadline = Clock::now() + limit;
    while (!done()) {
      if (Clock::now() > deadline) throw std::runtime_error("timed out");
      child->drain();
      peak = std::max(peak, usage_of(child->pid()).rss_mib);
      std::this_thread::sleep_for(50ms);
    }
    return std::max(peak, usage_of(child->pid()).rss_mib);
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"The agent daemon's footprint and its spool's drain rate"};
  int idle_seconds = 20, cycles = 10;
  std::string build_dir = ZT_BINARY_DIR;
  app.add_option("--idle-seconds", idle_seconds, "Idle window measured")->check(CLI::Range(5, 600));
  app.add_option("--cycles", cycles, "Scan cycles spooled for the drain")->check(CLI::Range(1, 1000));
  CLI11_PARSE(app, argc, argv);

  try {
    test::PostgresCluster& cluster = test::shared_cluster();
    const std::string database = cluster.create_database();
    bench::IngestServer ingest(build_dir + "/ingest/zerotrace-ingest", database);
    const std::string company = ingest.admin({"company", "create", "bench"}).at("id");
    const std::string token = ingest.admin({"token", "create", "--company", company}).at("token");
    model::AgentInfo info;
    info.name = info.hostname = "bench";
    const bench::EnrolledAgent enrolled = ingest.enroll(token, info);
    pg::Connection owner(cluster.conninfo(database));
    auto ingested = [&] { return owner.exec("SELECT count(*) FROM ingested_batches").integer(0, 0); };

    test::TempTree tree;
    Agent agent;
    agent.binary = build_dir + "/agent/zerotrace-agent";
    agent.url = ingest.url("");
    agent.ca_file = ingest.ca_file();
    agent.key = enrolled.key;
    agent.dir = tree.root();

    // 1. A scan cycle of this host and its upload, from start; then idle.
    agent.start();
    const auto cycle_start = Clock::now();
    const double cycle_peak = agent.until([&] { return ingested() >= 3 && spooled(tree.root() / "state") == 0; }, 300s);
    const double cycle_seconds = std::chrono::duration<double>(Clock::now() - cycle_start).count();
    const Usage after_cycle = usage_of(agent.child->pid());
    std::this_thread::sleep_for(2s);
    const Usage idle_from = usage_of(agent.child->pid());
    const auto idle_start = Clock::now();
    double idle_peak = agent.until([&] { return Clock::now() - idle_start > std::chrono::seconds(idle_seconds); }, std::chrono::seconds(idle_seconds + 5));
    const Usage idle_to = usage_of(agent.child->pid());
    const double idle_wall = std::chrono::duration<double>(Clock::now() - idle_start).count();
    agent.stop();

    // 2. A full spool: `cycles` scan cycles with the ingest unreachable, 100 items a batch.
    agent.url = "https://127.0.0.1:9";  // the discard port: nothing listens
    agent.batch_max_findings = 100;
    agent.start();
    std::size_t expected = 0;
    for (int c = 0; c < cycles; ++c) {
      if (c > 0) ::kill(agent.child->pid(), SIGUSR1);
      const std::size_t before = expected;
      agent.until([&] { return agent.child->stderr_text().find("collector auth:", 0) != std::string::npos && spooled(tree.root() / "state") > before; }, 300s);
      std::this_thread::sleep_for(1500ms);  // the other collectors of the cycle
      expected = spooled(tree.root() / "state");
    }
    agent.stop();

    // 3. Drain it: collectors off, pacing off, then the default pacing on a second spool.
    auto drain = [&](int pacing_ms) {
      const long long before = ingested();
      const std::size_t waiting = spooled(tree.root() / "state");
      agent.url = ingest.url("");
      agent.collectors = false;
      agent.pacing_ms = pacing_ms;
      agent.start();
      const auto start = Clock::now();
      const double peak = agent.until([&] { return spooled(tree.root() / "state") == 0; }, 1800s);
      const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      agent.stop();
      const long long arrived = ingested() - before;
      std::printf("  drain, pacing %4d ms: %zu batches in %.2f s = %.1f batches/s (peak RSS %.1f MiB)%s\n",
                  pacing_ms, waiting, seconds, static_cast<double>(waiting) / seconds, peak,
                  arrived == static_cast<long long>(waiting) ? "" : "  MISSING BATCHES");
      return arrived == static_cast<long long>(waiting);
    };
    std::printf("agent daemon on this host (real collectors, local ingest over HTTPS):\n");
    std::printf("  first scan cycle + upload: %.2f s, CPU %.2f s, peak RSS %.1f MiB\n", cycle_seconds,
                after_cycle.cpu_seconds, cycle_peak);
    std::printf("  idle %.0f s between scans: CPU %.3f s (%.3f %% of a core), RSS %.1f MiB (peak %.1f)\n",
                idle_wall, idle_to.cpu_seconds - idle_from.cpu_seconds,
                100 * (idle_to.cpu_seconds - idle_from.cpu_seconds) / idle_wall, idle_to.rss_mib,
                idle_peak);
    std::printf("  spool after %d cycles at 100 items per batch: %zu batches\n", cycles, expected);
    bool ok = drain(0);
    // Refill for the paced drain.
    agent.url = "https://127.0.0.1:9";
    agent.collectors = true;
    agent.start();
    agent.until([&] { return spooled(tree.root() / "state") >= expected / static_cast<std::size_t>(cycles); }, 300s);
    std::this_thread::sleep_for(1500ms);
    agent.stop();
    ok = drain(100) && ok;
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "zt_bench_agent: %s\n", e.what());
    return 1;
  }
}
