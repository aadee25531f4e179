// The config auditor's tables written from a batch (config_files_writer.hpp, batch_writer.hpp):
// every config file a row of config_files, an analyzed one a row of config_analysis_results,
// config findings linked to their file and to the config_standards row of migration 0011;
// an unchanged file rewrites no row, a changed one updates its rows and resolves what it fixed.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "schema-client/pg/batch_writer.hpp"
#include "schema-client/pg/fleet.hpp"
#include "tests/schema-client/pg/tenant_fixture.hpp"
#include "tests/schema-client/sample_batch.hpp"

using zt::model::Batch;
using zt::model::Category;
using zt::testing::TenantDatabase;
using Rows = std::set<std::string>;

namespace {

constexpr const char* kStandardName = "ZeroTrace network device configuration audit";

// The completed sample scan at `hour` with the sample config files, its config finding naming
// a shipped standard.
Batch config_scan(const zt::pg::AgentRef& agent, int hour) {
  Batch batch = zt::testing::completed_scan(agent.agent_id, hour);
  batch.config_files = zt::testing::sample_config_files();
  for (auto& f : batch.findings)
    if (f.category == Category::config)
      f.metadata = {{"standard_name", kStandardName}, {"standard_id", "ios_enable_password"}};
  return batch;
}

void write(TenantDatabase& db, const zt::pg::AgentRef& agent, const Batch& batch) {
  const auto report = zt::pg::write_batch(db.ingest(), agent, batch);
  REQUIRE(report.ok());
  REQUIRE(report->mismatch.empty());
}

const char* const kFileRows =
    "SELECT concat_ws('|', file_path, filename, file_hash, device_type, manufacturer, model,"
    " firmware_version, config_type, parsing_status, analysis_status, parsed_data::text)"
    " FROM config_files";
const char* const kAnalysisRows =
    "SELECT concat_ws('|', f.file_path, a.total_findings, a.critical_findings,"
    " a.compliance_scores::text, a.overall_security_score, a.overall_risk_score)"
    " FROM config_analysis_results a JOIN config_files f ON f.id = a.config_file_id";
}  // namespace

TEST_CASE("config files land in config_files and config_analysis_results, config findings "
          "link to their file and standard",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  const Batch batch = config_scan(agent, 10);
  const auto report = zt::pg::write_batch(db.ingest(), agent, batch);
  REQUIRE(report.ok());
  CHECK(report->config_files == 2);

  CHECK(db.rows(kFileRows) ==
        Rows{"/etc/ssh/sshd_config|sshd_config|"
             "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08|server|OpenBSD|"
             "OpenSSH|9.2p1|sshd|parsed|analyzed|"
             "{\"PermitRootLogin\": {\"line\": 32, \"value\": \"yes\"}}",
             // Unsupported: no analysis; the columns it has no value for are NULL.
             "/srv/backups/switch-04.cfg|switch-04.cfg|"
             "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae|unsupported|"
             "not_analyzed|{}"});
  CHECK(db.rows(kAnalysisRows) ==
        Rows{"/etc/ssh/sshd_config|1|0|{\"cis\": 87.5, \"pci_dss_4\": 90.0}|92.31|7.00"});
  CHECK(db.rows("SELECT concat_ws('|', f.file_path, c.finding_type, c.status,"
                " s.standard_name, s.requirement_id, s.default_severity)"
                " FROM config_findings c JOIN config_files f ON f.id = c.config_file_id"
                " JOIN config_standards s ON s.id = c.standard_id") ==
        Rows{std::string("/etc/ssh/sshd_config|weak_setting|open|") + kStandardName +
             "|ios_enable_password|high"});
  // Rows of the company and its agent only.
  CHECK(db.count("SELECT count(*) FROM config_files WHERE company_id = '" + agent.company_id +
                 "' AND agent_id = '" + agent.agent_id + "' AND uploaded_by IS NULL") == 2);
  CHECK(db.count("SELECT count(*) FROM config_analysis_results WHERE company_id = '" +
                 agent.company_id + "'") == 1);
}

TEST_CASE("the shipped standards are rows of config_standards, one per requirement",
          "[integration]") {
  TenantDatabase db;
  CHECK(db.rows("SELECT concat_ws('|', manufacturer, device_type, requirement_title, check_type,"
                " check_pattern, default_severity, compliance_frameworks::text, status)"
                " FROM config_standards WHERE requirement_id = 'ios_enable_password'") ==
        Rows{"Cisco|network_device|Privileged EXEC protected by 'enable password' instead of "
             "'enable secret'|presence|enable password|high|"
             "[{\"framework\": \"cis_cisco_ios_15\", \"requirements\": [\"1.4.1\"]}, "
             "{\"framework\": \"nist_800_53\", \"requirements\": [\"IA-5(1)\"]}, "
             "{\"framework\": \"pci_dss_4\", \"requirements\": [\"8.3.2\"]}]|active"});
  // One row per (standard_name, requirement_id): the key is unique.
  CHECK(db.count("SELECT count(*) FROM (SELECT standard_name, requirement_id FROM"
                 " config_standards GROUP BY 1, 2 HAVING count(*) > 1) d") == 0);
  CHECK(db.count("SELECT count(*) FROM config_standards WHERE standard_name = '" +
                 std::string(kStandardName) + "' AND remediation_guidance <> ''") ==
        db.count("SELECT count(*) FROM config_standards"));
}

TEST_CASE("an unchanged config file rewrites no row of config_files, its analysis or its "
          "findings",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  write(db, agent, config_scan(agent, 10));
  const char* const files_sql = "SELECT file_path || ' ' || xmin::text FROM config_files";
  const char* const analyses_sql =
      "SELECT config_file_id || ' ' || xmin::text FROM config_analysis_results";
  const char* const findings_sql = "SELECT fingerprint || ' ' || xmin::text FROM config_findings";
  const Rows files = db.rows(files_sql), analyses = db.rows(analyses_sql),
             findings = db.rows(findings_sql);
  REQUIRE(files.size() == 2);
  REQUIRE(analyses.size() == 1);
  REQUIRE(findings.size() == 1);
  write(db, agent, config_scan(agent, 11));
  CHECK(db.rows(files_sql) == files);
  CHECK(db.rows(analyses_sql) == analyses);
  CHECK(db.rows(findings_sql) == findings);
  // A changed finding is rewritten: the check above can see a write.
  Batch changed = config_scan(agent, 12);
  for (auto& f : changed.findings)
    if (f.category == Category::config) f.fields["line_numbers"] = {33};
  write(db, agent, changed);
  CHECK(db.rows(findings_sql) != findings);
  CHECK(db.rows("SELECT line_numbers::text FROM config_findings") == Rows{"[33]"});
  // The finding is still open, seen by the later scan.
  CHECK(db.rows("SELECT v.status || ' ' || v.last_seen FROM vulnerabilities_v2 v"
                " WHERE v.category = 'config'") == Rows{"open 2026-11-26 12:00:00+00"});
}

TEST_CASE("a changed config file updates its rows and resolves the finding it fixed, and "
          "the finding back reopens it",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  write(db, agent, config_scan(agent, 10));

  Batch fixed = config_scan(agent, 11);
  std::erase_if(fixed.findings, [](const auto& f) { return f.category == Category::config; });
  fixed.config_files[0].file_hash = std::string(64, 'a');
  fixed.config_files[0].parsed_data = {{"PermitRootLogin", {{"value", "no"}, {"line", 32}}}};
  fixed.config_files[0].analysis->total_findings = 0;
  fixed.config_files[0].analysis->compliance_scores = {{"cis", 100.0}, {"pci_dss_4", 100.0}};
  fixed.config_files[0].analysis->overall_security_score = 100;
  fixed.config_files[0].analysis->overall_risk_score = 0;
  write(db, agent, fixed);
  CHECK(db.rows("SELECT file_hash || ' ' || (parsed_data->'PermitRootLogin'->>'value')"
                " FROM config_files WHERE file_path = '/etc/ssh/sshd_config'") ==
        Rows{std::string(64, 'a') + " no"});
  CHECK(db.rows(kAnalysisRows) ==
        Rows{"/etc/ssh/sshd_config|0|0|{\"cis\": 100.0, \"pci_dss_4\": 100.0}|100.00|0.00"});
  CHECK(db.rows("SELECT v.status || ' ' || v.resolved_reason || ' ' || c.status"
                " FROM config_findings c JOIN vulnerabilities_v2 v ON v.id = c.vulnerability_id") ==
        Rows{"resolved not_reported resolved"});

  write(db, agent, config_scan(agent, 12));
  CHECK(db.rows("SELECT v.status || ' ' || c.status FROM config_findings c"
                " JOIN vulnerabilities_v2 v ON v.id = c.vulnerability_id") ==
        Rows{"open open"});
  CHECK(db.rows(kAnalysisRows) ==
        Rows{"/etc/ssh/sshd_config|1|0|{\"cis\": 87.5, \"pci_dss_4\": 90.0}|92.31|7.00"});
}

TEST_CASE("a revoked agent's config findings are resolved with their unified rows",
          "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  write(db, agent, config_scan(agent, 10));
  REQUIRE(zt::pg::revoke_agent(db.owner(), agent.agent_id, "test"));
  CHECK(db.rows("SELECT v.status || ' ' || v.resolved_reason || ' ' || c.status"
                " FROM config_findings c JOIN vulnerabilities_v2 v ON v.id = c.vulnerability_id") ==
        Rows{"resolved agent_revoked resolved"});
}

TEST_CASE("a config file no longer analyzed loses its analysis row", "[integration]") {
  TenantDatabase db;
  const auto agent = db.add_agent("Acme");
  write(db, agent, config_scan(agent, 10));
  Batch now_unsupported = config_scan(agent, 11);
  std::erase_if(now_unsupported.findings,
                [](const auto& f) { return f.category == Category::config; });
  auto& file = now_unsupported.config_files[0];
  file.parsing_status = "unsupported";
  file.analysis_status = "not_analyzed";
  file.analysis.reset();
  file.parsed_data = nlohmann::json::object();
  write(db, agent, now_unsupported);
  CHECK(db.rows(kAnalysisRows) == Rows{});
  CHECK(db.rows("SELECT parsing_status || ' ' || analysis_status FROM config_files"
                " WHERE file_path = '/etc/ssh/sshd_config'") == Rows{"unsupported not_analyzed"});
}
