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

namespace {

using Clock = std::chrono::steady_clock;
using zt::feeds::OsvEvent;
using zt::feeds::OsvEventKind;

struct Sizes {
  int packages = 50'000;
  int ranges = 200'000;
  int host = 1'000;
  int runs = 20;
  unsigned long long seed = 15;
};

std::string package_name(int n) { return "pkg" + std::to_string(n); }

// "1:2.13.7-3+deb12u2"-like versions: an epoch now and then, a revision always.
std::string version(std::mt19937_64& random) {
  std::uniform_int_distribution<int> part(0, 20);
  std::string v = random() % 10 == 0 ? "1:" : "";
  v += std::to_string(part(random)) + "." + std::to_string(part(random)) + "." +
       std::to_string(part(random)) + "-" + std::to_string(part(random) % 5 + 1);
  if (random() % 3 == 0) v += "+deb12u" + std::to_string(part(random) % 6 + 1);
  return v;
}

// Two affected entries per record, one ECOSYSTEM range each; every third range starts at a
// version instead of "0", every fifth never ends.
std::vector<zt::feeds::OsvRecord> records_of(const Sizes& sizes, std::mt19937_64& random) {
  std::uniform_int_distribution<int> pick(0, sizes.packages - 1);
  std::vector<zt::feeds::OsvRecord> records;
  for (int range = 0; range < sizes.ranges; range += 2) {
    zt::feeds::OsvRecord record;
    record.id = "DEBIAN-CVE-" + std::to_string(2000 + range % 25) + "-" + std::to_string(range);
    record.upstream = {record.id.substr(7)};
    for (int k = 0; k < 2 && range + k < sizes.ranges; ++k) {
      zt::feeds::OsvAffected affected;
      affected.package = {"Debian:12", package_name(pick(random)), ""};
      std::vector<OsvEvent> events{
          {OsvEventKind::introduced, random() % 3 == 0 ? version(random) : "0"}};
      if (random() % 5 != 0) events.push_back({OsvEventKind::fixed, version(random)});
      affected.ranges.push_back({zt::feeds::OsvRangeType::ecosystem, "", std::move(events)});
      record.affected.push_back(std::move(affected));
    }
    records.push_back(std::move(record));
  }
  return records;
}

// Installed packages of distinct sources, each with two binaries at the source's version.
std::vector<zt::vuln::InstalledPackage> host_of(const Sizes& sizes, std::mt19937_64& random) {
  std::vector<int> sources(sizes.packages);
  for (int i = 0; i < sizes.packages; ++i) sources[i] = i;
  std::shuffle(sources.begin(), sources.end(), random);
  std::vector<zt::vuln::InstalledPackage> host;
  for (int i = 0; i < sizes.packages && static_cast<int>(host.size()) < sizes.host; ++i) {
    const std::string source = package_name(sources[i]);
    const std::string v = version(random);
    host.push_back({source, v, source, v, "amd64"});
    if (static_cast<int>(host.size()) < sizes.host) {
      host.push_back({"lib" + source, v, source, v, "amd64"});
    }
  }
  return host;
}

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
  const auto records = records_of(sizes, random);
  const auto host = host_of(sizes, random);
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
