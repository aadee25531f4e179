#pragma once
// The ingest's own metrics, rendered in the Prometheus text exposition format 0.0.4 for the
// /metrics route. Thread-safe: every method may be called from any thread at any time.
// Label values come from the callers, which keep the sets small and fixed: routes are the
// server's known routes or "other", codes are HTTP statuses, outcomes and kinds are constants
// in the code. Nothing a client sends becomes a label value as it is.
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace zt::ingest {

class Metrics {
 public:
  Metrics();

  // zerotrace_ingest_requests_total{route,code} and
  // zerotrace_ingest_request_duration_seconds{route}.
  void observe_request(std::string_view route, unsigned status, double seconds);
  // zerotrace_ingest_errors_total{kind}: refusals and failures ("body_too_large", …).
  void count_error(std::string_view kind);
  // zerotrace_ingest_batches_total{outcome}: "written" (whole), "delta" (a differential
  // upload written), "duplicate", "baseline_mismatch" (a delta refused: sent again whole),
  // "rejected".
  void count_batch(std::string_view outcome);
  // zerotrace_ingest_findings_written_total.
  void add_findings_written(std::uint64_t count);
  // zerotrace_ingest_values_cleaned_total: values of accepted requests that were stored
  // changed, as model::fit_to_columns documents (U+0000 replaced, free text cut).
  void add_values_cleaned(std::uint64_t count);
  // zerotrace_ingest_database_errors_total{class}: database errors other than "unavailable",
  // by the SQLSTATE's class (its first two characters: "22" data exception, "23" integrity
  // constraint violation, "54" program limit exceeded…; "other" for a malformed state).
  void count_database_error(std::string_view sqlstate);
  // zerotrace_ingest_open_connections (gauge).
  void set_open_connections(int count);

  std::string render() const;

  // Upper bounds of the duration histogram's buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 11> kDurationBuckets = {.005, .01, .025, .05, .1, .25,
                                                              .5,   1,   2.5,  5,   10};

 private:
  struct Histogram {
    std::array<std::uint64_t, kDurationBuckets.size()> buckets{};  // not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };
  using Counters = std::map<std::string, std::uint64_t, std::less<>>;

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, unsigned>, std::uint64_t> requests_;
  std::map<std::string, Histogram, std::less<>> durations_;
  Counters errors_;
  Counters batches_;
  Counters database_errors_;
  std::uint64_t findings_written_ = 0;
  std::uint64_t values_cleaned_ = 0;
  int open_connections_ = 0;
};

}  // namespace zt::ingest
