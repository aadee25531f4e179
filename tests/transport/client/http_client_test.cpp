// IngestClient over real loopback HTTP(S) against a scripted ingest::HttpServer: TLS
// verification, the http:// guard, the headers and gzip body the server receives,
// Retry-After, timeouts, oversized answers, refused connections and the proxy option.
#include "transport/http_client.hpp"

#include <stdlib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <future>
#include <thread>
#include <nlohmann/json.hpp>
#include <optional>

#include "tests/support/temp_tree.hpp"
#include "tests/support/tls_files.hpp"
#include "tests/transport/client/scripted_ingest.hpp"
#include "transport/upload_outcome.hpp"

using namespace zt;
using namespace zt::test;
using transport::BodyEncoding;
using transport::ClientOptions;
using transport::IngestClient;
using transport::Outcome;

namespace {

ingest::Response ok_answer(const ingest::Request&) {
  return json_answer(200, R"({"batch_id":"b","result":"written"})");
}

std::string create_error(ClientOptions options) {
  auto created = IngestClient::create(std::move(options));
  REQUIRE_FALSE(created);
  return created.error().message;
}

}  // namespace

TEST_CASE("https verified with the test CA delivers, and without it a clear TLS error",
          "[integration]") {
  TlsFiles tls;
  ScriptedIngest server(ok_answer, &tls);
  ClientOptions options = server.client_options();
  options.ca_file = tls.certificate();
  auto client = make_client(options);
  const auto answer = client->post_json(transport::kBatchesPath, "{}", "zt_key");
  INFO(answer.error);
  CHECK(answer.status == 200);
  CHECK(transport::classify(answer).outcome == Outcome::delivered);

  SECTION("the system's CAs do not know the test certificate") {
    options.ca_file.clear();
    auto untrusting = make_client(options);
    const auto refused = untrusting->post_json(transport::kBatchesPath, "{}", "zt_key");
    CHECK(refused.status == 0);
    CHECK_THAT(refused.error, Catch::Contains("certificate could not be verified") &&
                                  Catch::Contains("set ca_file"));
    CHECK_THAT(refused.error, !Catch::Contains("zt_key"));
    CHECK(transport::classify(refused).outcome == Outcome::retry);
    CHECK(server.requests().size() == 1);  // the refused one never reached the handler
  }
  SECTION("a client certificate and key are loaded and offered") {
    options.client_certificate = tls.certificate();
    options.client_key = tls.key();
    auto with_certificate = make_client(options);
    CHECK(with_certificate->post_json(transport::kBatchesPath, "{}", "k").status == 200);
  }
}

TEST_CASE("http:// is refused unless allow_insecure_http, and works when allowed",
          "[integration]") {
  ScriptedIngest server(ok_answer);
  ClientOptions options = server.client_options();
  options.allow_insecure_http = false;
  CHECK_THAT(create_error(options),
             Catch::Contains("http://") && Catch::Contains("allow_insecure_http"));
  options.allow_insecure_http = true;
  auto client = make_client(options);
  CHECK(client->post_json(transport::kBatchesPath, "{}", "k").status == 200);
}

TEST_CASE("create() refuses bad options with messages naming them", "[unit]") {
  ClientOptions options;
  options.base_url = "";
  CHECK_THAT(create_error(options), Catch::Contains("server.url: not set"));
  options.base_url = "ingest.example.com:8443";
  CHECK_THAT(create_error(options), Catch::Contains("https://"));
  options.base_url = "ftp://ingest.example.com";
  CHECK_THAT(create_error(options), Catch::Contains("\"ftp\" is not supported"));
  options.base_url = "https://agent:hunter2@ingest.example.com";
  const std::string with_password = create_error(options);
  CHECK_THAT(with_password, Catch::Contains("user or password"));
  CHECK_THAT(with_password, !Catch::Contains("hunter2"));
  options.base_url = "https://ingest.example.com/?x=1";
  CHECK_THAT(create_error(options), Catch::Contains("query"));

  options.base_url = "https://ingest.example.com";
  options.ca_file = "/nonexistent/ca.pem";
  CHECK_THAT(create_error(options), Catch::Contains("ca_file: cannot read /nonexistent/ca.pem"));
  options.ca_file.clear();
  options.client_certificate = "/tmp/cert.pem";
  CHECK_THAT(create_error(options), Catch::Contains("client_certificate and client_key"));
  options.client_certificate.clear();
  options.total_timeout = std::chrono::milliseconds(0);
  CHECK_THAT(create_error(options), Catch::Contains("timeout"));
}

TEST_CASE("the base url is normalised and its path is kept as a prefix", "[integration]") {
  ScriptedIngest server(ok_answer);
  ClientOptions options = server.client_options();
  options.base_url = server.url() + "/zerotrace/";
  auto client = make_client(options);
  CHECK(client->base_url() == server.url() + "/zerotrace");
  REQUIRE(client->post_json(transport::kBatchesPath, "{}", "k").status == 200);
  CHECK(server.requests().at(0).target == "/zerotrace/api/v1/batches");
}

TEST_CASE("the server receives the Bearer key, JSON and the body, and no key when none is given",
          "[integration]") {
  ScriptedIngest server(ok_answer);
  auto client = make_client(server.client_options());
  REQUIRE(client->post_json(transport::kBatchesPath, R"({"a":1})", "zt_secret").status == 200);
  REQUIRE(client->post_json(transport::kEnrollPath, R"({"b":2})", "").status == 200);
  const auto seen = server.requests();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].method == "POST");
  CHECK(seen[0].target == "/api/v1/batches");
  CHECK(seen[0].authorization == "Bearer zt_secret");
  CHECK(seen[0].content_type == "application/json");
  CHECK(seen[0].body == R"({"a":1})");
  CHECK(seen[1].authorization.empty());
  CHECK(seen[1].body == R"({"b":2})");
}

TEST_CASE("a gzip body arrives with Content-Encoding: gzip and the server inflates it",
          "[integration]") {
  // The server's limit (16 KiB) applies to the body as sent: 67 KiB of JSON fits only
  // compressed (to about 5 KiB).
  ScriptedIngest server(ok_answer, nullptr,
                        [](ingest::ServerOptions& options) { options.max_body_bytes = 16 * 1024; });
  nlohmann::json document = nlohmann::json::array();
  for (int i = 0; i < 2000; ++i) document.push_back({{"finding", i}, {"severity", "high"}});
  const std::string body = document.dump();
  REQUIRE(body.size() > 4 * 16 * 1024);
  auto client = make_client(server.client_options());

  const auto compressed = client->post_json(transport::kBatchesPath, body, "k", BodyEncoding::gzip);
  INFO(compressed.error << compressed.body);
  CHECK(compressed.status == 200);
  REQUIRE(server.requests().size() == 1);
  CHECK(server.requests()[0].body == body);

  const auto plain = client->post_json(transport::kBatchesPath, body, "k");
  CHECK(plain.status == 413);
  CHECK(transport::classify(plain).outcome == Outcome::too_large);
  CHECK(server.requests().size() == 1);
}

TEST_CASE("Retry-After on 429 and 503 reaches the classification", "[integration]") {
  std::atomic<unsigned> status = 429;
  ScriptedIngest server([&](const ingest::Request&) {
    return json_answer(status.load(),
                       R"({"error":{"code":"rate_limited","message":"too many requests"}})",
                       std::chrono::seconds(7));
  });
  auto client = make_client(server.client_options());
  for (const unsigned code : {429u, 503u}) {
    status = code;
    const auto answer = client->post_json(transport::kBatchesPath, "{}", "k");
    REQUIRE(answer.status == code);
    REQUIRE(answer.retry_after);
    CHECK(*answer.retry_after == std::chrono::seconds(7));
    const auto classified = transport::classify(answer);
    CHECK(classified.outcome == Outcome::retry);
    CHECK(classified.retry_after == std::chrono::seconds(7));
    CHECK_THAT(classified.reason, Catch::Contains("rate_limited: too many requests"));
  }
}

TEST_CASE("the total timeout ends a request the server sits on: retry", "[integration]") {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  ScriptedIngest server([released](const ingest::Request& request) {
    released.wait();
    return ok_answer(request);
  });
  ClientOptions options = server.client_options();
  options.total_timeout = std::chrono::milliseconds(300);
  auto client = make_client(options);
  const auto started = std::chrono::steady_clock::now();
  const auto answer = client->post_json(transport::kBatchesPath, "{}", "k");
  const auto took = std::chrono::steady_clock::now() - started;
  release.set_value();
  CHECK(answer.status == 0);
  CHECK_THAT(answer.error, Catch::Contains("timed out"));
  CHECK(took < std::chrono::seconds(3));
  CHECK(transport::classify(answer).outcome == Outcome::retry);
}

TEST_CASE("the abort flag ends a request the server sits on, and refuses the next at once",
          "[integration]") {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  ScriptedIngest server([released](const ingest::Request& request) {
    released.wait();
    return ok_answer(request);
  });
  auto abort = std::make_shared<std::atomic<bool>>(false);
  ClientOptions options = server.client_options();
  options.total_timeout = std::chrono::minutes(2);  // only the abort can end it in time
  options.abort = abort;
  auto client = make_client(options);
  std::atomic<bool> sent = false;
  std::thread aborter([&] {
    // The server holds the request by now or soon; the abort must end it either way.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    sent = true;
    abort->store(true);
  });
  const auto answer = client->post_json(transport::kBatchesPath, "{}", "k");
  aborter.join();
  release.set_value();
  CHECK(sent.load());
  CHECK(answer.status == 0);
  CHECK_THAT(answer.error, Catch::Contains("aborted: the agent is stopping"));
  CHECK(transport::classify(answer).outcome == Outcome::retry);
  const auto next = client->post_json(transport::kBatchesPath, "{}", "k");
  CHECK(next.status == 0);
  CHECK_THAT(next.error, Catch::Contains("aborted"));
}

TEST_CASE("an answer past max_answer_bytes is cut off: no answer, retry", "[integration]") {
  ScriptedIngest server(
      [](const ingest::Request&) { return json_answer(200, std::string(64 * 1024, ' ')); });
  ClientOptions options = server.client_options();
  options.max_answer_bytes = 1024;
  auto client = make_client(options);
  const auto answer = client->post_json(transport::kBatchesPath, "{}", "k");
  CHECK(answer.status == 0);
  CHECK_THAT(answer.error, Catch::Contains("larger than 1024 bytes"));
  CHECK(transport::classify(answer).outcome == Outcome::retry);
}

TEST_CASE("nothing listening: a network error, retry", "[integration]") {
  ClientOptions options;
  options.base_url = "http://127.0.0.1:" + std::to_string(test::free_loopback_port());
  options.allow_insecure_http = true;
  options.no_proxy = "*";
  auto client = make_client(options);
  const auto answer = client->post_json(transport::kBatchesPath, "{}", "k");
  CHECK(answer.status == 0);
  CHECK_THAT(answer.error, Catch::Contains("POST " + options.base_url + "/api/v1/batches"));
  CHECK(transport::classify(answer).outcome == Outcome::retry);
}

TEST_CASE("an explicit proxy is used: a closed proxy port is a retryable network error",
          "[integration]") {
  TlsFiles tls;
  ScriptedIngest server(ok_answer, &tls);
  const unsigned short proxy_port = test::free_loopback_port();
  ClientOptions options = server.client_options();
  options.ca_file = tls.certificate();
  options.proxy = "http://127.0.0.1:" + std::to_string(proxy_port);
  options.no_proxy = "";  // proxy everything, 127.0.0.1 included, whatever NO_PROXY says
  auto client = make_client(options);
  const auto answer = client->post_json(transport::kBatchesPath, "{}", "k");
  CHECK(answer.status == 0);
  CHECK_THAT(answer.error, Catch::Contains("port " + std::to_string(proxy_port)) &&
                               Catch::Contains("through the configured proxy"));
  CHECK(transport::classify(answer).outcome == Outcome::retry);
  CHECK(server.requests().empty());

  SECTION("and the same client without the proxy reaches the server") {
    options.proxy.clear();
    options.no_proxy = "*";
    CHECK(make_client(options)->post_json(transport::kBatchesPath, "{}", "k").status == 200);
  }
}

TEST_CASE("with no proxy option, libcurl's https_proxy environment variable is used",
          "[integration]") {
  // Set only for this test's requests, restored after; libcurl reads them in perform().
  class ScopedEnv {
   public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
      if (const char* old = std::getenv(name)) old_ = old;
      if (value)
        ::setenv(name, value->c_str(), 1);
      else
        ::unsetenv(name);
    }
    ~ScopedEnv() {
      if (old_)
        ::setenv(name_, old_->c_str(), 1);
      else
        ::unsetenv(name_);
    }

   private:
    const char* name_;
    std::optional<std::string> old_;
  };
  TlsFiles tls;
  ScriptedIngest server(ok_answer, &tls);
  const unsigned short proxy_port = test::free_loopback_port();
  const ScopedEnv proxy("https_proxy", "http://127.0.0.1:" + std::to_string(proxy_port));
  const ScopedEnv no_proxy("no_proxy", std::nullopt), no_proxy_upper("NO_PROXY", std::nullopt);
  ClientOptions options = server.client_options();
  options.ca_file = tls.certificate();
  options.no_proxy.reset();  // the environment decides
  const auto answer = make_client(options)->post_json(transport::kBatchesPath, "{}", "k");
  CHECK(answer.status == 0);
  CHECK_THAT(answer.error, Catch::Contains("port " + std::to_string(proxy_port)));
  CHECK(server.requests().empty());

  SECTION("and no_proxy = \"*\" goes direct whatever the environment says") {
    options.no_proxy = "*";
    CHECK(make_client(options)->post_json(transport::kBatchesPath, "{}", "k").status == 200);
  }
}

TEST_CASE("one client reuses its connection and survives a failed request", "[integration]") {
  std::atomic<int> calls = 0;
  ScriptedIngest server([&](const ingest::Request& request) {
    return ++calls == 2 ? json_answer(500, R"({"error":{"code":"internal_error","message":"x"}})")
                        : ok_answer(request);
  });
  auto client = make_client(server.client_options());
  CHECK(client->post_json(transport::kBatchesPath, "{}", "k").status == 200);
  CHECK(client->post_json(transport::kBatchesPath, "{}", "k").status == 500);
  CHECK(client->post_json(transport::kBatchesPath, R"({"third":true})", "k2").status == 200);
  const auto seen = server.requests();
  REQUIRE(seen.size() == 3);
  CHECK(seen[2].authorization == "Bearer k2");
  CHECK(seen[2].body == R"({"third":true})");
}
