// Run by hand, not by ctest: loads rule packs and evaluates them on a host root, timed, and
// prints the count of each status. For the pack's run time and peak RSS on a live host:
//   /usr/bin/time -v zt_compliance_packs_bench / conf/compliance/cis_debian12.yaml
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <vector>
#include <cstdio>
#include <map>
#include <optional>
#include <string>

#include "collectors/compliance/evaluator.hpp"
#include "collectors/compliance/host_view.hpp"
#include "collectors/compliance/pack_loader.hpp"
#include "collectors/core/host_fs.hpp"
#include "collectors/core/os_release.hpp"
#include "tests/support/temp_tree.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s HOST_ROOT PACK.yaml...\n", argv[0]);
    return 2;
  }
  using Clock = std::chrono::steady_clock;
  const zt::collector::HostFs fs(argv[1]);
  std::optional<zt::collector::OsRelease> os;
  if (auto r = zt::collector::read_host_os_release(fs); r) os = *r;
  for (int i = 2; i < argc; ++i) {
    const auto t0 = Clock::now();
    const auto loaded = zt::compliance::parse_pack(zt::test::read_text(argv[i]), argv[i]);
    if (!loaded.pack) {
      for (const auto& e : loaded.errors) std::fprintf(stderr, "%s\n", e.c_str());
      return 1;
    }
    const auto t1 = Clock::now();
    zt::compliance::HostView view(fs);  // a fresh view: nothing read before
    const auto results = zt::compliance::evaluate_pack(*loaded.pack, os, {}, view);
    const auto t2 = Clock::now();
    std::map<std::string, int> counts;
    for (const auto& r : results) counts[std::string(zt::compliance::to_string(r.outcome.status))]++;
    std::printf("%s: %zu controls, load %.1f ms, evaluate %.1f ms;", argv[i], results.size(),
                std::chrono::duration<double, std::milli>(t1 - t0).count(),
                std::chrono::duration<double, std::milli>(t2 - t1).count());
    for (const auto& [status, n] : counts) std::printf(" %s=%d", status.c_str(), n);
    std::printf("\n");
    if (std::getenv("ZT_BENCH_VERBOSE") != nullptr)  // every control, with its first evidence
      for (const auto& r : results) {
        std::printf("  %s %s", r.control->id.c_str(), std::string(zt::compliance::to_string(r.outcome.status)).c_str());
        if (!r.outcome.evidence.empty()) {
          const auto& e = r.outcome.evidence.front();
          std::printf(": %s %s:%zu observed=[%s] expected=[%s]", e.probe.c_str(), e.path.c_str(), e.line,
                      e.observed.c_str(), e.expected.c_str());
        }
        std::printf("\n");
      }
    if (std::getenv("ZT_BENCH_SLOWEST") != nullptr) {  // the ten slowest controls, one by one
      zt::compliance::HostView again(fs);
      std::vector<std::pair<double, std::string>> times;
      for (const auto& control : loaded.pack->controls) {
        if (!control.check) continue;
        const auto c0 = Clock::now();
        (void)zt::compliance::evaluate(*control.check, again);
        times.emplace_back(std::chrono::duration<double, std::milli>(Clock::now() - c0).count(), control.id);
      }
      std::sort(times.rbegin(), times.rend());
      for (std::size_t k = 0; k < times.size() && k < 10; ++k)
        std::printf("  %s %.1f ms\n", times[k].second.c_str(), times[k].first);
    }
  }
  return 0;
}
