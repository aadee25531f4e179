// The server over real loopback connections (libcurl): TLS and plain, keep-alive, gzip
// bodies, handler failures, metrics, start-up errors and stopping.
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>

#include "tests/schema-client/base/gzip_writer.hpp"
#include "tests/ingest/http/test_server.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/tls_files.hpp"

using namespace zt::test;
using nlohmann::json;

TEST_CASE("a TLS request verified against the test CA is answered", "[integration]") {
  TlsFiles files;
  auto options = test_options();
  options.tls = true;
  options.certificate_file = files.certificate();
  options.key_file = files.key();
  RunningServer running(options);

  HttpCall call;
  call.method = "POST";
  call.url = running.url("/echo?agent=1");
  call.headers = {"Content-Type: Application/JSON; charset=utf-8", "Authorization: Bearer k"};
  call.body = R"({"a":1})";
  call.ca_file = files.certificate().string();
  const HttpReply reply = http_request(call);
  INFO(reply.error << reply.body);
  REQUIRE(reply.status == 200);
  CHECK(reply.headers.at("content-type") == "application/json");
  const json seen = json::parse(reply.body);
  CHECK(seen["method"] == "POST");
  CHECK(seen["target"] == "/echo");
  CHECK(seen["content_type"] == "application/json");
  CHECK(seen["body"] == R"({"a":1})");
  CHECK(seen["authorized"] == true);
  CHECK(seen["remote"] == "127.0.0.1");

  SECTION("and a client that does not trust the certificate is turned away") {
    HttpCall untrusted = call;
    untrusted.ca_file = "/etc/ssl/certs/ca-certificates.crt";
    CHECK(http_request(untrusted).status == 0);
  }
}

TEST_CASE("a plain HTTP request is answered", "[integration]") {
  RunningServer running(test_options());
  const HttpReply reply = http_request(get(running.url("/echo")));
  INFO(reply.error << reply.body);
  REQUIRE(reply.status == 200);
  CHECK(json::parse(reply.body)["method"] == "GET");
  CHECK(json::parse(reply.body)["authorized"] == false);
  CHECK(reply.headers.at("content-length") == std::to_string(reply.body.size()));
}

TEST_CASE("keep-alive: two requests share one connection", "[integration]") {
  RunningServer running(test_options());
  HttpClient client;
  const HttpReply first = client.request(get(running.url("/echo")));
  const HttpReply second =
      client.request(post(running.url("/echo"), "second"));
  REQUIRE(first.status == 200);
  REQUIRE(second.status == 200);
  CHECK(first.connects == 1);
  CHECK(second.connects == 0);
  CHECK(json::parse(second.body)["body"] == "second");
  CHECK(first.headers.count("connection") == 0);
}

TEST_CASE("a gzip body is decoded before the handler sees it", "[integration]") {
  RunningServer running(test_options());
  const std::string text = R"({"findings":[1,2,3]})";
  const HttpReply reply = http_request(post(running.url("/echo"), gzip(text), {"Content-Encoding: gzip"}));
  REQUIRE(reply.status == 200);
  CHECK(json::parse(reply.body)["body"] == text);
}

TEST_CASE("a body over 1 MiB is read after 100 Continue", "[integration]") {
  RunningServer running(test_options());
  const std::string big(2 * 1024 * 1024, 'x');
  const HttpReply reply = http_request(post(running.url("/echo"), big, {"Expect: 100-continue"}));
  INFO(reply.error << reply.body);
  REQUIRE(reply.status == 200);
  CHECK(json::parse(reply.body)["body_size"] == big.size());
}

TEST_CASE("a handler that throws gives 500 and the server keeps serving", "[integration]") {
  RunningServer running(test_options());
  const HttpReply failed = http_request(get(running.url("/throw")));
  REQUIRE(failed.status == 500);
  CHECK(json::parse(failed.body)["error"]["code"] == "internal_error");
  // Nothing of the exception's text reaches the client.
  CHECK(failed.body.find("blew up") == std::string::npos);
  CHECK(http_request(get(running.url("/echo"))).status == 200);
}

TEST_CASE("the handler's status, content type and Retry-After are sent", "[integration]") {
  RunningServer running(test_options(), [](const zt::ingest::Request&) {
    zt::ingest::Response response = zt::ingest::error_response(429, "rate_limited", "slow down");
    response.retry_after = std::chrono::seconds(7);
    return response;
  });
  const HttpReply reply = http_request(get(running.url("/echo")));
  CHECK(reply.status == 429);
  CHECK(reply.headers.at("retry-after") == "7");
  CHECK(json::parse(reply.body)["error"]["code"] == "rate_limited");
}

TEST_CASE("requests are counted in the metrics", "[integration]") {
  RunningServer running(test_options());
  REQUIRE(http_request(get(running.url("/echo"))).status == 200);
  REQUIRE(http_request(get(running.url("/echo"))).status == 200);
  REQUIRE(http_request(get(running.url("/unknown/path"))).status == 200);
  // The server records a request once its answer is written, which may be just after the
  // client has it.
  CHECK(eventually([&] {
    return running.metrics_contain(
        "zerotrace_ingest_requests_total{route=\"/echo\",code=\"200\"} 2\n");
  }));
  CHECK(eventually([&] {
    return running.metrics_contain(
        "zerotrace_ingest_requests_total{route=\"other\",code=\"200\"} 1\n");
  }));
  const std::string text = running.metrics.render();
  CHECK_THAT(text, Catch::Contains("zerotrace_ingest_request_duration_seconds_bucket{route=\"/echo\",le=\"+Inf\"} 2\n"));
  CHECK_THAT(text, Catch::Contains("zerotrace_ingest_request_duration_seconds_count{route=\"/echo\"} 2\n"));
}

TEST_CASE("start fails with a clear message", "[integration]") {
  zt::ingest::Metrics metrics;
  SECTION("the port is taken") {
    RunningServer first(test_options());
    auto options = test_options();
    options.port = first.port();
    auto started = zt::ingest::HttpServer::start(options, echo, metrics);
    REQUIRE_FALSE(started.ok());
    CHECK_THAT(started.error().message,
               Catch::StartsWith("cannot bind 127.0.0.1:" + std::to_string(first.port()) + ": "));
  }
  SECTION("the address is not an address") {
    auto options = test_options();
    options.address = "not-an-address";
    auto started = zt::ingest::HttpServer::start(options, echo, metrics);
    REQUIRE_FALSE(started.ok());
    CHECK_THAT(started.error().message, Catch::StartsWith("cannot bind not-an-address:0"));
  }
  SECTION("the certificate is missing") {
    auto options = test_options();
    options.tls = true;
    options.certificate_file = "/nonexistent/cert.pem";
    options.key_file = "/nonexistent/key.pem";
    auto started = zt::ingest::HttpServer::start(options, echo, metrics);
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().message ==
          "cannot read certificate /nonexistent/cert.pem: No such file or directory");
  }
  SECTION("the certificate is not PEM") {
    TlsFiles files;
    auto options = test_options();
    options.tls = true;
    options.certificate_file = files.key();  // a key, not a certificate
    options.key_file = files.key();
    auto started = zt::ingest::HttpServer::start(options, echo, metrics);
    REQUIRE_FALSE(started.ok());
    CHECK_THAT(started.error().message,
               Catch::StartsWith("cannot read certificate " + files.key().string() + ": "));
  }
}

TEST_CASE("stop lets a request in progress finish, then refuses connections", "[integration]") {
  std::mutex mutex;
  std::condition_variable changed;
  bool entered = false, release = false;
  auto options = test_options();
  RunningServer running(options, [&](const zt::ingest::Request& request) {
    std::unique_lock lock(mutex);
    entered = true;
    changed.notify_all();
    changed.wait(lock, [&] { return release; });
    return echo(request);
  });
  const std::string url = running.url("/echo");
  auto reply = std::async(std::launch::async, [&] { return http_request(get(url)); });
  {
    std::unique_lock lock(mutex);
    REQUIRE(changed.wait_for(lock, std::chrono::seconds(5), [&] { return entered; }));
  }
  auto stopped = std::async(std::launch::async, [&] { running.server().stop(); });
  // stop() closes the listener first, then waits for the handler, which is still blocked:
  // once the port refuses connections, stop() is under way and cannot have returned.
  REQUIRE(eventually([&] { return !accepts_connections(running.port()); },
                     std::chrono::seconds(30)));
  CHECK(stopped.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);
  {
    std::lock_guard lock(mutex);
    release = true;
  }
  changed.notify_all();
  HttpReply answered = reply.get();
  CHECK(answered.status == 200);
  CHECK(answered.headers["connection"] == "close");
  REQUIRE(stopped.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
  HttpCall after = get(url);
  after.timeout = std::chrono::milliseconds(1000);
  CHECK(http_request(after).status == 0);
  running.server().stop();  // idempotent
}
