// What the server refuses on its own, over real loopback connections: bodies too large,
// gzip bombs and corrupt gzip, unknown encodings, slow clients, too many connections.
#include <catch2/catch.hpp>

#include <optional>

#include "tests/schema-client/base/gzip_writer.hpp"
#include "tests/ingest/http/test_server.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/tls_files.hpp"

using namespace zt::test;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

std::string error_code(const HttpReply& reply) {
  const auto document = json::parse(reply.body, nullptr, false);
  if (document.is_discarded() || !document.contains("error")) return "(not a JSON error)";
  return document["error"]["code"].get<std::string>();
}

HttpCall post(const RunningServer& running, std::string body,
              std::vector<std::string> headers = {}) {
  return zt::test::post(running.url("/echo"), std::move(body), std::move(headers));
}

}  // namespace

TEST_CASE("a Content-Length over the limit gets 413 and the connection is closed",
          "[integration]") {
  auto options = test_options();
  options.max_body_bytes = 1024;
  RunningServer running(options);
  HttpReply reply = http_request(post(running, std::string(64 * 1024, 'x')));
  INFO(reply.error << reply.body);
  REQUIRE(reply.status == 413);
  CHECK(error_code(reply) == "body_too_large");
  CHECK(reply.headers["connection"] == "close");
  CHECK(eventually([&] {
    return running.metrics_contain("zerotrace_ingest_errors_total{kind=\"body_too_large\"} 1\n");
  }));
  // A body at the limit is fine.
  CHECK(http_request(post(running, std::string(1024, 'x'))).status == 200);
}

TEST_CASE("a Content-Length over the limit gets 413 over TLS too", "[integration]") {
  TlsFiles files;
  auto options = test_options();
  options.tls = true;
  options.certificate_file = files.certificate();
  options.key_file = files.key();
  options.max_body_bytes = 1024;
  RunningServer running(options);
  HttpCall call = post(running, std::string(256 * 1024, 'x'));
  call.ca_file = files.certificate().string();
  HttpReply reply = http_request(call);
  INFO(reply.error << reply.body);
  REQUIRE(reply.status == 413);
  CHECK(error_code(reply) == "body_too_large");
}

TEST_CASE("a chunked body that grows over the limit gets 413", "[integration]") {
  auto options = test_options();
  options.max_body_bytes = 1024;
  RunningServer running(options);
  HttpReply reply =
      http_request(post(running, std::string(64 * 1024, 'x'), {"Transfer-Encoding: chunked"}));
  INFO(reply.error << reply.body);
  REQUIRE(reply.status == 413);
  CHECK(error_code(reply) == "body_too_large");
}

TEST_CASE("a gzip bomb gets 413 without being inflated whole", "[integration]") {
  auto options = test_options();
  options.max_decompressed_bytes = 1024 * 1024;
  RunningServer running(options);
  const std::string bomb = gzip_zeros(100u * 1024 * 1024);

  HttpReply reply = http_request(post(running, bomb, {"Content-Encoding: gzip"}));
  INFO(reply.error << reply.body);
  REQUIRE(reply.status == 413);
  CHECK(error_code(reply) == "body_too_large");

  // The bomb cut in half is corrupt at its end: 413 rather than 400 shows that inflating
  // stopped at the limit, long before it got there.
  const HttpReply half = http_request(
      post(running, bomb.substr(0, bomb.size() / 2), {"Content-Encoding: gzip"}));
  CHECK(half.status == 413);
}

TEST_CASE("a corrupt gzip body gets 400", "[integration]") {
  RunningServer running(test_options());
  HttpReply reply =
      http_request(post(running, "this is not gzip", {"Content-Encoding: gzip"}));
  REQUIRE(reply.status == 400);
  CHECK(error_code(reply) == "bad_request");
}

TEST_CASE("an unknown Content-Encoding gets 415", "[integration]") {
  RunningServer running(test_options());
  HttpReply reply = http_request(post(running, "{}", {"Content-Encoding: br"}));
  REQUIRE(reply.status == 415);
  CHECK(error_code(reply) == "unsupported_encoding");
}

TEST_CASE("a malformed request gets 400", "[integration]") {
  RunningServer running(test_options());
  RawConnection raw(running.port());
  raw.send("NOT HTTP AT ALL\r\n\r\n");
  const std::string answer = raw.read_until_closed(30s);
  CHECK(answer.rfind("HTTP/1.1 400", 0) == 0);
  CHECK(raw.closed());
}

TEST_CASE("half a header gets 408 and a closed connection after header_timeout",
          "[integration]") {
  auto options = test_options();
  options.header_timeout = 1s;
  options.idle_timeout = options.body_timeout = 60s;
  RunningServer running(options);
  // Before the connection: the server's timer starts after it, so it cannot fire sooner.
  // No upper bound on a loaded machine: the answer's code says which timeout fired.
  const auto start = std::chrono::steady_clock::now();
  RawConnection raw(running.port());
  raw.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Le");
  const std::string answer = raw.read_until_closed(30s);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(raw.closed());
  CHECK(answer.rfind("HTTP/1.1 408", 0) == 0);
  CHECK(answer.find("\"header_timeout\"") != std::string::npos);
  CHECK(took >= 1s);
}

TEST_CASE("a body that stops coming gets 408 after body_timeout", "[integration]") {
  auto options = test_options();
  options.body_timeout = 1s;
  RunningServer running(options);
  RawConnection raw(running.port());
  raw.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{\"a\":");
  const std::string answer = raw.read_until_closed(30s);
  CHECK(raw.closed());
  CHECK(answer.rfind("HTTP/1.1 408", 0) == 0);
  CHECK(answer.find("\"body_timeout\"") != std::string::npos);
}

TEST_CASE("a connection that sends nothing is closed after header_timeout", "[integration]") {
  auto options = test_options();
  options.header_timeout = 1s;
  options.idle_timeout = 60s;
  RunningServer running(options);
  RawConnection raw(running.port());
  CHECK(raw.read_until_closed(30s).empty());
  CHECK(raw.closed());
}

TEST_CASE("beyond max_connections a new connection gets 503 and Retry-After", "[integration]") {
  auto options = test_options();
  options.max_connections = 2;
  RunningServer running(options);
  std::optional<RawConnection> first(std::in_place, running.port());
  RawConnection second(running.port());
  REQUIRE(eventually([&] { return running.metrics_contain("zerotrace_ingest_open_connections 2\n"); }));

  HttpReply refused = http_request(get(running.url("/echo")));
  INFO(refused.error);
  REQUIRE(refused.status == 503);
  CHECK(refused.headers["retry-after"] == "1");
  CHECK(refused.headers["connection"] == "close");
  CHECK(error_code(refused) == "too_many_connections");
  CHECK(eventually([&] {
    return running.metrics_contain(
        "zerotrace_ingest_errors_total{kind=\"too_many_connections\"} 1\n");
  }));

  // A slot freed is a slot for the next client.
  first.reset();
  REQUIRE(eventually([&] { return running.metrics_contain("zerotrace_ingest_open_connections 1\n"); }));
  CHECK(http_request(get(running.url("/echo"))).status == 200);
}

TEST_CASE("a keep-alive connection left idle is closed after idle_timeout", "[integration]") {
  auto options = test_options();
  options.idle_timeout = 1s;
  options.header_timeout = 60s;  // so only the idle timeout can close it within the deadline
  RunningServer running(options);
  RawConnection raw(running.port());
  // Before the request: the idle timer starts once the answer is written, after it.
  const auto start = std::chrono::steady_clock::now();
  raw.send("GET /echo HTTP/1.1\r\nHost: localhost\r\n\r\n");
  const std::string answer = raw.read_until_closed(30s);
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(answer.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(raw.closed());
  CHECK(took >= 1s);
}

TEST_CASE("requests sent back to back on one connection are answered in order",
          "[integration]") {
  RunningServer running(test_options());
  RawConnection raw(running.port());
  raw.send(
      "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nfirst"
      "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 6\r\nConnection: close\r\n\r\n"
      "second");
  const std::string answer = raw.read_until_closed(30s);
  CHECK(raw.closed());
  const auto first = answer.find(R"("body":"first")");
  const auto second = answer.find(R"("body":"second")");
  CHECK(first != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(first < second);
}

TEST_CASE("stop closes connections that wait for a request at once", "[integration]") {
  auto options = test_options();
  options.header_timeout = options.idle_timeout = 120s;
  RunningServer running(options);
  RawConnection silent(running.port());
  RawConnection kept_alive(running.port());
  kept_alive.send("GET /echo HTTP/1.1\r\nHost: localhost\r\n\r\n");
  REQUIRE(eventually([&] {
    return running.metrics_contain("zerotrace_ingest_requests_total{route=\"/echo\",code=\"200\"} 1\n");
  }));
  const auto start = std::chrono::steady_clock::now();
  running.server().stop();
  // Well under the timeouts (120 s), whatever the load: stop did not wait them out.
  CHECK(std::chrono::steady_clock::now() - start < 60s);
  silent.read_until_closed(30s);
  CHECK(silent.closed());
  kept_alive.read_until_closed(30s);
  CHECK(kept_alive.closed());
}
