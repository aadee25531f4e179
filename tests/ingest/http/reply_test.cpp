#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/logger.h>

#include <stdexcept>

#include "ingest/http/reply.hpp"
#include "tests/schema-client/base/gzip_writer.hpp"

using namespace zt::ingest;

namespace {

spdlog::logger& quiet_logger() {
  static spdlog::logger logger("reply-test");  // no sinks: lines go nowhere
  return logger;
}

std::string code_of(const Reply& reply) {
  return nlohmann::json::parse(reply.response.body)["error"]["code"];
}

Request with_body(std::string body) {
  Request request;
  request.method = "POST";
  request.target = "/v1/batches";
  request.body = std::move(body);
  return request;
}

Response echo_body(const Request& request) {
  Response response;
  response.body = request.body;
  return response;
}

}  // namespace

TEST_CASE("process passes the request to the handler", "[unit]") {
  const Reply reply = process(echo_body, quiet_logger(), 1024, with_body("hello"), false);
  CHECK(reply.response.status == 200);
  CHECK(reply.response.body == "hello");
  CHECK_FALSE(reply.close);
  CHECK(reply.error_kind.empty());
}

TEST_CASE("process decodes a gzip body first", "[unit]") {
  const Reply reply =
      process(echo_body, quiet_logger(), 1024, with_body(zt::test::gzip("inflated")), true);
  CHECK(reply.response.body == "inflated");
}

TEST_CASE("process refuses a gzip body past the limit with 413 and closes", "[unit]") {
  bool called = false;
  const Handler handler = [&](const Request& request) {
    called = true;
    return echo_body(request);
  };
  const Reply reply = process(handler, quiet_logger(), 1000,
                              with_body(zt::test::gzip(std::string(1001, 'x'))), true);
  CHECK(reply.response.status == 413);
  CHECK(code_of(reply) == "body_too_large");
  CHECK(reply.close);
  CHECK(reply.error_kind == "body_too_large");
  CHECK_FALSE(called);
}

TEST_CASE("process answers 400 to a corrupt gzip body and keeps the connection", "[unit]") {
  const Reply reply = process(echo_body, quiet_logger(), 1024, with_body("not gzip"), true);
  CHECK(reply.response.status == 400);
  CHECK(code_of(reply) == "bad_request");
  CHECK_FALSE(reply.close);
}

TEST_CASE("process turns a handler exception into 500 without its text", "[unit]") {
  const Handler throws = [](const Request&) -> Response {
    throw std::runtime_error("database password is hunter2");
  };
  const Reply reply = process(throws, quiet_logger(), 1024, with_body("{}"), false);
  CHECK(reply.response.status == 500);
  CHECK(code_of(reply) == "internal_error");
  CHECK(reply.response.body.find("hunter2") == std::string::npos);

  const Handler throws_int = [](const Request&) -> Response { throw 42; };
  CHECK(process(throws_int, quiet_logger(), 1024, with_body("{}"), false).response.status == 500);
}
