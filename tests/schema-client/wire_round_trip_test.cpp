// Writing a batch and reading it back gives the same batch, for every category.
#include <catch2/catch.hpp>

#include <set>

#include "schema-client/model/wire_format.hpp"
#include "tests/schema-client/sample_batch.hpp"

using namespace zt;
using nlohmann::json;

TEST_CASE("the sample batch has one finding of every category, with fields of its table",
          "[unit][wire]") {
  // Guards the round-trip tests below: they are only as good as the sample.
  const model::Batch b = testing::sample_batch();
  REQUIRE(b.findings.size() == model::all_categories().size());
  std::set<std::string> seen;
  for (const model::Finding& f : b.findings) {
    seen.insert(std::string(to_string(f.category)));
    CHECK(f.fields.size() == model::spec(f.category).fields.size());
    CHECK(f.fingerprint.size() == 64);
  }
  CHECK(seen.size() == 12);
  CHECK(b.scan.end_time.has_value());
  CHECK(b.dependencies.size() == 2);
  // With config files: an analyzed one and an unsupported one.
  const model::Batch c = testing::sample_batch_with_config_files();
  REQUIRE(c.config_files.size() == 2);
  CHECK(c.config_files[0].analysis.has_value());
  CHECK_FALSE(c.config_files[1].analysis.has_value());
}

TEST_CASE("config files are written only when there are some, and round-trip", "[unit][wire]") {
  model::Batch batch = testing::sample_batch_with_config_files();
  CHECK(model::to_json(batch).at("config_files") ==
        json::array({model::to_json(batch.config_files[0]), model::to_json(batch.config_files[1])}));
  CHECK(model::to_json(batch.config_files[0]).at("analysis") ==
        json{{"total_findings", 1}, {"critical_findings", 0},
             {"compliance_scores", {{"cis", 87.5}, {"pci_dss_4", 90.0}}},
             {"overall_security_score", 92.31}, {"overall_risk_score", 7.0}});
  CHECK_FALSE(model::to_json(batch.config_files[1]).contains("analysis"));
  batch.config_files.clear();
  // A batch without them is one an ingest before config_files reads.
  CHECK_FALSE(model::to_json(batch).contains("config_files"));
  CHECK_FALSE(json::parse(model::serialize(batch)).contains("config_files"));
  const model::Result<model::Batch> parsed = model::parse_batch(model::serialize(batch));
  REQUIRE(parsed.ok());
  CHECK(*parsed == batch);
}

TEST_CASE("a full batch survives serialize and parse_batch unchanged", "[unit][wire]") {
  const model::Batch original = testing::sample_batch_with_config_files();
  for (int indent : {-1, 2}) {
    CAPTURE(indent);
    const std::string text = model::serialize(original, indent);
    const model::Result<model::Batch> parsed = model::parse_batch(text);
    REQUIRE(parsed.ok());
    CHECK(*parsed == original);
  }
}

TEST_CASE("serialize writes the text nlohmann's dump of the whole batch writes, a finding at a time",
          "[unit][wire]") {
  // The oracle is the library's own dump of the batch as one document.
  model::Batch batch = testing::sample_batch_with_config_files();
  batch.findings[0].description = "line one\nline two, and bytes \xff\xfe that are no UTF-8";
  model::Batch empty = batch;
  empty.findings.clear();
  empty.dependencies.clear();
  empty.config_files.clear();
  for (const model::Batch* b : {&batch, &empty})
    for (int indent : {-1, 0, 2, 4}) {
      CAPTURE(indent, b->findings.size());
      CHECK(model::serialize(*b, indent) ==
            model::to_json(*b).dump(indent, ' ', false, json::error_handler_t::replace));
    }
}

TEST_CASE("a batch whose scan is still running round-trips with end_time null",
          "[unit][wire]") {
  const model::Batch original = testing::running_batch();
  const std::string text = model::serialize(original);
  CHECK(json::parse(text)["scan"]["end_time"].is_null());
  const model::Result<model::Batch> parsed = model::parse_batch(text);
  REQUIRE(parsed.ok());
  CHECK(*parsed == original);
  CHECK_FALSE(parsed->scan.end_time.has_value());
  CHECK(parsed->scan.status == model::ScanStatus::running);
  CHECK(parsed->scan.progress == 40);
}

TEST_CASE("the writer's JSON: key names, typed field values, timestamps with milliseconds",
          "[unit][wire]") {
  const json doc = json::parse(model::serialize(testing::sample_batch()));
  CHECK(doc["schema_version"] == 1);
  CHECK(doc["batch_id"] == "0d3c5b7e-8a41-4f2b-9c6d-1e2f3a4b5c6d");
  CHECK(doc["scan"]["start_time"] == "2026-11-26T17:28:48.123Z");
  CHECK(doc["scan"]["end_time"] == "2026-11-26T17:29:03.007Z");
  CHECK(doc["scan"]["status"] == "partial");
  CHECK(doc["agent"]["memory_gb"] == 15.6);

  const json& system = doc["findings"][0];
  CHECK(system["category"] == "system");
  CHECK(system["severity"] == "high");
  CHECK(system["risk_score"] == 7.5);
  CHECK(system["fields"]["patch_available"] == true);
  CHECK(system["fields"]["eol_date"] == "2028-06-30");

  const json& network = doc["findings"][1];
  CHECK(network["category"] == "network");
  CHECK(network["fields"]["port"].is_number_integer());
  CHECK(network["fields"]["port"] == 443);
  CHECK(network["fields"]["ssl_cert_expiry"] == "2026-12-01T23:59:59.000Z");
  CHECK(network["metadata"]["finding_type"] == "tls_cert_expiring");

  const json& config = doc["findings"][11];
  CHECK(config["fields"]["line_numbers"] == json::array({32}));
  CHECK(config["fields"]["compliance_frameworks"] == json::array({"CIS", "PCI-DSS"}));

  // The source, architecture and ecosystem when known, and only then.
  CHECK(doc["dependencies"][0] == json{{"name", "libssl3"},
                                       {"version", "3.0.11-1~deb12u1"},
                                       {"type", "deb"},
                                       {"location", "/var/lib/dpkg/status"},
                                       {"license", "Apache-2.0"},
                                       {"source_name", "openssl"},
                                       {"source_version", "3.0.11-1~deb12u1"},
                                       {"arch", "amd64"},
                                       {"ecosystem", "Debian:12"}});
  CHECK(doc["dependencies"][1] == json{{"name", "libc6"},
                                       {"version", "2.36-9+deb12u4"},
                                       {"type", "deb"},
                                       {"location", "/var/lib/dpkg/status"},
                                       {"license", ""}});
}

TEST_CASE("milliseconds, pre-1970 instants and doubles keep their exact value on the wire",
          "[unit][wire]") {
  model::Batch original = testing::running_batch();
  original.scan.start_time = testing::make_time(1969, 12, 31, 23, 59, 59, 999);
  original.scan.end_time = testing::make_time(2026, 1, 1, 0, 0, 0, 1);
  original.findings[0].risk_score = 0.1;  // not exact in binary: must still round-trip
  original.agent.memory_gb = 1.0 / 3.0;

  const std::string text = model::serialize(original);
  CHECK(json::parse(text)["scan"]["start_time"] == "1969-12-31T23:59:59.999Z");
  CHECK(json::parse(text)["scan"]["end_time"] == "2026-01-01T00:00:00.001Z");
  const model::Result<model::Batch> parsed = model::parse_batch(text);
  REQUIRE(parsed.ok());
  CHECK(*parsed == original);
}

TEST_CASE("a batch with no findings and no dependencies round-trips", "[unit][wire]") {
  model::Batch original = testing::running_batch();
  original.findings.clear();
  original.dependencies.clear();
  const model::Result<model::Batch> parsed = model::parse_batch(model::serialize(original));
  REQUIRE(parsed.ok());
  CHECK(*parsed == original);
}

TEST_CASE("null field values are kept: a column the collector could not fill",
          "[unit][wire]") {
  model::Batch original = testing::running_batch();
  original.findings[1].fields["ssl_cert_expiry"] = nullptr;
  original.findings[1].fields["port"] = nullptr;
  original.findings[0].fields["eol_date"] = nullptr;
  const model::Result<model::Batch> parsed = model::parse_batch(model::serialize(original));
  REQUIRE(parsed.ok());
  CHECK(*parsed == original);
  CHECK(parsed->findings[1].fields["port"].is_null());
}

TEST_CASE("invalid UTF-8 read from a host file is replaced, not thrown, when writing",
          "[unit][wire]") {
  model::Batch batch = testing::running_batch();
  batch.findings[0].description = "banner: \xff\xfe ok";
  std::string text;
  REQUIRE_NOTHROW(text = model::serialize(batch));
  const model::Result<model::Batch> parsed = model::parse_batch(text);
  REQUIRE(parsed.ok());
  CHECK(parsed->findings[0].description == "banner: \xEF\xBF\xBD\xEF\xBF\xBD ok");
}
