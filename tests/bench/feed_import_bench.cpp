// Benchmark of `zerotrace-ingest feeds import` (ingest/feeds_import.hpp, pg/feed_store.hpp):
// 100,000 generated OSV records (by default) of the Debian, Ubuntu and Alpine ecosystems, 1 to
// 3 affected packages of 1 or 2 ECOSYSTEM ranges each, written as one file per record into a
// temporary folder; then the real binary imports the folder into a fresh database of a
// throwaway PostgreSQL as the ingest's role, imports it again unchanged, and imports it once
// more with every tenth record changed. Prints each run's wall time, the importing process's
// CPU time and peak RSS, and what it wrote; figures, not assertions. Build it optimised (RelWithDebInfo, no sanitizers) for figures worth quoting.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "tests/support/postgres_cluster.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

struct Ecosystem {
  const char* name;
  const char* prefix;  // of the record ids
};

constexpr Ecosystem kEcosystems[] = {
    {"Debian:11", "DEBIAN"},       {"Debian:12", "DEBIAN"},       {"Debian:13", "DEBIAN"},
    {"Ubuntu:20.04:LTS", "UBUNTU"}, {"Ubuntu:22.04:LTS", "UBUNTU"}, {"Ubuntu:24.04:LTS", "UBUNTU"},
    {"Alpine:v3.18", "ALPINE"},    {"Alpine:v3.19", "ALPINE"},    {"Alpine:v3.20", "ALPINE"}};

std::string version(std::mt19937_64& random, bool alpine) {
  std::uniform_int_distribution<int> part(0, 30);
  std::string v = std::to_string(part(random)) + "." + std::to_string(part(random)) + "." +
                  std::to_string(part(random));
  return alpine ? v + "-r" + std::to_string(part(random) % 4)
                : (random() % 8 == 0 ? "1:" : "") + v + "-" + std::to_string(part(random) % 5 + 1);
}

// One record in the shape of the distributions' OSV feeds.
json record(int n, std::mt19937_64& random, int changed_round) {
  const Ecosystem& ecosystem = kEcosystems[random() % std::size(kEcosystems)];
  const bool alpine = std::string_view(ecosystem.prefix) == "ALPINE";
  const std::string cve = "CVE-" + std::to_string(2015 + n % 11) + "-" + std::to_string(10000 + n);
  json affected = json::array();
  const int packages = 1 + static_cast<int>(random() % 3);
  for (int p = 0; p < packages; ++p) {
    json ranges = json::array();
    for (int r = 0, count = 1 + static_cast<int>(random() % 2); r < count; ++r) {
      json events = json::array({{{"introduced", random() % 3 ? "0" : version(random, alpine)}}});
      if (random() % 5) events.push_back({{"fixed", version(random, alpine)}});
      ranges.push_back({{"type", "ECOSYSTEM"}, {"events", std::move(events)}});
    }
    affected.push_back({{"package",
                         {{"ecosystem", ecosystem.name},
                          {"name", "pkg" + std::to_string(random() % 20000)},
                          {"purl", "pkg:deb/pkg" + std::to_string(n)}}},
                        {"ranges", std::move(ranges)},
                        {"ecosystem_specific", {{"urgency", "low"}}}});
  }
  const bool changed = changed_round > 0 && n % 10 == 0;
  return {{"schema_version", "1.7.0"},
          {"id", std::string(ecosystem.prefix) + "-" + cve},
          {"modified", changed ? "2026-12-05T12:00:00Z" : "2026-11-01T08:30:00Z"},
          {"published", "2025-06-01T00:00:00Z"},
          {"upstream", {cve}},
          {"summary", "vulnerability in pkg" + std::to_string(n)},
          {"details", std::string(changed ? "Changed: " : "") +
                          "A flaw was found that allows a remote attacker to cause a denial of "
                          "service or possibly execute arbitrary code via a crafted input."},
          {"severity", {{{"type", "CVSS_V3"},
                         {"score", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}}}},
          {"references",
           {{{"type", "ADVISORY"}, {"url", "https://security-tracker.example/" + cve}},
            {{"type", "WEB"}, {"url", "https://www.cve.org/CVERecord?id=" + cve}}}},
          {"affected", std::move(affected)}};
}

// The same records each round (one seed); round 1 changes every tenth.
void write_records(const std::filesystem::path& folder, int records, unsigned long long seed,
                   int round) {
  std::mt19937_64 random(seed);
  for (int n = 0; n < records; ++n) {
    const std::filesystem::path dir = folder / std::to_string(n / 1000);
    if (n % 1000 == 0) std::filesystem::create_directories(dir);
    const json r = record(n, random, round);
    std::FILE* out = std::fopen((dir / (r.at("id").get<std::string>() + ".json")).c_str(), "w");
    const std::string text = r.dump(2);
    std::fwrite(text.data(), 1, text.size(), out);
    std::fclose(out);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"zerotrace-ingest feeds import over generated OSV records"};
  int records = 100'000;
  unsigned long long seed = 15;
  app.add_option("--records", records, "OSV records to generate");
  app.add_option("--seed", seed, "Seed of the generator");
  CLI11_PARSE(app, argc, argv);

  zt::test::TempTree tree;
  const std::filesystem::path folder = tree.root() / "osv";
  auto started = Clock::now();
  write_records(folder, records, seed, 0);
  std::printf("generated %d records (seed %llu) in %.1f s\n", records, seed,
              std::chrono::duration<double>(Clock::now() - started).count());

  zt::test::PostgresCluster cluster;
  const std::string url =
      cluster.url(cluster.create_database(), zt::test::PostgresCluster::kIngestRole);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  rusage before{};
  getrusage(RUSAGE_CHILDREN, &before);
  // Wall time, and the CPU time of the importing process itself (the rest is the server's).
  const auto import = [&](const char* what) {
    const auto begun = Clock::now();
    const zt::test::Completed done = zt::test::run_process(
        {std::string(ZT_BINARY_DIR) + "/ingest/zerotrace-ingest", "--database-url", url,
         "feeds", "import", folder.string()});
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);  // peak RSS: the largest child so far
    std::printf("%-24s %6.1f s (its CPU: user %.1f s, system %.1f s)  peak RSS %ld MiB  exit %d"
                "  %s",
                what, std::chrono::duration<double>(Clock::now() - begun).count(),
                seconds(children.ru_utime) - seconds(before.ru_utime),
                seconds(children.ru_stime) - seconds(before.ru_stime), children.ru_maxrss / 1024,
                done.exit_code, done.out.substr(done.out.find(": ") + 2).c_str());
    before = children;
    if (done.exit_code != 0) std::fprintf(stderr, "%s", done.err.c_str());
  };
  import("import");
  import("re-import, unchanged");
  write_records(folder, records, seed, 1);
  import("re-import, 10% changed");
  return 0;
}
