// Benchmark of the fleet's CVE re-matching (schema-client/pg/rematch.hpp) on a throwaway
// PostgreSQL: generated OSV records with 200,000 affected ranges (osv_workload.hpp) stored by
// the feed store, 1,000 enrolled agents (by default) each with one system scan of 1,000
// packages written before the feeds, then `vulns rematch`'s rematch_fleet twice: every
// finding new, the feeds unchanged (nothing to write); then the rematch `feeds import` runs
// after itself (rematch_fleet_for, the changes alone) when a hundredth of the records is
// withdrawn (a day's changes), then a tenth (the worst case); a whole rematch after them
// (which must find nothing to do); then 20 more hosts' batches matched at ingest. Prints each
// step's wall time and findings, the CPU time it took in this process and in the PostgreSQL
// server (the machine is shared: CPU time compares runs that wall time, inflated by others'
// load, cannot), and the process's peak RSS; figures, not assertions. Build it optimised
// (RelWithDebInfo, no sanitizers) for figures worth quoting.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "schema-client/model/timestamp.hpp"
#include "schema-client/pg/allocator.hpp"
#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/feed_store.hpp"
#include "schema-client/pg/rematch.hpp"
#include "tests/bench/osv_workload.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"
#include "tests/schema-client/sample_batch.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Sizes : zt::bench::OsvSizes {
  int hosts = 1'000;
  unsigned long long seed = 15;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The CPU seconds (user + system) in /proc/PID/stat's fields 14 and 15, and with `reaped`
// 16 and 17 too (its children that ended); 0 when the process is gone.
double cpu_seconds(const std::string& pid, bool reaped) {
  std::ifstream stat("/proc/" + pid + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return 0;
  // Fields after the command name (which may hold spaces) start at field 3.
  std::istringstream fields(line.substr(line.rfind(')') + 2));
  std::string field;
  unsigned long long ticks = 0;
  for (int n = 3; fields >> field && n <= 17; ++n)
    if (n >= 14 && (n <= 15 || reaped)) ticks += std::stoull(field);
  return static_cast<double>(ticks) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

// The parent process id of PID (/proc/PID/stat field 4), empty when gone.
std::string parent_of(const std::string& pid) {
  std::ifstream stat("/proc/" + pid + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return {};
  std::istringstream fields(line.substr(line.rfind(')') + 2));
  std::string state, ppid;
  fields >> state >> ppid;
  return ppid;
}

// CPU seconds used so far by the server whose postmaster is `postmaster`: its own, its ended
// backends' (reaped by it) and its live processes'.
double server_cpu_seconds(const std::string& postmaster) {
  double total = cpu_seconds(postmaster, true);
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string pid = entry.path().filename();
    if (std::isdigit(static_cast<unsigned char>(pid[0])) && parent_of(pid) == postmaster)
      total += cpu_seconds(pid, false);
  }
  return total;
}

double process_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Wall and CPU time of one step.
struct Step {
  std::string postmaster;
  Clock::time_point start = Clock::now();
  double client = process_cpu_seconds();
  double server = server_cpu_seconds(postmaster);

  double seconds() const { return seconds_since(start); }
  // "CPU 1.2 s here + 3.4 s in PostgreSQL"
  std::string cpu() const {
    char text[96];
    std::snprintf(text, sizeof text, "CPU %.1f s here + %.1f s in PostgreSQL",
                  process_cpu_seconds() - client, server_cpu_seconds(postmaster) - server);
    return text;
  }
};

// A completed system scan of `agent` at `hour` whose inventory is `packages`, no findings.
zt::model::Batch inventory_scan(const zt::pg::AgentRef& agent,
                                const std::vector<zt::vuln::InstalledPackage>& packages) {
  zt::model::Batch batch = zt::testing::completed_scan(agent.agent_id, 1);
  batch.findings.clear();
  batch.dependencies.clear();
  for (const auto& p : packages)
    batch.dependencies.push_back({p.name, p.version, "deb", "/var/lib/dpkg/status", "",
                                  p.source_name, p.source_version, p.arch, "Debian:12"});
  return batch;
}

// One completed system scan of `packages` written for `agent`; false (and a message) when the
// writer did not take it whole.
bool write(zt::testing::TenantDatabase& db, const zt::pg::AgentRef& agent,
           const std::vector<zt::vuln::InstalledPackage>& packages) {
  auto written = zt::pg::write_batch(db.ingest(), agent, inventory_scan(agent, packages));
  if (written.ok() && written->mismatch.empty()) return true;
  std::fprintf(stderr, "agent %s: the batch was not written\n", agent.agent_id.c_str());
  return false;
}

void print_rematch(const char* what, const zt::pg::RematchReport& report, const Step& step) {
  const double seconds = step.seconds();
  // The worker sessions have closed; their backends end and are reaped (counted) a moment later.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::printf("%s: %.1f s for %lld agents (%.1f ms each; %lld untouched), %lld findings matched,"
              " %lld written, %lld resolved, %zu rolled back; %s\n",
              what, seconds, static_cast<long long>(report.agents),
              report.agents ? 1000.0 * seconds / static_cast<double>(report.agents) : 0.0,
              static_cast<long long>(report.untouched),
              static_cast<long long>(report.findings), static_cast<long long>(report.written),
              static_cast<long long>(report.resolved), report.mismatches.size(),
              step.cpu().c_str());
}

}  // namespace

int main(int argc, char** argv) {
  zt::pg::use_allocator_without_fastbins();  // as the ingest runs
  CLI::App app{"Fleet CVE re-matching over generated OSV ranges on a throwaway PostgreSQL"};
  Sizes sizes;
  app.add_option("--hosts", sizes.hosts, "agents, one inventory each (1000)")
      ->check(CLI::PositiveNumber);
  app.add_option("--host", sizes.host, "installed packages per host (1000)")
      ->check(CLI::PositiveNumber);
  app.add_option("--packages", sizes.packages, "source packages the ranges name (50000)")
      ->check(CLI::PositiveNumber);
  app.add_option("--ranges", sizes.ranges, "affected ECOSYSTEM ranges (200000)")
      ->check(CLI::PositiveNumber);
  app.add_option("--seed", sizes.seed, "random seed (15)");
  CLI11_PARSE(app, argc, argv);

  std::mt19937_64 random(sizes.seed);
  auto records = zt::bench::osv_records(sizes, random);
  zt::testing::TenantDatabase db;

  // The fleet's inventories first, before any feed: nothing is matched at ingest.
  auto start = Clock::now();
  const zt::pg::AgentRef first = db.add_agent("Fleet");
  for (int h = 0; h < sizes.hosts; ++h) {
    const zt::pg::AgentRef agent = h == 0 ? first : db.add_agent_to(first.company_id);
    if (!write(db, agent, zt::bench::host_packages(sizes, random))) return 1;
  }
  std::printf("seed %llu: %d hosts x %d packages enrolled and written in %.1f s\n", sizes.seed,
              sizes.hosts, sizes.host, seconds_since(start));

  start = Clock::now();
  zt::pg::store_osv_records(db.ingest(), records);
  std::printf("%zu OSV records (%d ranges over %d packages) stored in %.1f s\n", records.size(),
              sizes.ranges, sizes.packages, seconds_since(start));

  // The server's postmaster: the first line of postmaster.pid in its data directory.
  std::ifstream pid_file(std::filesystem::path(db.owner().exec("SHOW data_directory").text(0, 0)) /
                         "postmaster.pid");
  std::string postmaster;
  std::getline(pid_file, postmaster);

  Step step{postmaster};
  const auto fresh = zt::pg::rematch_fleet(db.ingest());
  print_rematch("rematch, every finding new", fresh, step);
  step = Step{postmaster};
  const auto same = zt::pg::rematch_fleet(db.ingest());
  print_rematch("rematch, feeds unchanged", same, step);
  // A day's feed changes withdraw a few records; a tenth of them is the worst case.
  for (const auto& [every, what] :
       {std::pair{100, "rematch of the changes, a hundredth withdrawn"},
        std::pair{10, "rematch of the changes, a tenth withdrawn"}}) {
    const std::string started = zt::pg::database_clock(db.ingest());
    for (std::size_t i = 0; i < records.size(); i += static_cast<std::size_t>(every)) {
      if (records[i].withdrawn) continue;
      records[i].modified = zt::model::now();
      records[i].withdrawn = records[i].modified;
    }
    zt::pg::store_osv_records(db.ingest(), records);
    step = Step{postmaster};
    const auto changes = zt::pg::feed_changes_since(db.ingest(), started);
    print_rematch(what, zt::pg::rematch_fleet_for(db.ingest(), changes), step);
  }
  step = Step{postmaster};
  print_rematch("whole rematch after them (nothing to do)", zt::pg::rematch_fleet(db.ingest()),
                step);

  // Matching at ingest: batches of new hosts, each matched in its own transaction.
  std::vector<double> batch_ms;
  for (int h = 0; h < 20; ++h) {
    const auto packages = zt::bench::host_packages(sizes, random);
    const zt::pg::AgentRef agent = db.add_agent_to(first.company_id);
    start = Clock::now();
    if (!write(db, agent, packages)) return 1;
    batch_ms.push_back(1000.0 * seconds_since(start));
  }
  std::sort(batch_ms.begin(), batch_ms.end());
  std::printf("one system batch of %d packages written with its matching: median %.1f ms of 20,"
              " max %.1f ms\n",
              sizes.host, batch_ms[batch_ms.size() / 2], batch_ms.back());
  std::printf("peak RSS: %.1f MiB\n", peak_rss_mib());
  return 0;
}
