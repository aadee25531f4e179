// Benchmark of the content walk (scripts/bench-walk.sh): builds a tree of text files (200,000
// by default, 100 a folder, a few hundred bytes to a few KiB each, a planted secret in one file
// of 1,000) in a temporary folder, then walks it three ways: with a detector that only counts
// (the walk's own cost), with the privacy collector's detector on every text file (the real
// load), and with a wall-time budget, to show when the walk stops. Prints files/s, bytes/s,
// the stop time and the process's peak RSS (getrusage ru_maxrss); figures, not assertions.
// The tree was just written, so it is read from the page cache.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "collectors/core/content_walk.hpp"
#include "collectors/privacy/privacy_options.hpp"
#include "collectors/privacy/secret_detector.hpp"
#include "tests/support/temp_tree.hpp"

namespace {

using namespace zt::collector;
using Clock = std::chrono::steady_clock;

class Counter : public FileDetector {
 public:
  Counter() {
    interest_.every_text_file = true;
    interest_.content = ContentKind::any;
  }
  const FileInterest& interest() const override { return interest_; }
  void inspect(const WalkedFile& file) override { bytes += file.head.size(); }
  std::uint64_t bytes = 0;

 private:
  FileInterest interest_;
};

void make_tree(const std::filesystem::path& root, int files, int per_folder, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const std::string line = "the quick brown fox jumps over the lazy dog 0123456789 key=value\n";
  std::string text;
  for (int i = 0; i < files; ++i) {
    const int folder = i / per_folder;
    const std::filesystem::path dir = root / ("d" + std::to_string(folder / 100)) /
                                      ("e" + std::to_string(folder % 100));
    if (i % per_folder == 0) std::filesystem::create_directories(dir);
    text.clear();
    const std::size_t lines = 2 + rng() % 60;  // ~130 B to ~4 KiB
    for (std::size_t l = 0; l < lines; ++l) text += line;
    if (i % 1000 == 0) text += "DB_PASSWORD=planted-" + std::to_string(i) + "\n";
    std::ofstream(dir / ("f" + std::to_string(i) + (i % 1000 == 0 ? ".env" : ".txt")),
                  std::ios::binary)
        << text;
  }
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

WalkProgress timed_walk(const HostFs& fs, const WalkOptions& options, FileDetector& detector,
                        double& seconds) {
  const std::vector<FileDetector*> detectors{&detector};
  const auto started = Clock::now();
  WalkProgress progress = walk_content(fs, options, detectors);
  seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return progress;
}

void report(const char* what, const WalkProgress& p, double seconds) {
  std::printf("%-28s %8.2f s  %9.0f files/s  %7.1f MiB/s  files %llu, read %llu, %.1f MiB, "
              "dirs %llu%s\n",
              what, seconds, static_cast<double>(p.files_seen) / seconds,
              static_cast<double>(p.bytes_read) / seconds / (1 << 20),
              static_cast<unsigned long long>(p.files_seen),
              static_cast<unsigned long long>(p.files_read),
              static_cast<double>(p.bytes_read) / (1 << 20),
              static_cast<unsigned long long>(p.dirs), p.complete ? "" : " (cut)");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"content walk: files/s, bytes/s, peak RSS and the wall-time budget"};
  int files = 200000;
  int per_folder = 100;
  long budget_ms = 1000;
  std::uint64_t seed = 17;
  app.add_option("--files", files, "files in the tree (default 200000)");
  app.add_option("--per-folder", per_folder, "files a folder (default 100)");
  app.add_option("--budget-ms", budget_ms, "the wall-time budget of the third walk (default 1000)");
  app.add_option("--seed", seed, "the tree's random sizes (default 17)");
  CLI11_PARSE(app, argc, argv);

  zt::test::TempTree tree;
  const auto made = Clock::now();
  make_tree(tree.root() / "srv", files, per_folder, seed);
  std::printf("tree: %d files in %s, written in %.1f s (seed %llu)\n", files,
              tree.root().c_str(), std::chrono::duration<double>(Clock::now() - made).count(),
              static_cast<unsigned long long>(seed));
  std::printf("peak RSS after writing the tree: %ld KiB\n", peak_rss_kib());

  const HostFs fs(tree.root());
  WalkOptions options;
  options.roots = {"/srv"};
  options.budget.max_files = 100000000;
  options.budget.max_bytes = 1ull << 40;
  options.budget.max_time = std::chrono::hours(1);

  double seconds = 0;
  Counter counter;
  const WalkProgress counted = timed_walk(fs, options, counter, seconds);
  report("walk, counting detector", counted, seconds);

  zt::privacy::PrivacyOptions privacy_options;
  zt::privacy::SecretDetector secrets(privacy_options);
  secrets.start("bench-salt");
  const WalkProgress scanned = timed_walk(fs, options, secrets, seconds);
  report("walk, privacy detector", scanned, seconds);
  std::printf("  privacy findings: %zu (planted: %d)\n", secrets.found().size(),
              (files + 999) / 1000);

  options.budget.max_time = std::chrono::milliseconds(budget_ms);
  zt::privacy::SecretDetector budgeted(privacy_options);
  budgeted.start("bench-salt");
  const WalkProgress cut = timed_walk(fs, options, budgeted, seconds);
  report("walk, wall-time budget", cut, seconds);
  std::printf("  budget %ld ms: stopped after %.1f ms (%s), overrun %.1f ms, resume at %s\n",
              budget_ms, seconds * 1000, cut.complete ? "complete" : cut.stop_reason.c_str(),
              seconds * 1000 - static_cast<double>(budget_ms), cut.resume_at.c_str());
  const long rss = peak_rss_kib();
  std::printf("peak RSS: %ld KiB (%.1f MiB)\n", rss, static_cast<double>(rss) / 1024.0);
  return 0;
}
