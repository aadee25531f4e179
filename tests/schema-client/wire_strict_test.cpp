// The reader is strict, and every problem names the JSON path a user would go and fix.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "schema-client/model/wire_format.hpp"
#include "tests/schema-client/problem_lines.hpp"
#include "tests/schema-client/sample_batch.hpp"

using namespace zt;
using nlohmann::json;

namespace {

// The reader's problems, one per line; empty when the document is accepted.
std::vector<std::string> problems(const json& doc) {
  return testing::problem_lines(model::parse_batch(doc.dump()));
}

using testing::Lines;

const char* const kAllCategories =
    "system, network, compliance, auth, database, api, container, ai_ml, iot_ot, privacy, "
    "web3, config";

}  // namespace

TEST_CASE("the sample document is accepted", "[unit][wire]") {
  CHECK(problems(testing::sample_document()) == Lines{});
}

TEST_CASE("unknown keys are rejected wherever they are", "[unit][wire]") {
  json doc = testing::sample_document();
  SECTION("top level") {
    doc["company_id"] = "c0ffee00-0000-4000-8000-000000000000";
    CHECK(problems(doc) == Lines{"$.company_id: unknown key"});
  }
  SECTION("in a finding") {
    doc["findings"][1]["cvss"] = 9.8;
    CHECK(problems(doc) == Lines{"$.findings[1].cvss: unknown key"});
  }
  SECTION("in the agent") {
    doc["agent"]["api_key"] = "secret";
    CHECK(problems(doc) == Lines{"$.agent.api_key: unknown key"});
  }
  SECTION("in the scan") {
    doc["scan"]["agent_id"] = "x";
    CHECK(problems(doc) == Lines{"$.scan.agent_id: unknown key"});
  }
  SECTION("in a dependency") {
    doc["dependencies"][1]["purl"] = "pkg:deb/debian/libc6";
    CHECK(problems(doc) == Lines{"$.dependencies[1].purl: unknown key"});
  }
}

TEST_CASE("wrong types name the path, the expected type and the type found", "[unit][wire]") {
  json doc = testing::sample_document();
  SECTION("risk_score as a string") {
    doc["findings"][1]["risk_score"] = "7.5";
    CHECK(problems(doc) == Lines{"$.findings[1].risk_score: expected number, got string"});
  }
  SECTION("title as a number is reported once, not also as empty") {
    doc["findings"][0]["title"] = 42;
    CHECK(problems(doc) == Lines{"$.findings[0].title: expected string, got integer"});
  }
  SECTION("progress as a fraction") {
    doc["scan"]["progress"] = 50.5;
    CHECK(problems(doc) == Lines{"$.scan.progress: expected integer, got number"});
  }
  SECTION("cpu_cores as a string") {
    doc["agent"]["cpu_cores"] = "8";
    CHECK(problems(doc) == Lines{"$.agent.cpu_cores: expected integer, got string"});
  }
  SECTION("findings as an object") {
    doc["findings"] = json::object();
    CHECK(problems(doc) == Lines{"$.findings: expected array, got object"});
  }
  SECTION("dependencies as null") {
    doc["dependencies"] = nullptr;
    CHECK(problems(doc) == Lines{"$.dependencies: expected array, got null"});
  }
  SECTION("agent as an array") {
    doc["agent"] = json::array();
    CHECK(problems(doc) == Lines{"$.agent: expected object, got array"});
  }
  SECTION("scan options as null") {
    doc["scan"]["options"] = nullptr;
    CHECK(problems(doc) == Lines{"$.scan.options: expected object, got null"});
  }
  SECTION("finding metadata as a string") {
    doc["findings"][2]["metadata"] = "none";
    CHECK(problems(doc) == Lines{"$.findings[2].metadata: expected object, got string"});
  }
  SECTION("finding fields as an array") {
    doc["findings"][3]["fields"] = json::array();
    CHECK(problems(doc) == Lines{"$.findings[3].fields: expected object, got array"});
  }
  SECTION("a dependency version as a boolean") {
    doc["dependencies"][0]["version"] = true;
    CHECK(problems(doc) == Lines{"$.dependencies[0].version: expected string, got boolean"});
  }
  SECTION("a dependency's source, architecture and ecosystem of other types") {
    doc["dependencies"][0]["source_name"] = nullptr;
    doc["dependencies"][0]["source_version"] = 2;
    doc["dependencies"][1]["arch"] = json::array({"amd64"});
    doc["dependencies"][1]["ecosystem"] = json{{"name", "Debian"}};
    CHECK(problems(doc) == Lines{"$.dependencies[0].source_name: expected string, got null",
                                 "$.dependencies[0].source_version: expected string, got integer",
                                 "$.dependencies[1].arch: expected string, got array",
                                 "$.dependencies[1].ecosystem: expected string, got object"});
  }
}

TEST_CASE("a dependency's source, architecture and ecosystem are optional: absent is empty",
          "[unit][wire]") {
  // An agent before 0008 sends none of them; its batch stays valid.
  json doc = testing::sample_document();
  for (const char* key : {"source_name", "source_version", "arch", "ecosystem"})
    doc["dependencies"][0].erase(key);
  const auto read = model::parse_batch(doc.dump());
  REQUIRE(read.ok());
  const model::Dependency& d = read->dependencies[0];
  CHECK(d == model::Dependency{"libssl3", "3.0.11-1~deb12u1", "deb", "/var/lib/dpkg/status",
                               "Apache-2.0", "", "", "", ""});

  // Empty strings are read as sent, and are "unknown" too.
  doc["dependencies"][0]["ecosystem"] = "";
  REQUIRE(model::parse_batch(doc.dump()).ok());
  CHECK(model::parse_batch(doc.dump())->dependencies[0] == d);
}

TEST_CASE("enums: severity, category and scan status", "[unit][wire]") {
  json doc = testing::sample_document();
  SECTION("severity") {
    doc["findings"][4]["severity"] = "severe";
    CHECK(problems(doc) == Lines{"$.findings[4].severity: must be one of critical, high, medium, "
                                 "low, info, got \"severe\""});
  }
  SECTION("severity is case-sensitive") {
    doc["findings"][4]["severity"] = "High";
    CHECK(problems(doc) == Lines{"$.findings[4].severity: must be one of critical, high, medium, "
                                 "low, info, got \"High\""});
  }
  SECTION("severity as a number") {
    doc["findings"][4]["severity"] = 3;
    CHECK(problems(doc) ==
          Lines{"$.findings[4].severity: must be one of critical, high, medium, low, info, got 3"});
  }
  SECTION("category") {
    doc["findings"][0]["category"] = "vulnerability";
    CHECK(problems(doc) == Lines{"$.findings[0].category: must be one of " +
                                 std::string(kAllCategories) + ", got \"vulnerability\""});
  }
  SECTION("scan status") {
    doc["scan"]["status"] = "done";
    CHECK(problems(doc) ==
          Lines{"$.scan.status: must be one of running, completed, partial, failed, got \"done\""});
  }
}

TEST_CASE("missing required keys", "[unit][wire]") {
  json doc = testing::sample_document();
  SECTION("top level") {
    doc.erase("schema_version");
    doc.erase("batch_id");
    doc.erase("findings");
    CHECK(problems(doc) == Lines{"$.schema_version: required key is missing",
                                 "$.batch_id: required key is missing",
                                 "$.findings: required key is missing"});
  }
  SECTION("agent and scan objects") {
    doc.erase("agent");
    doc.erase("scan");
    CHECK(problems(doc) ==
          Lines{"$.agent: required key is missing", "$.scan: required key is missing"});
  }
  SECTION("the message is one line naming the first problem and how many more there are") {
    doc.erase("schema_version");
    doc.erase("batch_id");
    doc.erase("findings");
    const auto parsed = model::parse_batch(doc.dump());
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message ==
          "$.schema_version: required key is missing; and 2 more problems");
    CHECK(parsed.error().problems.front() ==
          model::Problem{"$.schema_version", "required key is missing"});
  }
  SECTION("inside the agent and the scan") {
    doc["agent"].erase("hostname");
    doc["scan"].erase("start_time");
    doc["scan"].erase("id");
    CHECK(problems(doc) == Lines{"$.agent.hostname: required key is missing",
                                 "$.scan.id: required key is missing",
                                 "$.scan.start_time: required key is missing"});
  }
  SECTION("a finding's title is reported missing once, not also as empty") {
    doc["findings"][5].erase("title");
    doc["findings"][5].erase("fingerprint");
    doc["findings"][5].erase("severity");
    CHECK(problems(doc) == Lines{"$.findings[5].severity: required key is missing",
                                 "$.findings[5].title: required key is missing",
                                 "$.findings[5].fingerprint: required key is missing"});
  }
  SECTION("a dependency's name and version") {
    doc["dependencies"][0].erase("name");
    doc["dependencies"][0].erase("version");
    CHECK(problems(doc) == Lines{"$.dependencies[0].name: required key is missing",
                                 "$.dependencies[0].version: required key is missing"});
  }
  SECTION("optional keys may be left out") {
    doc.erase("dependencies");
    doc["agent"].erase("os");
    doc["agent"].erase("metrics");
    doc["scan"].erase("end_time");
    doc["scan"].erase("progress");
    doc["findings"][0].erase("description");
    doc["findings"][0].erase("risk_score");
    doc["findings"][0].erase("fields");
    doc["findings"][0].erase("metadata");
    CHECK(problems(doc) == Lines{});
  }
}

TEST_CASE("empty strings where a value is needed", "[unit][wire]") {
  json doc = testing::sample_document();
  doc["findings"][6]["title"] = "";
  doc["dependencies"][1]["name"] = "";
  CHECK(problems(doc) == Lines{"$.findings[6].title: must not be empty",
                               "$.dependencies[1].name: must not be empty"});
}

TEST_CASE("UUIDs: canonical lower-case form only", "[unit][wire]") {
  json doc = testing::sample_document();
  SECTION("not a UUID") {
    doc["batch_id"] = "batch-0001";
    CHECK(problems(doc) == Lines{"$.batch_id: expected a lower-case UUID, got \"batch-0001\""});
  }
  SECTION("upper case") {
    doc["batch_id"] = "0D3C5B7E-8A41-4F2B-9C6D-1E2F3A4B5C6D";
    CHECK(problems(doc) == Lines{"$.batch_id: expected a lower-case UUID, got "
                                 "\"0D3C5B7E-8A41-4F2B-9C6D-1E2F3A4B5C6D\""});
  }
  SECTION("braces") {
    doc["scan"]["id"] = "{5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9}";
    CHECK(problems(doc) == Lines{"$.scan.id: expected a lower-case UUID, got "
                                 "\"{5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9}\""});
  }
  SECTION("a number") {
    doc["batch_id"] = 17;
    CHECK(problems(doc) == Lines{"$.batch_id: expected string, got integer"});
  }
}

TEST_CASE("timestamps: RFC 3339 with a real date", "[unit][wire]") {
  json doc = testing::sample_document();
  SECTION("February 30th") {
    doc["scan"]["start_time"] = "2026-02-30T10:00:00Z";
    CHECK(problems(doc) ==
          Lines{"$.scan.start_time: expected an RFC 3339 timestamp, got \"2026-02-30T10:00:00Z\""});
  }
  SECTION("no zone") {
    doc["scan"]["end_time"] = "2026-11-26T17:29:03";
    CHECK(problems(doc) ==
          Lines{"$.scan.end_time: expected an RFC 3339 timestamp, got \"2026-11-26T17:29:03\""});
  }
  SECTION("epoch seconds") {
    doc["scan"]["end_time"] = 1795000000;
    CHECK(problems(doc) ==
          Lines{"$.scan.end_time: expected an RFC 3339 timestamp, got 1795000000"});
  }
  SECTION("start_time may not be null; end_time may") {
    doc["scan"]["start_time"] = nullptr;
    doc["scan"]["end_time"] = nullptr;
    CHECK(problems(doc) == Lines{"$.scan.start_time: expected an RFC 3339 timestamp, got null"});
  }
  SECTION("an offset is accepted and read as UTC") {
    doc["scan"]["start_time"] = "2026-11-26T18:28:48.123+01:00";
    const model::Result<model::Batch> parsed = model::parse_batch(doc.dump());
    REQUIRE(parsed.ok());
    CHECK(parsed->scan.start_time == testing::make_time(2026, 11, 26, 17, 28, 48, 123));
  }
}

TEST_CASE("ranges: progress 0..100, risk_score 0..10", "[unit][wire]") {
  json doc = testing::sample_document();
  SECTION("progress 101") {
    doc["scan"]["progress"] = 101;
    CHECK(problems(doc) == Lines{"$.scan.progress: must be between 0 and 100, got 101"});
  }
  SECTION("progress -1") {
    doc["scan"]["progress"] = -1;
    CHECK(problems(doc) == Lines{"$.scan.progress: must be between 0 and 100, got -1"});
  }
  SECTION("risk_score 11") {
    doc["findings"][7]["risk_score"] = 11;
    CHECK(problems(doc) == Lines{"$.findings[7].risk_score: must be between 0.0 and 10.0"});
  }
  SECTION("risk_score -0.5") {
    doc["findings"][7]["risk_score"] = -0.5;
    CHECK(problems(doc) == Lines{"$.findings[7].risk_score: must be between 0.0 and 10.0"});
  }
  SECTION("the bounds themselves are accepted") {
    doc["scan"]["progress"] = 0;
    doc["findings"][7]["risk_score"] = 10;
    doc["findings"][8]["risk_score"] = 0.0;
    CHECK(problems(doc) == Lines{});
  }
  SECTION("cpu_cores and memory_gb may not be negative") {
    doc["agent"]["cpu_cores"] = -2;
    doc["agent"]["memory_gb"] = -1.5;
    CHECK(problems(doc) == Lines{"$.agent.cpu_cores: must be between 0 and 1048576, got -2",
                                 "$.agent.memory_gb: must be between 0.0 and 1073741824.0"});
  }
}

TEST_CASE("fields: only the columns of the category's table", "[unit][wire]") {
  json doc = testing::sample_document();
  SECTION("a key of another table") {
    doc["findings"][1]["fields"]["cve_id"] = "CVE-2024-0001";
    CHECK(problems(doc) == Lines{"$.findings[1].fields.cve_id: not a column of network_findings"});
  }
  SECTION("a made-up key in config") {
    doc["findings"][11]["fields"]["owner"] = "root";
    CHECK(problems(doc) == Lines{"$.findings[11].fields.owner: not a column of config_findings"});
  }
  SECTION("a column every finding has at the top level") {
    doc["findings"][3]["fields"]["severity"] = "high";
    CHECK(problems(doc) == Lines{"$.findings[3].fields.severity: not a column of auth_findings"});
  }
}

TEST_CASE("fields: values of the column's type", "[unit][wire]") {
  json doc = testing::sample_document();
  SECTION("port as a string") {
    doc["findings"][1]["fields"]["port"] = "443";
    CHECK(problems(doc) == Lines{"$.findings[1].fields.port: expected integer, got \"443\""});
  }
  SECTION("port as a fraction") {
    doc["findings"][4]["fields"]["port"] = 5432.5;
    CHECK(problems(doc) == Lines{"$.findings[4].fields.port: expected integer, got number"});
  }
  SECTION("a boolean as a string") {
    doc["findings"][0]["fields"]["patch_available"] = "yes";
    CHECK(problems(doc) ==
          Lines{"$.findings[0].fields.patch_available: expected boolean, got \"yes\""});
  }
  SECTION("a timestamp that is not one") {
    doc["findings"][1]["fields"]["ssl_cert_expiry"] = "Dec  1 23:59:59 2026 GMT";
    CHECK(problems(doc) == Lines{"$.findings[1].fields.ssl_cert_expiry: expected timestamp "
                                 "(RFC 3339, UTC), got \"Dec  1 23:59:59 2026 GMT\""});
  }
  SECTION("a date that does not exist") {
    doc["findings"][0]["fields"]["eol_date"] = "2027-02-29";
    CHECK(problems(doc) ==
          Lines{"$.findings[0].fields.eol_date: expected date (YYYY-MM-DD), got \"2027-02-29\""});
  }
  SECTION("a timestamp where a date is expected") {
    doc["findings"][0]["fields"]["eol_date"] = "2028-06-30T00:00:00Z";
    CHECK(problems(doc) == Lines{"$.findings[0].fields.eol_date: expected date (YYYY-MM-DD), "
                                 "got \"2028-06-30T00:00:00Z\""});
  }
  SECTION("text as an object") {
    doc["findings"][9]["fields"]["location"] = json{{"path", "/var/log"}};
    CHECK(problems(doc) == Lines{"$.findings[9].fields.location: expected string, got object"});
  }
  SECTION("any JSON value in a JSONB column") {
    doc["findings"][2]["fields"]["evidence"] = "plain text";
    doc["findings"][11]["fields"]["line_numbers"] = 32;
    CHECK(problems(doc) == Lines{});
  }
}

TEST_CASE("fingerprint: 64 lower-case hex digits", "[unit][wire]") {
  json doc = testing::sample_document();
  const std::string good = doc["findings"][0]["fingerprint"];
  SECTION("too short") {
    doc["findings"][0]["fingerprint"] = good.substr(0, 63);
    CHECK(problems(doc) ==
          Lines{"$.findings[0].fingerprint: expected 64 lower-case hex digits (SHA-256)"});
  }
  SECTION("upper case") {
    std::string upper = good;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    REQUIRE(upper != good);
    doc["findings"][0]["fingerprint"] = upper;
    CHECK(problems(doc) ==
          Lines{"$.findings[0].fingerprint: expected 64 lower-case hex digits (SHA-256)"});
  }
  SECTION("not hex") {
    doc["findings"][0]["fingerprint"] = std::string(64, 'g');
    CHECK(problems(doc) ==
          Lines{"$.findings[0].fingerprint: expected 64 lower-case hex digits (SHA-256)"});
  }
  SECTION("empty, as a finding has before the scan runner sets it") {
    doc["findings"][0]["fingerprint"] = "";
    CHECK(problems(doc) ==
          Lines{"$.findings[0].fingerprint: expected 64 lower-case hex digits (SHA-256)"});
  }
  SECTION("a number is reported as a type error only") {
    doc["findings"][0]["fingerprint"] = 64;
    CHECK(problems(doc) == Lines{"$.findings[0].fingerprint: expected string, got integer"});
  }
}

TEST_CASE("schema_version: this reader knows version 1 only", "[unit][wire]") {
  json doc = testing::sample_document();
  SECTION("version 2") {
    doc["schema_version"] = 2;
    CHECK(problems(doc) == Lines{"$.schema_version: unsupported version 2 (this reader knows 1)"});
  }
  SECTION("version as a string") {
    doc["schema_version"] = "1";
    CHECK(problems(doc) == Lines{"$.schema_version: expected integer, got string"});
  }
}

TEST_CASE("text that is not JSON, or JSON that is not an object", "[unit][wire]") {
  SECTION("truncated") {
    const std::string text = model::serialize(testing::sample_batch());
    const model::Result<model::Batch> r = model::parse_batch(text.substr(0, text.size() / 2));
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().message, Catch::StartsWith("$: not valid JSON ([json.exception.parse_error"));
    CHECK(r.error().message.find('\n') == std::string::npos);
  }
  SECTION("empty") {
    const model::Result<model::Batch> r = model::parse_batch("");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message ==
          "$: not valid JSON ([json.exception.parse_error.101] parse error at line 1, column 1: "
          "syntax error while parsing value - unexpected end of input; expected '[', '{', or a "
          "literal)");
  }
  SECTION("plain text") {
    const model::Result<model::Batch> r = model::parse_batch("HTTP/1.1 502 Bad Gateway");
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().message, Catch::StartsWith("$: not valid JSON ("));
  }
  SECTION("an array") {
    const model::Result<model::Batch> r = model::parse_batch("[]");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "$: expected object, got array");
  }
}

TEST_CASE("several problems are reported together, each with its path, in document order",
          "[unit][wire]") {
  json doc = testing::sample_document();
  doc["colour"] = "blue";
  doc["scan"]["progress"] = 101;
  doc["findings"][1]["risk_score"] = "high";
  doc["findings"][1]["fields"]["port"] = "443";
  doc["findings"][10]["severity"] = "urgent";
  doc["dependencies"][0].erase("version");

  const model::Result<model::Batch> r = model::parse_batch(doc.dump());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "$.colour: unknown key; and 5 more problems");
  CHECK(r.error().problems.size() == 6);
  CHECK(problems(doc) ==
        Lines{"$.colour: unknown key", "$.scan.progress: must be between 0 and 100, got 101",
              "$.findings[1].risk_score: expected number, got string",
              "$.findings[1].fields.port: expected integer, got \"443\"",
              "$.findings[10].severity: must be one of critical, high, medium, low, info, got "
              "\"urgent\"",
              "$.dependencies[0].version: required key is missing"});
}

// ---------- edge cases of the reader that were once wrong ----------

TEST_CASE("an empty batch_id or scan id is not a UUID",
          "[unit][wire]") {
  json doc = testing::sample_document();
  doc["batch_id"] = "";
  doc["scan"]["id"] = "";
  CHECK(problems(doc) == Lines{"$.batch_id: expected a lower-case UUID, got \"\"",
                               "$.scan.id: expected a lower-case UUID, got \"\""});
}

TEST_CASE("a number too large for a double is an error, not an exception",
          "[unit][wire]") {
  std::string text = model::serialize(testing::sample_batch());
  const std::string risk = "\"risk_score\":7.5";
  REQUIRE(text.find(risk) != std::string::npos);
  text.replace(text.find(risk), risk.size(), "\"risk_score\":1e999");
  std::string message;
  REQUIRE_NOTHROW(message = model::parse_batch(text).error().message);
  CHECK_THAT(message, Catch::StartsWith("$: not valid JSON ("));
}

TEST_CASE("a finding that is not an object gets one error only",
          "[unit][wire]") {
  json doc = testing::sample_document();
  doc["findings"][2] = "compliance";
  CHECK(problems(doc) == Lines{"$.findings[2]: expected object, got string"});
}

TEST_CASE("a dependency name of the wrong type is reported once",
          "[unit][wire]") {
  json doc = testing::sample_document();
  doc["dependencies"][0]["name"] = 7;
  CHECK(problems(doc) == Lines{"$.dependencies[0].name: expected string, got integer"});
}

TEST_CASE("the fields of a finding with an unknown category are not checked as another category",
          "[unit][wire]") {
  json doc = testing::sample_document();
  doc["findings"][1]["category"] = "net";
  CHECK(problems(doc) == Lines{"$.findings[1].category: must be one of " +
                               std::string(kAllCategories) + ", got \"net\""});
}

TEST_CASE("an integer above 2^63 is reported as it was written",
          "[unit][wire]") {
  json doc = testing::sample_document();
  doc["scan"]["progress"] = std::uint64_t{18446744073709551615u};
  CHECK(problems(doc) ==
        Lines{"$.scan.progress: must be between 0 and 100, got 18446744073709551615"});
}

TEST_CASE("config files are read strictly, every problem at its path", "[unit][wire]") {
  json doc = testing::sample_document();
  REQUIRE(doc.at("config_files").size() == 2);
  SECTION("an unknown key, in the file and in its analysis") {
    doc["config_files"][0]["uploaded_by"] = "someone";
    doc["config_files"][0]["analysis"]["report_path"] = "/tmp/r.pdf";
    CHECK(problems(doc) == Lines{"$.config_files[0].uploaded_by: unknown key",
                                 "$.config_files[0].analysis.report_path: unknown key"});
  }
  SECTION("required keys") {
    doc["config_files"][1].erase("file_path");
    doc["config_files"][1].erase("parsing_status");
    doc["config_files"][0]["analysis"].erase("total_findings");
    CHECK(problems(doc) ==
          Lines{"$.config_files[0].analysis.total_findings: required key is missing",
                "$.config_files[1].file_path: required key is missing",
                "$.config_files[1].parsing_status: required key is missing"});
  }
  SECTION("wrong types") {
    doc["config_files"][0]["parsed_data"] = json::array();
    doc["config_files"][0]["file_hash"] = 7;
    doc["config_files"][1]["analysis_status"] = nullptr;
    CHECK(problems(doc) == Lines{"$.config_files[0].file_hash: expected string, got integer",
                                 "$.config_files[0].parsed_data: expected object, got array",
                                 "$.config_files[1].analysis_status: expected string, got null"});
  }
  SECTION("statuses and scores out of their sets and ranges") {
    doc["config_files"][0]["parsing_status"] = "pending";
    doc["config_files"][0]["analysis"]["overall_risk_score"] = 11;
    doc["config_files"][0]["analysis"]["critical_findings"] = 2;
    doc["config_files"][0]["analysis"]["compliance_scores"]["nist"] = 100.5;
    CHECK(problems(doc) ==
          Lines{"$.config_files[0].parsing_status: must be one of parsed, unsupported, failed, "
                "got \"pending\"",
                "$.config_files[0].analysis.critical_findings: must not exceed total_findings (1)",
                "$.config_files[0].analysis.compliance_scores.nist: must be a number between 0 "
                "and 100, got 100.5",
                "$.config_files[0].analysis.overall_risk_score: must be between 0.0 and 10.0"});
  }
  SECTION("an analysis only with an analyzed file") {
    doc["config_files"][0].erase("analysis");
    doc["config_files"][1]["analysis"] = doc["config_files"][0].value("analysis", json{
        {"total_findings", 0}, {"critical_findings", 0}});
    CHECK(problems(doc) ==
          Lines{"$.config_files[0].analysis: required when analysis_status is \"analyzed\"",
                "$.config_files[1].analysis: not allowed when analysis_status is \"not_analyzed\""});
  }
  SECTION("the same file twice, and an empty path") {
    doc["config_files"][1]["file_path"] = "/etc/ssh/sshd_config";
    doc["config_files"].push_back(doc["config_files"][1]);
    doc["config_files"][2]["file_path"] = "";
    CHECK(problems(doc) ==
          Lines{"$.config_files[2].file_path: must not be empty",
                "$.config_files[1].file_path: the same file as $.config_files[0]"});
  }
  SECTION("values no column takes") {
    doc["config_files"][0]["config_type"] = std::string(51, 'x');
    doc["config_files"][1]["file_path"] = "/" + std::string(500, 'p');
    CHECK(problems(doc) ==
          Lines{"$.config_files[0].config_type: longer than the column's 50 characters (51)",
                "$.config_files[1].file_path: longer than the column's 500 characters (501)"});
  }
  SECTION("absent is no config file, as an object it is refused") {
    doc.erase("config_files");
    CHECK(problems(doc) == Lines{});
    doc["config_files"] = json::object();
    CHECK(problems(doc) == Lines{"$.config_files: expected array, got object"});
  }
}
