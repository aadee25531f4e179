// Severities, scan statuses and categories: their wire names, order and table mapping.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/category.hpp"
#include "schema-client/model/severity.hpp"

using namespace zt::model;

TEST_CASE("severity names parse back to the same severity", "[unit][model]") {
  const std::vector<std::string> names = {"critical", "high", "medium", "low", "info"};
  REQUIRE(std::size(kAllSeverities) == names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    CHECK(to_string(kAllSeverities[i]) == names[i]);
    CHECK(parse_severity(names[i]) == kAllSeverities[i]);
  }
  CHECK_FALSE(parse_severity("High").has_value());
  CHECK_FALSE(parse_severity("informational").has_value());
  CHECK_FALSE(parse_severity(" low").has_value());
  CHECK_FALSE(parse_severity("").has_value());
}

TEST_CASE("at_least: as severe as the threshold or more", "[unit][model]") {
  CHECK(at_least(Severity::critical, Severity::high));
  CHECK(at_least(Severity::high, Severity::high));
  CHECK_FALSE(at_least(Severity::medium, Severity::high));
  CHECK_FALSE(at_least(Severity::info, Severity::low));
  CHECK(at_least(Severity::info, Severity::info));
  CHECK_FALSE(at_least(Severity::high, Severity::critical));
  // The whole table: kAllSeverities runs from the most severe down.
  for (std::size_t s = 0; s < std::size(kAllSeverities); ++s)
    for (std::size_t t = 0; t < std::size(kAllSeverities); ++t) {
      CAPTURE(to_string(kAllSeverities[s]), to_string(kAllSeverities[t]));
      CHECK(at_least(kAllSeverities[s], kAllSeverities[t]) == (s <= t));
    }
}

TEST_CASE("default risk score of each severity", "[unit][model]") {
  CHECK(default_risk_score(Severity::critical) == 9.5);
  CHECK(default_risk_score(Severity::high) == 7.5);
  CHECK(default_risk_score(Severity::medium) == 5.0);
  CHECK(default_risk_score(Severity::low) == 2.5);
  CHECK(default_risk_score(Severity::info) == 0.0);
}

TEST_CASE("scan statuses parse back to the same status", "[unit][model]") {
  const std::pair<ScanStatus, const char*> statuses[] = {{ScanStatus::running, "running"},
                                                         {ScanStatus::completed, "completed"},
                                                         {ScanStatus::partial, "partial"},
                                                         {ScanStatus::failed, "failed"}};
  for (const auto& [status, name] : statuses) {
    CHECK(to_string(status) == name);
    CHECK(parse_scan_status(name) == status);
  }
  CHECK_FALSE(parse_scan_status("done").has_value());
  CHECK_FALSE(parse_scan_status("Running").has_value());
}

TEST_CASE("the twelve categories: wire name, table, parse and to_string", "[unit][model]") {
  struct Expected {
    Category category;
    const char* name;
    const char* table;
  };
  const Expected expected[] = {
      {Category::system, "system", "system_vulnerabilities"},
      {Category::network, "network", "network_findings"},
      {Category::compliance, "compliance", "compliance_checks"},
      {Category::auth, "auth", "auth_findings"},
      {Category::database, "database", "database_findings"},
      {Category::api, "api", "api_findings"},
      {Category::container, "container", "container_findings"},
      {Category::ai_ml, "ai_ml", "ai_ml_findings"},
      {Category::iot_ot, "iot_ot", "iot_ot_findings"},
      {Category::privacy, "privacy", "privacy_findings"},
      {Category::web3, "web3", "web3_findings"},
      {Category::config, "config", "config_findings"},
  };
  REQUIRE(all_categories().size() == std::size(expected));
  CHECK(kCategoryCount == std::size(expected));
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    const Expected& e = expected[i];
    CAPTURE(e.name);
    CHECK(all_categories()[i].category == e.category);
    CHECK(spec(e.category).category == e.category);
    CHECK(to_string(e.category) == e.name);
    CHECK(spec(e.category).table == e.table);
    CHECK(parse_category(e.name) == e.category);
  }
  CHECK_FALSE(parse_category("ai-ml").has_value());
  CHECK_FALSE(parse_category("System").has_value());
  CHECK_FALSE(parse_category("vulnerability").has_value());
  CHECK_FALSE(parse_category("").has_value());
}

TEST_CASE("category columns: unique, and never one of the finding's own top-level keys",
          "[unit][model]") {
  const std::set<std::string_view> top_level = {"severity", "title", "description",
                                                "remediation", "risk_score", "metadata"};
  for (const CategorySpec& s : all_categories()) {
    CAPTURE(s.name);
    CHECK_FALSE(s.fields.empty());
    std::set<std::string_view> names;
    for (const FieldSpec& f : s.fields) {
      CAPTURE(f.name);
      CHECK(names.insert(f.name).second);
      CHECK(top_level.count(f.name) == 0);
    }
  }
}

TEST_CASE("some column types, as the seed schema has them", "[unit][model]") {
  auto type_of = [](Category c, std::string_view name) {
    for (const FieldSpec& f : spec(c).fields)
      if (f.name == name) return std::string(to_string(f.type));
    return std::string("(no such column)");
  };
  CHECK(type_of(Category::network, "port") == "integer");
  CHECK(type_of(Category::network, "ssl_enabled") == "boolean");
  CHECK(type_of(Category::network, "ssl_cert_expiry") == "timestamp (RFC 3339, UTC)");
  CHECK(type_of(Category::system, "eol_date") == "date (YYYY-MM-DD)");
  CHECK(type_of(Category::system, "patch_available") == "boolean");
  CHECK(type_of(Category::database, "port") == "integer");
  CHECK(type_of(Category::compliance, "evidence") == "JSON value");
  CHECK(type_of(Category::config, "line_numbers") == "JSON value");
  CHECK(type_of(Category::config, "file_path") == "string");
  CHECK(type_of(Category::auth, "port") == "(no such column)");
}

TEST_CASE("identity keys are columns, except the kinds kept in metadata", "[unit][model]") {
  // An identity key that is not a column is looked up in metadata: the kind of a network
  // finding, and the file a web3 finding was found in when there is no contract address.
  std::set<std::string> metadata_only;
  for (const CategorySpec& s : all_categories()) {
    CHECK_FALSE(s.identity.empty());
    for (std::string_view key : s.identity) {
      bool column = false;
      for (const FieldSpec& f : s.fields) column = column || f.name == key;
      if (!column) metadata_only.insert(std::string(s.name) + "." + std::string(key));
    }
  }
  CHECK(metadata_only == std::set<std::string>{"network.finding_type", "web3.location"});
}
