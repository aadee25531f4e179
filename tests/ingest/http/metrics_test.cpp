#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "ingest/metrics.hpp"

using zt::ingest::Metrics;
using Catch::Contains;

TEST_CASE("metrics render counters with HELP and TYPE lines", "[unit]") {
  Metrics metrics;
  metrics.observe_request("/v1/batches", 200, 0.003);
  metrics.observe_request("/v1/batches", 200, 0.2);
  metrics.observe_request("other", 404, 0.001);
  metrics.count_error("body_too_large");
  metrics.count_batch("written");
  metrics.add_findings_written(7);
  metrics.set_open_connections(3);
  const std::string text = metrics.render();

  CHECK_THAT(text, Contains("# HELP zerotrace_ingest_requests_total "));
  CHECK_THAT(text, Contains("# TYPE zerotrace_ingest_requests_total counter\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_requests_total{route=\"/v1/batches\",code=\"200\"} 2\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_requests_total{route=\"other\",code=\"404\"} 1\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_errors_total{kind=\"body_too_large\"} 1\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_batches_total{outcome=\"written\"} 1\n"));
  // Known outcomes are there from the start.
  CHECK_THAT(text, Contains("zerotrace_ingest_batches_total{outcome=\"duplicate\"} 0\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_batches_total{outcome=\"rejected\"} 0\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_findings_written_total 7\n"));
  CHECK_THAT(text, Contains("# TYPE zerotrace_ingest_open_connections gauge\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_open_connections 3\n"));
}

TEST_CASE("the duration histogram has cumulative buckets, +Inf, sum and count", "[unit]") {
  Metrics metrics;
  metrics.observe_request("/v1/batches", 200, 0.003);  // first bucket
  metrics.observe_request("/v1/batches", 200, 0.2);    // le 0.25
  metrics.observe_request("/v1/batches", 500, 30);     // past the last bucket
  const std::string text = metrics.render();
  const std::string name = "zerotrace_ingest_request_duration_seconds";
  CHECK_THAT(text, Contains("# TYPE " + name + " histogram\n"));
  CHECK_THAT(text, Contains(name + "_bucket{route=\"/v1/batches\",le=\"0.005\"} 1\n"));
  CHECK_THAT(text, Contains(name + "_bucket{route=\"/v1/batches\",le=\"0.1\"} 1\n"));
  CHECK_THAT(text, Contains(name + "_bucket{route=\"/v1/batches\",le=\"0.25\"} 2\n"));
  CHECK_THAT(text, Contains(name + "_bucket{route=\"/v1/batches\",le=\"10\"} 2\n"));
  CHECK_THAT(text, Contains(name + "_bucket{route=\"/v1/batches\",le=\"+Inf\"} 3\n"));
  CHECK_THAT(text, Contains(name + "_sum{route=\"/v1/batches\"} 30.203\n"));
  CHECK_THAT(text, Contains(name + "_count{route=\"/v1/batches\"} 3\n"));
}

TEST_CASE("metrics escape label values", "[unit]") {
  Metrics metrics;
  metrics.count_error("a\"b\\c\nd");
  CHECK_THAT(metrics.render(), Contains("zerotrace_ingest_errors_total{kind=\"a\\\"b\\\\c\\nd\"} 1\n"));
}

TEST_CASE("metrics count right from many threads", "[unit]") {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        metrics.observe_request("/x", 200, 0.01);
        metrics.count_batch("written");
      }
    });
  for (auto& thread : threads) thread.join();
  const std::string text = metrics.render();
  CHECK_THAT(text, Contains("zerotrace_ingest_requests_total{route=\"/x\",code=\"200\"} 4000\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_batches_total{outcome=\"written\"} 4000\n"));
}

TEST_CASE("database errors are counted by SQLSTATE class, cleaned values in total", "[unit]") {
  Metrics metrics;
  metrics.count_database_error("23514");
  metrics.count_database_error("23505");
  metrics.count_database_error("54000");
  metrics.count_database_error("a\"b\ncd");  // not a SQLSTATE: never a label as it is
  metrics.count_database_error("");
  metrics.add_values_cleaned(3);
  metrics.add_values_cleaned(2);
  const std::string text = metrics.render();
  CHECK_THAT(text, Contains("# TYPE zerotrace_ingest_database_errors_total counter\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_database_errors_total{class=\"23\"} 2\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_database_errors_total{class=\"54\"} 1\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_database_errors_total{class=\"other\"} 2\n"));
  CHECK_THAT(text, Contains("zerotrace_ingest_values_cleaned_total 5\n"));
}
