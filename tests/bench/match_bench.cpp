// Benchmark of the CVE matcher (schema-client/vuln/match.hpp): generated OSV records with
// 200,000 affected ECOSYSTEM ranges over 50,000 Debian 12 source packages (by default), and a
// host of 1,000 installed packages drawn from them, all from one seed. Prints the index's build
// time, the median of 20 match runs, the matches found and the process's peak RSS; figures, not
// assertions. Build it optimised (RelWithDebInfo, no sanitizers) for figures worth quoting.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "schema-client/feeds/records.hpp"
#include "schema-client/vuln/match.hpp"
#include "tests/bench/osv_workload.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Sizes : zt::bench::OsvSizes {
  int runs = 20;
  unsigned long long seed = 15;
};

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"CVE matcher: index build and one host's match over generated OSV ranges"};
  Sizes sizes;
  app.add_option("--packages", sizes.packages, "source packages the ranges name (50000)")
      ->check(CLI::PositiveNumber);
  app.add_option("--ranges", sizes.ranges, "affected ECOSYSTEM ranges (200000)")
      ->check(CLI::PositiveNumber);
  app.add_option("--host", sizes.host, "installed packages on the host (1000)")
      ->check(CLI::PositiveNumber);
  app.add_option("--runs", sizes.runs, "match runs, the median is printed (20)")
      ->check(CLI::PositiveNumber);
  app.add_option("--seed", sizes.seed, "random seed (15)");
  CLI11_PARSE(app, argc, argv);

  std::mt19937_64 random(sizes.seed);
  const auto records = zt::bench::osv_records(sizes, random);
  const auto host = zt::bench::host_packages(sizes, random);
  const double generated_rss = peak_rss_mib();

  const auto build_start = Clock::now();
  const auto index = zt::vuln::Index::build(records);
  const double build_ms = ms_since(build_start);

  const zt::vuln::HostEcosystem debian12{"Debian:12", zt::vuln::VersionScheme::dpkg};
  std::vector<double> times;
  std::size_t found = 0;
  for (int run = 0; run < sizes.runs; ++run) {
    const auto start = Clock::now();
    found = zt::vuln::match(index, debian12, host).size();
    times.push_back(ms_since(start));
  }
  std::sort(times.begin(), times.end());

  std::printf("seed %llu: %zu records, %zu ranges over %zu packages; host of %zu packages\n",
              sizes.seed, records.size(), index.ranges(), index.packages(), host.size());
  std::printf("index build: %.1f ms\n", build_ms);
  std::printf("match: median %.3f ms of %d runs (min %.3f, max %.3f)\n", times[times.size() / 2],
              sizes.runs, times.front(), times.back());
  std::printf("matches found: %zu\n", found);
  std::printf("peak RSS: %.1f MiB (%.1f MiB before the index was built)\n", peak_rss_mib(),
              generated_rss);
  return 0;
}
