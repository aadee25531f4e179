// The api collector's pure parts: Go-style flags, service URLs, etcd's answer to the live
// range request (recorded from etcd 3.4.23: open, and with authentication on), and the
// probes of applications' HTTP APIs (OpenAPI documents, CORS headers, which listeners).
#include <catch2/catch.hpp>

#include "collectors/api/live_checks.hpp"
#include "collectors/api/service_args.hpp"
#include "collectors/api/service_url.hpp"
#include "collectors/api/web_api.hpp"

using Args = std::vector<std::string>;

TEST_CASE("flags: every form Go programs take, the last one given wins", "[unit]") {
  using zt::api::flag_is_true;
  using zt::api::flag_value;
  const Args etcd = {"/usr/bin/etcd", "--listen-client-urls", "http://a:1", "-data-dir=/d",
                     "--listen-client-urls=http://b:2", "--client-cert-auth"};
  CHECK(flag_value(etcd, "listen-client-urls") == "http://b:2");
  CHECK(flag_value(etcd, "data-dir") == "/d");
  CHECK_FALSE(flag_value(etcd, "config-file"));
  CHECK(flag_is_true(etcd, "client-cert-auth", false));
  CHECK(flag_is_true({"etcd", "--client-cert-auth=false"}, "client-cert-auth", true) == false);
  CHECK(flag_is_true({"prometheus", "--no-web.enable-lifecycle"}, "web.enable-lifecycle", true) ==
        false);
  // A boolean never takes the next argument.
  CHECK(flag_is_true({"etcd", "--client-cert-auth", "--name", "x"}, "client-cert-auth", false));
  CHECK_FALSE(flag_value({"etcd"}, "name"));
  CHECK_FALSE(flag_value({"etcd", "--name"}, "name"));  // no value after it
}

TEST_CASE("service URLs: scheme, host without brackets, port or the default", "[unit]") {
  const auto urls = zt::api::parse_service_urls(
      "http://0.0.0.0:2379, https://[::1]:2380,unix://local,http://bad:99999,nonsense", 2379);
  REQUIRE(urls.size() == 3);
  CHECK(urls[0].scheme == "http");
  CHECK(urls[0].host == "0.0.0.0");
  CHECK(urls[0].port == 2379);
  CHECK(urls[1].host == "::1");
  CHECK(urls[1].port == 2380);
  CHECK(urls[2].scheme == "unix");
  CHECK(urls[2].host == "local");
  CHECK(urls[2].port == 2379);
  CHECK(urls[1].text == "https://[::1]:2380");
}

TEST_CASE("etcd: a range answered with a header is open, an error with auth on is not",
          "[unit]") {
  CHECK(zt::api::etcd_range_request().starts_with("POST /v3/kv/range HTTP/1.0\r\n"));
  CHECK(zt::api::etcd_range_open(
      "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nGrpc-Metadata-Content-Type: "
      "application/grpc\r\nContent-Length: 114\r\n\r\n"
      R"({"header":{"cluster_id":"14841639068965178418","member_id":"10276657743932975437",)"
      R"("revision":"1","raft_term":"2"}})"));
  CHECK_FALSE(zt::api::etcd_range_open(
      "HTTP/1.0 400 Bad Request\r\nContent-Type: application/json\r\n\r\n"
      R"({"error":"etcdserver: user name is empty","message":"etcdserver: user name is empty",)"
      R"("code":3})"));
}

TEST_CASE("applications' HTTP APIs: OpenAPI 3 and Swagger 2 documents, CORS headers, and which "
          "listeners are asked",
          "[unit]") {
  using namespace zt::api;
  const auto v3 = read_openapi(
      "/openapi.json",
      "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n"
      R"({"openapi":"3.0.0","info":{"title":"Swagger Petstore"},)"
      R"("paths":{"/pets":{"get":{},"post":{}},"/pets/{petId}":{"get":{}}}})");
  REQUIRE(v3);
  CHECK(v3->version == "3.0.0");
  CHECK(v3->title == "Swagger Petstore");
  CHECK(v3->operations == 3);
  const auto v2 = read_openapi("/v2/api-docs",
                               "HTTP/1.1 200 \r\n\r\n{\"swagger\":\"2.0\",\"paths\":{}}");
  REQUIRE(v2);
  CHECK(v2->version == "2.0");
  CHECK_FALSE(read_openapi("/openapi.json", "HTTP/1.1 200 OK\r\n\r\n{\"status\":\"ok\"}"));
  CHECK_FALSE(
      read_openapi("/openapi.json", "HTTP/1.1 401 Unauthorized\r\n\r\n{\"openapi\":\"3\"}"));

  const CorsPolicy reflected = read_cors(
      "HTTP/1.0 404 Not Found\r\naccess-control-allow-origin: https://zerotrace-probe.invalid\r\n"
      "Access-Control-Allow-Credentials: TRUE\r\n\r\n");
  CHECK(reflected.origin == CorsOrigin::reflected);
  CHECK(reflected.credentials);
  const CorsPolicy any = read_cors("HTTP/1.0 200 OK\r\nAccess-Control-Allow-Origin: *\r\n\r\n");
  CHECK(any.origin == CorsOrigin::any);
  CHECK_FALSE(any.credentials);
  CHECK(read_cors("HTTP/1.0 200 OK\r\n\r\nAccess-Control-Allow-Origin: *").origin ==
        CorsOrigin::none);  // in the body, not a header

  CHECK(web_answer_done("SSH-2.0-OpenSSH_9.2p1\r\n"));
  CHECK_FALSE(web_answer_done("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab"));
  zt::collector::ListeningSocket s;
  s.address = "0.0.0.0";
  s.port = 4100;
  CHECK_FALSE(is_web_api_candidate(s));  // no process, not a usual HTTP port
  s.process = zt::collector::ProcessInfo{1, "python3.11", "app", {"python3", "app.py"}};
  CHECK(is_web_api_candidate(s));
  s.address = "127.0.0.1";
  CHECK_FALSE(is_web_api_candidate(s));  // loopback only
  s.address = "::";
  s.port = 8080;
  s.process->name = "nginx";
  CHECK(is_web_api_candidate(s));  // a usual HTTP port
}
