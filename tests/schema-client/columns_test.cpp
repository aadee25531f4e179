// Every value against its column (schema-client/model/columns.hpp): what is cleaned and noted,
// what is refused with its path, and that the strict reader refuses what no column takes.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "schema-client/model/columns.hpp"
#include "schema-client/model/wire_format.hpp"
#include "tests/schema-client/problem_lines.hpp"
#include "tests/schema-client/sample_batch.hpp"

using namespace zt;
using nlohmann::json;
using Lines = std::vector<std::string>;

namespace {

const std::string kNul(1, '\0');
const std::string kReplacement = "\xEF\xBF\xBD";

// Nested `levels` deep: level 1 is the outer object.
json nested(int levels) {
  json value = "leaf";
  for (int i = 0; i < levels; ++i) value = json{{"a", value}};
  return value;
}

std::string path_of(int levels, const std::string& root) {
  std::string path = root;
  for (int i = 0; i < levels; ++i) path += ".a";
  return path;
}

}  // namespace

TEST_CASE("columns: U+0000 is replaced everywhere and noted in the metadata", "[unit]") {
  model::Batch batch = testing::sample_batch();
  model::Finding& auth = batch.findings[3];
  auth.title = "bad" + kNul + "title" + kNul;
  auth.fields["user_account"] = "ro" + kNul + "ot";
  auth.metadata["evidence"] = json::array({"line" + kNul});
  auth.metadata["k" + kNul] = 1;
  batch.agent.hostname = "host" + kNul;
  batch.dependencies[0].license = kNul;
  batch.dependencies[0].source_name = "open" + kNul + "ssl";
  batch.scan.results["sys" + kNul] = {.status = model::CollectorStatus::failed,
                                      .errors = {"e" + kNul},
                                      .inventory = json{{"os", "x" + kNul}}};
  const std::string renamed = "$.scan.results.sys" + kReplacement;

  const Lines notes = model::fit_to_columns(batch);
  CHECK(notes == Lines{"$.agent.hostname: 1 U+0000 replaced by U+FFFD",
                       renamed + ": 1 U+0000 replaced by U+FFFD in the key",
                       renamed + ".errors[0]: 1 U+0000 replaced by U+FFFD",
                       renamed + ".inventory.os: 1 U+0000 replaced by U+FFFD",
                       "$.dependencies[0].license: 1 U+0000 replaced by U+FFFD",
                       "$.dependencies[0].source_name: 1 U+0000 replaced by U+FFFD",
                       "$.findings[3].title: 2 U+0000 replaced by U+FFFD",
                       "$.findings[3].fields.user_account: 1 U+0000 replaced by U+FFFD",
                       "$.findings[3].metadata.k" + kReplacement +
                           ": 1 U+0000 replaced by U+FFFD in the key",
                       "$.findings[3].metadata.evidence[0]: 1 U+0000 replaced by U+FFFD"});
  CHECK(auth.title == "bad" + kReplacement + "title" + kReplacement);
  CHECK(auth.fields["user_account"] == "ro" + kReplacement + "ot");
  CHECK(auth.metadata["evidence"][0] == "line" + kReplacement);
  CHECK(auth.metadata.contains("k" + kReplacement));
  CHECK(batch.agent.hostname == "host" + kReplacement);
  CHECK(auth.metadata["zt_cleaned"] ==
        json::array({"title: 2 U+0000 replaced by U+FFFD",
                     "fields.user_account: 1 U+0000 replaced by U+FFFD",
                     "metadata.k" + kReplacement + ": 1 U+0000 replaced by U+FFFD in the key",
                     "metadata.evidence[0]: 1 U+0000 replaced by U+FFFD"}));
  CHECK(batch.scan.metadata["zt_cleaned"] ==
        json::array({"$.agent.hostname: 1 U+0000 replaced by U+FFFD",
                     renamed + ": 1 U+0000 replaced by U+FFFD in the key",
                     renamed + ".errors[0]: 1 U+0000 replaced by U+FFFD",
                     renamed + ".inventory.os: 1 U+0000 replaced by U+FFFD",
                     "$.dependencies[0].license: 1 U+0000 replaced by U+FFFD",
                     "$.dependencies[0].source_name: 1 U+0000 replaced by U+FFFD"}));
  CHECK(batch.dependencies[0].source_name == "open" + kReplacement + "ssl");
  CHECK(batch.scan.results.at("sys" + kReplacement).errors ==
        std::vector<std::string>{"e" + kReplacement});
  CHECK(serialize(batch).find("\\u0000") == std::string::npos);

  // Fitted once, fitted for good: the same batch again changes nothing.
  const model::Batch fitted = batch;
  CHECK(model::fit_to_columns(batch).empty());
  CHECK(batch == fitted);
}

TEST_CASE("columns: over-long free text is cut on a character boundary and noted", "[unit]") {
  model::Finding f = testing::sample_finding(model::Category::auth);
  std::string title;
  for (int i = 0; i < 2000; ++i) title += "\xC3\xA9";  // é: two bytes, one character
  f.title = title;
  f.description = std::string(70000, 'd');
  CHECK(model::fit_to_columns(f) ==
        Lines{"title: cut from 2000 to 1024 characters",
              "description: cut from 70000 to 65536 characters"});
  CHECK(f.title.size() == 2048);
  CHECK(f.description.size() == 65536);
  CHECK(model::column_problems(f, "$").empty());
}

TEST_CASE("columns: what no column takes is refused, naming each path", "[unit]") {
  json doc = testing::sample_document();
  SECTION("a varchar(100) finding_type of 5,000 characters") {
    doc["findings"][3]["fields"]["finding_type"] = std::string(5000, 'x');
    CHECK(
        testing::problem_lines(model::parse_batch(doc.dump())) ==
        Lines{"$.findings[3].fields.finding_type: longer than the column's 100 characters (5000)"});
  }
  SECTION("ports and integers outside the column's range") {
    doc["findings"][1]["fields"]["port"] = 70000;
    doc["findings"][4]["fields"]["port"] = 1000000000000LL;
    doc["findings"][1]["fields"]["vulnerability_count"] = 18446744073709551615ULL;
    CHECK(testing::problem_lines(model::parse_batch(doc.dump())) ==
          Lines{"$.findings[1].fields.port: must be between 0 and 65535 (the column's range), got "
                "70000",
                "$.findings[1].fields.vulnerability_count: must be between -2147483648 and "
                "2147483647 (the column's range), got 18446744073709551615",
                "$.findings[4].fields.port: must be between 0 and 65535 (the column's range), got "
                "1000000000000"});
  }
  SECTION("JSON nested deeper than the limit") {
    doc["findings"][0]["metadata"]["deep"] = nested(model::kMaxJsonDepth);
    // results is level 1, the outcome 2, its inventory 3.
    doc["scan"]["results"]["network"]["inventory"] = nested(model::kMaxJsonDepth - 1);
    CHECK(testing::problem_lines(model::parse_batch(doc.dump())) ==
          Lines{path_of(model::kMaxJsonDepth - 2, "$.scan.results.network.inventory") +
                    ": JSON nested deeper than 32 levels",
                path_of(model::kMaxJsonDepth - 1, "$.findings[0].metadata.deep") +
                    ": JSON nested deeper than 32 levels"});
  }
  SECTION("exactly as deep as the limit is fine") {
    doc["findings"][0]["metadata"]["deep"] = nested(model::kMaxJsonDepth - 1);
    doc["scan"]["results"]["network"]["inventory"] = nested(model::kMaxJsonDepth - 2);
    CHECK(model::parse_batch(doc.dump()).ok());
  }
  SECTION("a CVSS score the v1 column cannot hold") {
    doc["findings"][0]["metadata"]["cvss_score"] = 1e6;
    CHECK(
        testing::problem_lines(model::parse_batch(doc.dump())) ==
        Lines{
            "$.findings[0].metadata.cvss_score: must be a number between 0 and 10, got 1000000.0"});
  }
  SECTION("year 0 in a timestamp or a date") {
    doc["scan"]["start_time"] = "0000-06-01T00:00:00Z";
    doc["findings"][0]["fields"]["eol_date"] = "0000-01-01";
    CHECK(testing::problem_lines(model::parse_batch(doc.dump())) ==
          Lines{"$.scan.start_time: must not be before 0001-01-01 (UTC)",
                "$.findings[0].fields.eol_date: must not be before 0001-01-01"});
  }
  SECTION("the agent's version, the scan type, a dependency's name and type") {
    doc["agent"]["version"] = std::string(65, '1');
    doc["scan"]["scan_type"] = std::string(51, 's');
    doc["dependencies"][0]["name"] = std::string(501, 'n');
    doc["dependencies"][0]["type"] = std::string(51, 't');
    CHECK(testing::problem_lines(model::parse_batch(doc.dump())) ==
          Lines{"$.agent.version: longer than the column's 64 characters (65)",
                "$.scan.scan_type: longer than the column's 50 characters (51)",
                "$.dependencies[0].name: longer than the column's 500 characters (501)",
                "$.dependencies[0].type: longer than the column's 50 characters (51)"});
  }
  SECTION("an indexed text column past its cap: a network host") {
    doc["findings"][1]["fields"]["host"] = std::string(501, 'h');
    CHECK(testing::problem_lines(model::parse_batch(doc.dump())) ==
          Lines{"$.findings[1].fields.host: longer than the column's 500 characters (501)"});
  }
  SECTION("an enrollment's agent is checked the same way") {
    json agent = doc["agent"];
    agent["version"] = std::string(65, '1');
    CHECK(testing::problem_lines(model::agent_from_json(agent)) ==
          Lines{"$.agent.version: longer than the column's 64 characters (65)"});
  }
}

TEST_CASE("columns: varchar limits are counted in characters, as PostgreSQL counts them",
          "[unit]") {
  json doc = testing::sample_document();
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "\xE2\x82\xAC";  // €: three bytes, one character
  doc["findings"][3]["fields"]["finding_type"] = hundred;
  CHECK(model::parse_batch(doc.dump()).ok());
}
