#pragma once
// What the benchmarks print beside their own figures: percentiles of latencies and a
// process's peak RSS.
#include <sys/types.h>

#include <vector>

namespace zt::bench {

// Nearest rank: with fewer than 100 samples, p99 is the maximum; 0 without samples.
double percentile(std::vector<double> samples, double p);

// VmHWM of /proc/<pid>/status in MiB; -1 when it cannot be read.
double peak_rss_mib(pid_t pid);

}  // namespace zt::bench
