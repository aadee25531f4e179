// The config auditor end to end: the agent daemon runs netconfig on a copy of the weak
// fixture host and uploads; config_files, config_analysis_results, config_findings (linked
// to config_standards) and the config rows of vulnerabilities_v2 equal the one-shot report of
// the same tree, as exact sets. A second scan of the unchanged files rewrites no row of
// config_files, config_analysis_results or config_findings (xmin unchanged); after a file is fixed, a third scan updates its rows and
// resolves the findings it no longer has.
#include <catch2/catch.hpp>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "tests/e2e/e2e_world.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::testing;
using nlohmann::json;
using Set = std::set<std::string>;

namespace {

constexpr const char* kRouter = "home/oxidized/.config/oxidized/configs/branch/rtr-branch-07";

json one_shot(const std::filesystem::path& host) {
  const zt::test::Completed done =
      zt::test::run_process({agent_binary(), "--once", "--format", "json", "--collectors",
                             "netconfig", "--host-root", host.string()});
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  return json::parse(done.out);
}

std::string two_decimals(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

std::string joined(const json& numbers) {
  std::string out;
  for (const json& n : numbers) out += (out.empty() ? "" : ",") + n.dump();
  return out;
}

struct Tables {
  Set files, analyses, findings;
  Set unified;  // the open findings' vulnerabilities_v2 rows: file, type, component, severity
};

// What the report says the tables hold: files with their columns and model, analyses, and
// the open findings with their lines, severity and standard.
Tables reported(const json& report) {
  Tables t;
  for (const json& c : report.at("config_files")) {
    std::string row;
    for (const char* key : {"file_path", "filename", "file_hash", "device_type", "manufacturer",
                            "model", "firmware_version", "config_type", "parsing_status",
                            "analysis_status"})
      row += c.value(key, "") + " | ";
    t.files.insert(row + c.at("parsed_data").dump());
    if (const auto a = c.find("analysis"); a != c.end())
      t.analyses.insert(c.at("file_path").get<std::string>() + " | " +
                        a->at("total_findings").dump() + " | " +
                        a->at("critical_findings").dump() + " | " +
                        a->at("compliance_scores").dump() + " | " +
                        two_decimals(a->at("overall_security_score")) + " | " +
                        two_decimals(a->at("overall_risk_score")));
  }
  for (const json& f : report.at("findings")) {
    const json& fields = f.at("fields");
    t.findings.insert(fields.at("file_path").get<std::string>() + " | " +
                      fields.at("finding_type").get<std::string>() + " | " +
                      fields.at("affected_component").get<std::string>() + " | " +
                      joined(fields.at("line_numbers")) + " | " +
                      f.at("severity").get<std::string>() + " | " +
                      f.at("metadata").at("standard_name").get<std::string>() + " | " +
                      f.at("metadata").at("standard_id").get<std::string>());
    t.unified.insert(fields.at("file_path").get<std::string>() + " | " +
                     fields.at("finding_type").get<std::string>() + " | " +
                     fields.at("affected_component").get<std::string>() + " | " +
                     f.at("severity").get<std::string>());
  }
  return t;
}

// The same from the database; parsed_data and compliance_scores read back as JSON.
Tables stored(E2eWorld& world) {
  Tables t;
  for (const std::string& line : world.lines(
           "SELECT concat_ws(' | ', file_path, coalesce(filename, ''), coalesce(file_hash, ''),"
           " coalesce(device_type, ''), coalesce(manufacturer, ''), coalesce(model, ''),"
           " coalesce(firmware_version, ''), coalesce(config_type, ''), parsing_status,"
           " analysis_status), parsed_data::text FROM config_files")) {
    const std::size_t cut = line.rfind(" | {");
    t.files.insert(line.substr(0, cut) + " | " + json::parse(line.substr(cut + 3)).dump());
  }
  for (const std::string& line : world.lines(
           "SELECT concat_ws(' | ', f.file_path, a.total_findings, a.critical_findings),"
           " a.compliance_scores::text, concat_ws(' | ', a.overall_security_score,"
           " a.overall_risk_score) FROM config_analysis_results a"
           " JOIN config_files f ON f.id = a.config_file_id")) {
    const std::size_t begin = line.find(" | {"), end = line.rfind("} | ") + 1;
    t.analyses.insert(line.substr(0, begin) + " | " +
                      json::parse(line.substr(begin + 3, end - begin - 3)).dump() +
                      line.substr(end));
  }
  for (const std::string& line : world.lines(
           "SELECT f.file_path, c.finding_type, c.affected_component,"
           " (SELECT coalesce(string_agg(n, ','), '') FROM jsonb_array_elements_text(c.line_numbers) n),"
           " c.severity, s.standard_name, s.requirement_id FROM config_findings c"
           " JOIN config_files f ON f.id = c.config_file_id"
           " JOIN config_standards s ON s.id = c.standard_id WHERE c.status = 'open'"))
    t.findings.insert(line);
  for (const std::string& line : world.lines(
           "SELECT f.file_path, c.finding_type, c.affected_component, v.severity"
           " FROM vulnerabilities_v2 v JOIN config_findings c ON c.vulnerability_id = v.id"
           " AND c.company_id = v.company_id JOIN config_files f ON f.id = c.config_file_id"
           " WHERE v.category = 'config' AND v.status = 'open'"))
    t.unified.insert(line);
  return t;
}

// Each row of config_files, config_analysis_results and config_findings with the transaction
// that last wrote it.
Set versions(E2eWorld& world) {
  const auto rows = world.lines(
      "SELECT 'file ' || file_path, xmin::text FROM config_files UNION ALL"
      " SELECT 'analysis ' || config_file_id, xmin::text FROM config_analysis_results UNION ALL"
      " SELECT 'finding ' || fingerprint, xmin::text FROM config_findings");
  return Set(rows.begin(), rows.end());
}

void wait_for_batches(E2eWorld& world, AgentProcess& agent, long long batches) {
  REQUIRE(agent.eventually(
      [&] {
        return world.count("SELECT count(*) FROM ingested_batches") == batches &&
               agent.spooled_batches() == 0;
      },
      std::chrono::seconds(60)));
}

}  // namespace

TEST_CASE("e2e: the config auditor's four tables equal the one-shot report, an unchanged "
          "file rewrites nothing, a fixed one resolves its finding",
          "[integration]") {
  zt::test::TempTree host;
  std::filesystem::copy(zt::test::fixture_host("netconfig-weak"), host.root(),
                        std::filesystem::copy_options::recursive);
  const json before = one_shot(host.root());
  const Tables expected = reported(before);
  REQUIRE(expected.files.size() == 3);
  REQUIRE(expected.analyses.size() == 3);
  REQUIRE(expected.findings.size() == 54);

  E2eWorld world;
  AgentSetup setup = world.agent_setup();
  setup.host_root = host.root();
  setup.only_collector = "netconfig";
  AgentProcess agent(setup);
  agent.start();
  wait_for_batches(world, agent, 1);
  {
    const Tables got = stored(world);
    CHECK(got.files == expected.files);
    CHECK(got.analyses == expected.analyses);
    CHECK(got.findings == expected.findings);
    // Every config finding (high and critical ones included) is in the unified list.
    CHECK(got.unified == expected.unified);
    CHECK(world.count("SELECT count(*) FROM vulnerabilities_v2 WHERE category = 'config'") == 54);
  }

  // Unchanged files: the second scan rewrites no row of config_files, its analyses or its
  // findings.
  const Set written = versions(world);
  REQUIRE(written.size() == 3 + 3 + 54);
  agent.scan_now();
  wait_for_batches(world, agent, 2);
  CHECK(versions(world) == written);
  CHECK(stored(world).findings == expected.findings);

  // The router's `enable password` removed (a comment line in its place keeps the numbering).
  std::string router = zt::test::read_text(host.root() / kRouter);
  const std::string line = "enable password 7 0822455D0A16\n";
  REQUIRE(router.find(line) != std::string::npos);
  router.replace(router.find(line), line.size(), "!\n");
  host.write(kRouter, router);
  const Tables after = reported(one_shot(host.root()));
  Set fixed;
  for (const std::string& f : expected.findings)
    if (!after.findings.contains(f)) fixed.insert(f);
  CHECK(fixed.contains("/" + std::string(kRouter) +
                       " | ios_enable_password | enable password | 13 | high | "
                       "ZeroTrace network device configuration audit | ios_enable_password"));

  agent.scan_now();
  wait_for_batches(world, agent, 3);
  const Tables got = stored(world);
  CHECK(got.files == after.files);
  CHECK(got.analyses == after.analyses);
  CHECK(got.findings == after.findings);
  CHECK(got.unified == after.unified);
  // What was fixed is resolved, in both lists.
  const auto resolved = world.lines(
      "SELECT f.file_path, c.finding_type, c.affected_component, v.status, v.resolved_reason"
      " FROM config_findings c JOIN config_files f ON f.id = c.config_file_id"
      " JOIN vulnerabilities_v2 v ON v.id = c.vulnerability_id WHERE c.status = 'resolved'");
  Set expected_resolved;
  for (const std::string& f : fixed) {
    // "path | type | component | lines | ..." → "path | type | component | resolved | not_reported"
    std::size_t at = 0;
    for (int i = 0; i < 3; ++i) at = f.find(" | ", at) + 3;
    expected_resolved.insert(f.substr(0, at) + "resolved | not_reported");
  }
  CHECK(Set(resolved.begin(), resolved.end()) == expected_resolved);
  agent.stop();
}
