// classify(): the outcome table, the reason text, Retry-After passed on.
#include "transport/upload_outcome.hpp"

#include <catch2/catch.hpp>

using namespace zt::transport;

namespace {

HttpAnswer answer(long status, std::string body = "") {
  HttpAnswer a;
  a.status = status;
  a.body = std::move(body);
  return a;
}

}  // namespace

TEST_CASE("classify: the outcome of every kind of status", "[unit]") {
  struct Row {
    long status;
    Outcome outcome;
  };
  const Row table[] = {
      {200, Outcome::delivered}, {201, Outcome::delivered},    {204, Outcome::delivered},
      {0, Outcome::retry},       {408, Outcome::retry},        {429, Outcome::retry},
      {500, Outcome::server_error}, {508, Outcome::server_error}, {599, Outcome::server_error},
      {501, Outcome::retry},     {502, Outcome::retry},        {503, Outcome::retry},
      {504, Outcome::retry},     {505, Outcome::retry},        {507, Outcome::retry},
      {511, Outcome::retry},     {301, Outcome::retry},        {307, Outcome::retry},
      {100, Outcome::retry},     {401, Outcome::unauthorized}, {403, Outcome::unauthorized},
      {400, Outcome::rejected},  {404, Outcome::rejected},     {405, Outcome::rejected},
      {409, Outcome::rejected},  {413, Outcome::too_large},    {415, Outcome::rejected},
      {422, Outcome::rejected},  {499, Outcome::rejected},
  };
  for (const Row& row : table) {
    INFO("status " << row.status);
    CHECK(classify(answer(row.status)).outcome == row.outcome);
  }
}

TEST_CASE("classify: a duplicate batch is delivered, and says so", "[unit]") {
  const auto written = classify(answer(200, R"({"batch_id":"b","result":"written"})"));
  CHECK(written.outcome == Outcome::delivered);
  CHECK_FALSE(written.duplicate);
  CHECK(written.reason == "HTTP 200 written");
  const auto duplicate = classify(answer(200, R"({"batch_id":"b","result":"duplicate"})"));
  CHECK(duplicate.outcome == Outcome::delivered);
  CHECK(duplicate.duplicate);
  CHECK(duplicate.reason == "HTTP 200 duplicate");
  CHECK(classify(answer(200, "not json")).reason == "HTTP 200");
}

TEST_CASE("classify: the reason carries the ingest's error code, message and problems", "[unit]") {
  const auto rejected = classify(
      answer(422, R"({"error":{"code":"invalid_batch","message":"the batch is invalid","problems":)"
                  R"(["$.a: bad","$.b: bad","$.c: bad","$.d: bad","$.e: bad"]}})"));
  CHECK(rejected.outcome == Outcome::rejected);
  CHECK(rejected.reason ==
        "HTTP 422 invalid_batch: the batch is invalid ($.a: bad; $.b: bad; $.c: bad; +2 more)");

  CHECK(classify(answer(400, R"({"error":{"code":"c","message":"m","problems":[1,2]}})")).reason ==
        "HTTP 400 c: m (+2 more)");

  const auto no_answer = [] {
    HttpAnswer a;
    a.error = "POST https://x/api/v1/batches: Connection refused";
    return classify(a);
  }();
  CHECK(no_answer.reason == "no answer: POST https://x/api/v1/batches: Connection refused");

  CHECK(classify(answer(502, "<html>\n\x01gateway</html>")).reason ==
        "HTTP 502 <html>  gateway</html>");
  CHECK_THAT(classify(answer(301)).reason,
             Catch::Contains("unexpected redirect; check server.url"));
  CHECK(classify(answer(500, std::string(5000, 'x'))).reason.size() <= 1024);
}

TEST_CASE("classify: Retry-After is passed on, whatever the outcome", "[unit]") {
  HttpAnswer busy = answer(429);
  busy.retry_after = std::chrono::seconds(30);
  CHECK(classify(busy).retry_after == std::chrono::seconds(30));
  HttpAnswer slow_down = answer(200, R"({"result":"written"})");
  slow_down.retry_after = std::chrono::seconds(120);
  const auto delivered = classify(slow_down);
  CHECK(delivered.outcome == Outcome::delivered);
  CHECK(delivered.retry_after == std::chrono::seconds(120));
  CHECK_FALSE(classify(answer(503)).retry_after);
}

TEST_CASE("outcomes have names for logs and metrics", "[unit]") {
  CHECK(to_string(Outcome::delivered) == "delivered");
  CHECK(to_string(Outcome::retry) == "retry");
  CHECK(to_string(Outcome::rejected) == "rejected");
  CHECK(to_string(Outcome::unauthorized) == "unauthorized");
}
