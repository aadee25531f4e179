#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "ingest/http/header_values.hpp"
#include "ingest/http/request.hpp"

using namespace zt::ingest;

TEST_CASE("media_type lower-cases and drops parameters", "[unit]") {
  CHECK(media_type("Application/JSON; charset=utf-8") == "application/json");
  CHECK(media_type("  text/plain  ") == "text/plain");
  CHECK(media_type("") == "");
  CHECK(media_type(";charset=x") == "");
}

TEST_CASE("path_of drops the query string", "[unit]") {
  CHECK(path_of("/v1/batches?x=1&y=2") == "/v1/batches");
  CHECK(path_of("/metrics") == "/metrics");
  CHECK(path_of("/?") == "/");
}

TEST_CASE("body_encoding knows identity and gzip only", "[unit]") {
  CHECK(body_encoding("") == BodyEncoding::identity);
  CHECK(body_encoding("identity") == BodyEncoding::identity);
  CHECK(body_encoding("GZIP") == BodyEncoding::gzip);
  CHECK(body_encoding(" x-gzip ") == BodyEncoding::gzip);
  CHECK(body_encoding("br") == BodyEncoding::unsupported);
  CHECK(body_encoding("deflate") == BodyEncoding::unsupported);
  CHECK(body_encoding("gzip, gzip") == BodyEncoding::unsupported);
}

TEST_CASE("known_route finds a known path, nothing for the rest", "[unit]") {
  const std::vector<KnownRoute> known = {{"/v1/batches", {{"max", 1}}}, {"/metrics", nullptr}};
  REQUIRE(known_route("/metrics", known) == &known[1]);
  CHECK(known_route("/v1/batches", known)->answer_fields == nlohmann::json{{"max", 1}});
  CHECK(known_route("/v1/batches/x", known) == nullptr);
  CHECK(known_route("", known) == nullptr);
}

TEST_CASE("error_response is the JSON error shape", "[unit]") {
  const Response plain = error_response(413, "body_too_large", "too big");
  CHECK(plain.status == 413);
  CHECK(plain.content_type == "application/json");
  CHECK(nlohmann::json::parse(plain.body) ==
        nlohmann::json{{"error", {{"code", "body_too_large"}, {"message", "too big"}}}});
  CHECK_FALSE(plain.retry_after);

  const Response listed = error_response(422, "invalid_batch", "2 problems", {"$.a: x", "$.b: y"});
  const auto document = nlohmann::json::parse(listed.body);
  CHECK(document["error"]["problems"] == nlohmann::json::array({"$.a: x", "$.b: y"}));
  CHECK(document["error"]["code"] == "invalid_batch");
}

TEST_CASE("error_response survives a message that is not UTF-8", "[unit]") {
  const Response response = error_response(400, "bad_request", std::string("bad \xff byte"));
  CHECK_NOTHROW(nlohmann::json::parse(response.body));
}
