#include <catch2/catch.hpp>

#include "schema-client/model/wire_format.hpp"
#include "tests/ingest/api/ingest_process.hpp"

using nlohmann::json;
using zt::testing::IngestProcess;

namespace {

std::string enroll_body(const std::string& token) {
  zt::model::AgentInfo info;
  info.name = info.hostname = "db-7";
  info.version = "0.1.0";
  return json{{"enrollment_token", token}, {"agent", zt::model::to_json(info)}}.dump();
}

json error_of(const zt::test::HttpReply& reply) { return json::parse(reply.body).at("error"); }

}  // namespace

TEST_CASE("An agent enrolls with a company's token and gets an api key shown once",
          "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const std::string token = ingest.create_token(company);
  CHECK(token.starts_with("zte_"));

  const auto reply = ingest.post("/api/v1/enroll", enroll_body(token));
  REQUIRE(reply.status == 201);
  const json answer = json::parse(reply.body);
  const std::string key = answer.at("api_key");
  CHECK(key.starts_with("zt_"));
  CHECK(key.size() >= 3 + 43);  // 256 random bits in base64url

  // Stored as a hash only, in the company of the token.
  const std::string id = answer.at("agent_id");
  CHECK(ingest.count("SELECT count(*) FROM agents WHERE id = '" + id + "' AND company_id = '" +
                     company + "' AND api_key = encode(sha256('" + key + "'), 'hex')"
                     " AND hostname = 'db-7'") == 1);
  CHECK(ingest.count("SELECT count(*) FROM agents WHERE api_key LIKE 'zt_%'") == 0);
  CHECK(ingest.count("SELECT uses FROM enrollment_tokens") == 1);

  // The operator sees it, with only the key's prefix.
  const auto listed = ingest.admin({"agent", "list"});
  REQUIRE(listed.exit_code == 0);
  REQUIRE(listed.output.size() == 1);
  CHECK(listed.output[0].at("id") == id);
  CHECK(key.starts_with(listed.output[0].at("api_key_prefix").get<std::string>()));
  CHECK(listed.output[0].at("api_key_prefix").get<std::string>().size() < 12);
}

TEST_CASE("Enrollment refuses bad tokens and bad requests, writing nothing", "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const auto limited = ingest.admin({"token", "create", "--company", company, "--max-uses", "1"});
  REQUIRE(limited.exit_code == 0);
  const std::string once = limited.output.at("token");
  REQUIRE(ingest.post("/api/v1/enroll", enroll_body(once)).status == 201);

  SECTION("a used-up token") {
    const auto reply = ingest.post("/api/v1/enroll", enroll_body(once));
    CHECK(reply.status == 401);
    CHECK(error_of(reply).at("code") == "unauthorized");
  }
  SECTION("an unknown token") {
    CHECK(ingest.post("/api/v1/enroll", enroll_body("zte_nope")).status == 401);
  }
  SECTION("malformed JSON") {
    const auto reply = ingest.post("/api/v1/enroll", "{\"enrollment_token\": ");
    CHECK(reply.status == 400);
    CHECK(error_of(reply).at("code") == "malformed_json");
  }
  SECTION("not JSON") {
    const auto reply =
        ingest.post("/api/v1/enroll", enroll_body(once), "", {"Content-Type: text/plain"});
    CHECK(reply.status == 415);
  }
  SECTION("a missing agent and an unknown key, each named by its path") {
    const auto reply = ingest.post("/api/v1/enroll", R"({"enrollment_token": "x", "extra": 1})");
    REQUIRE(reply.status == 422);
    const std::string problems = error_of(reply).at("problems").dump();
    CHECK_THAT(problems, Catch::Contains("$.agent: required key is missing"));
    CHECK_THAT(problems, Catch::Contains("$.extra: unknown key"));
  }
  CHECK(ingest.count("SELECT count(*) FROM agents") == 1);
}

TEST_CASE("The operator's commands check their arguments and say what they did",
          "[integration]") {
  IngestProcess ingest;
  const auto bad = ingest.admin({"token", "create", "--company", "not-a-uuid"});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("--company must be a UUID"));
  const auto missing =
      ingest.admin({"token", "create", "--company", "00000000-0000-4000-8000-000000000000"});
  CHECK(missing.exit_code == 1);
  CHECK_THAT(missing.err, Catch::Contains("no company"));
  const auto unknown = ingest.admin({"agent", "revoke", "00000000-0000-4000-8000-000000000000"});
  CHECK(unknown.exit_code == 1);
  const auto usage = zt::test::run_process({zt::testing::ingest_binary(), "company"});
  CHECK(usage.exit_code == 2);
  const auto migrate = ingest.admin({"migrate"});
  CHECK(migrate.exit_code == 0);
  CHECK(migrate.output.at("applied").empty());
}
