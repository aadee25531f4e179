#include "ingest/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace zt::ingest {
namespace {

// Label values escape backslash, double quote and line feed (exposition format 0.0.4).
std::string escape_label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

// Shortest text that reads back as the same double ("0.005", "2.5", "10").
std::string number(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (std::isnan(value)) return "NaN";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

void header(std::string& out, std::string_view name, std::string_view type,
            std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void labelled(std::string& out, std::string_view name, std::string_view label,
              std::string_view value, std::string_view sample) {
  out.append(name).append("{").append(label).append("=\"").append(escape_label(value));
  out.append("\"} ").append(sample).append("\n");
}

}  // namespace

Metrics::Metrics() {
  // Known outcomes start at zero so a dashboard sees the series before the first batch.
  for (const char* outcome : {"written", "delta", "duplicate", "baseline_mismatch", "rejected"}) batches_[outcome] = 0;
}

void Metrics::observe_request(std::string_view route, unsigned status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), status}];
  auto it = durations_.find(route);
  if (it == durations_.end()) it = durations_.emplace(std::string(route), Histogram{}).first;
  Histogram& histogram = it->second;
  for (std::size_t i = 0; i < kDurationBuckets.size(); ++i) {
    if (seconds <= kDurationBuckets[i]) {
      ++histogram.buckets[i];
      break;
    }
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::count_error(std::string_view kind) {
  std::lock_guard lock(mutex_);
  auto it = errors_.find(kind);
  if (it == errors_.end()) it = errors_.emplace(std::string(kind), 0).first;
  ++it->second;
}

void Metrics::count_batch(std::string_view outcome) {
  std::lock_guard lock(mutex_);
  auto it = batches_.find(outcome);
  if (it == batches_.end()) it = batches_.emplace(std::string(outcome), 0).first;
  ++it->second;
}

void Metrics::add_findings_written(std::uint64_t count) {
  std::lock_guard lock(mutex_);
  findings_written_ += count;
}

void Metrics::add_values_cleaned(std::uint64_t count) {
  std::lock_guard lock(mutex_);
  values_cleaned_ += count;
}

void Metrics::count_database_error(std::string_view sqlstate) {
  // Only two characters of [0-9A-Z] become a label: at most 1,296 series.
  const bool well_formed =
      sqlstate.size() == 5 && std::all_of(sqlstate.begin(), sqlstate.begin() + 2, [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
      });
  const std::string label = well_formed ? std::string(sqlstate.substr(0, 2)) : "other";
  std::lock_guard lock(mutex_);
  ++database_errors_[label];
}

void Metrics::set_open_connections(int count) {
  std::lock_guard lock(mutex_);
  open_connections_ = count;
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::string out;

  constexpr std::string_view kRequests = "zerotrace_ingest_requests_total";
  header(out, kRequests, "counter", "HTTP requests answered, by route and status code.");
  for (const auto& [key, value] : requests_) {
    out.append(kRequests).append("{route=\"").append(escape_label(key.first));
    out.append("\",code=\"").append(std::to_string(key.second)).append("\"} ");
    out.append(std::to_string(value)).append("\n");
  }

  constexpr std::string_view kDuration = "zerotrace_ingest_request_duration_seconds";
  header(out, kDuration, "histogram", "Time from request header to response sent, by route.");
  for (const auto& [route, histogram] : durations_) {
    const std::string label = "{route=\"" + escape_label(route) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kDurationBuckets.size(); ++i) {
      cumulative += histogram.buckets[i];
      out.append(kDuration).append("_bucket").append(label).append(",le=\"");
      out.append(number(kDurationBuckets[i])).append("\"} ");
      out.append(std::to_string(cumulative)).append("\n");
    }
    out.append(kDuration).append("_bucket").append(label).append(",le=\"+Inf\"} ");
    out.append(std::to_string(histogram.count)).append("\n");
    out.append(kDuration).append("_sum").append(label).append("} ");
    out.append(number(histogram.sum)).append("\n");
    out.append(kDuration).append("_count").append(label).append("} ");
    out.append(std::to_string(histogram.count)).append("\n");
  }

  constexpr std::string_view kErrors = "zerotrace_ingest_errors_total";
  header(out, kErrors, "counter", "Requests refused or failed, by kind.");
  for (const auto& [kind, value] : errors_)
    labelled(out, kErrors, "kind", kind, std::to_string(value));

  constexpr std::string_view kBatches = "zerotrace_ingest_batches_total";
  header(out, kBatches, "counter", "Finding batches received, by outcome.");
  for (const auto& [outcome, value] : batches_)
    labelled(out, kBatches, "outcome", outcome, std::to_string(value));

  constexpr std::string_view kFindings = "zerotrace_ingest_findings_written_total";
  header(out, kFindings, "counter", "Findings written to the database.");
  out.append(kFindings).append(" ").append(std::to_string(findings_written_)).append("\n");

  constexpr std::string_view kCleaned = "zerotrace_ingest_values_cleaned_total";
  header(out, kCleaned, "counter",
         "Values stored changed to fit their column (U+0000 replaced, free text cut).");
  out.append(kCleaned).append(" ").append(std::to_string(values_cleaned_)).append("\n");

  constexpr std::string_view kDatabaseErrors = "zerotrace_ingest_database_errors_total";
  header(out, kDatabaseErrors, "counter",
         "Database errors other than unavailable, by SQLSTATE class.");
  for (const auto& [state_class, value] : database_errors_)
    labelled(out, kDatabaseErrors, "class", state_class, std::to_string(value));

  constexpr std::string_view kOpen = "zerotrace_ingest_open_connections";
  header(out, kOpen, "gauge", "Client connections open now.");
  out.append(kOpen).append(" ").append(std::to_string(open_connections_)).append("\n");
  return out;
}

}  // namespace zt::ingest
