#include "collectors/netconfig/netconfig_collector.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "collectors/core/host_salt.hpp"
#include "collectors/netconfig/audit.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/temp_tree.hpp"

using nlohmann::json;
using zt::collector::CollectResult;
using zt::test::fixture_host;
using zt::test::TempTree;
using namespace zt::netconfig;

namespace {

const std::chrono::sys_days kToday{std::chrono::year{2026} / 12 / 1};
constexpr const char* kSalt = "fixture-salt";

std::unique_ptr<zt::collector::Collector> make(const json& overrides = json::object()) {
  json with_salt = overrides;
  with_salt["hash_salt"] = kSalt;
  return make_collector(zt::test::options_of(descriptor(), with_salt), [] { return kToday; });
}

// (file_path, finding_type, affected_component, line_numbers) of every finding.
using Row = std::tuple<std::string, std::string, std::string, json>;

std::set<Row> rows(const CollectResult& r) {
  std::set<Row> out;
  for (const zt::model::Finding& f : r.findings)
    out.emplace(f.fields.at("file_path"), f.fields.at("finding_type"), f.fields.at("affected_component"),
                f.fields.at("line_numbers"));
  return out;
}

// What the auditor says of a fixture file, as the collector's rows (with the salt the
// collector makes of its hash_salt option).
std::set<Row> audited(std::string_view tree, const std::string& host_path) {
  const std::string text = zt::test::read_text(fixture_host(tree) / host_path.substr(1));
  const std::string salt = zt::collector::host_salt(zt::collector::HostFs(fixture_host(tree)), kSalt).value;
  const AuditReport report = audit_config(text, shipped_standards().set, AuditOptions{kToday, salt});
  std::set<Row> out;
  for (const AuditFinding& f : report.findings)
    out.emplace(host_path, f.issue.check_id, f.issue.component, json(f.issue.lines));
  return out;
}

json file_entry(const CollectResult& r, std::string_view path) {
  for (const json& f : r.inventory.at("files"))
    if (f.at("path") == path) return f;
  FAIL("no inventory entry for " << path);
  return nullptr;
}

const zt::model::ConfigFile& config_file(const CollectResult& r, std::string_view path) {
  for (const zt::model::ConfigFile& c : r.config_files)
    if (c.file_path == path) return c;
  FAIL("no config_files entry for " << path);
  return r.config_files.front();
}

constexpr const char* kRouter = "/home/oxidized/.config/oxidized/configs/branch/rtr-branch-07";
constexpr const char* kSwitch = "/home/oxidized/.config/oxidized/configs/branch/sw-access-03";
constexpr const char* kAsa = "/home/oxidized/.config/oxidized/configs/asa-edge-01";

}  // namespace

TEST_CASE("netconfig on the hardened host finds its RANCID configuration and no finding", "[unit]") {
  auto collector = make();
  const CollectResult r = zt::test::collect_at(*collector, fixture_host("netconfig-hardened"));
  CHECK(r.problems == std::vector<std::string>{});
  CHECK(r.findings.empty());
  const json file = file_entry(r, "/var/lib/rancid/core/configs/rtr-core-01.example.net");
  CHECK(file.at("parsing_status") == "parsed");
  CHECK(file.at("vendor") == "cisco_ios");
  CHECK(file.at("firmware_version") == "15.9(3)M9");
  CHECK(file.at("analysis").at("overall_security_score") == 100.0);
  CHECK(!file.contains("parsed_data"));  // it travels in config_files
  CHECK(r.inventory.at("files").size() == 1);
  // Its config_files entry, though it has no finding.
  REQUIRE(r.config_files.size() == 1);
  zt::model::ConfigFile c = r.config_files.front();
  CHECK(c.parsed_data.at("hostname").at("value") == "rtr-core-01");
  CHECK(c.file_hash.size() == 64);
  c.parsed_data = json::object();
  c.file_hash.clear();
  const zt::model::ConfigFile expected{
      .file_path = "/var/lib/rancid/core/configs/rtr-core-01.example.net",
      .filename = "rtr-core-01.example.net",
      .device_type = "network_device",
      .manufacturer = "Cisco",
      .model = c.model,
      .firmware_version = "15.9(3)M9",
      .config_type = "cisco_ios",
      .parsing_status = "parsed",
      .analysis_status = "analyzed",
      .analysis = zt::model::ConfigAnalysis{
          .total_findings = 0,
          .critical_findings = 0,
          .compliance_scores = file.at("analysis").at("compliance_scores"),
          .overall_security_score = 100.0,
          .overall_risk_score = 0.0}};
  CHECK(c == expected);
  CHECK(c.analysis->compliance_scores.size() >= 3);
  for (const auto& [framework, score] : c.analysis->compliance_scores.items()) CHECK(score == 100.0);
  CHECK(r.inventory.at("standards").at("checks") == 81);
}

TEST_CASE("netconfig on the weak host reports what the auditor finds, file by file", "[unit]") {
  auto collector = make();
  const CollectResult r = zt::test::collect_at(*collector, fixture_host("netconfig-weak"));
  CHECK(r.problems == std::vector<std::string>{});
  std::set<Row> expected = audited("netconfig-weak", kRouter);
  expected.merge(audited("netconfig-weak", kSwitch));
  // The ASA's one weakness: logging is never enabled.
  CHECK(audited("netconfig-weak", kAsa) ==
        std::set<Row>{{kAsa, "asa_logging_disabled", "global", json::array()}});
  expected.merge(audited("netconfig-weak", kAsa));
  CHECK(rows(r) == expected);
  CHECK(expected.size() == 54);

  for (const zt::model::Finding& f : r.findings) {
    INFO(f.fields.dump());
    CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});
    CHECK(f.category == zt::model::Category::config);
    CHECK(f.fields.at("manufacturer") == "Cisco");
    CHECK(f.fields.at("config_type") == (f.fields.at("file_path") == kAsa ? "cisco_asa" : "cisco_ios"));
    CHECK(f.fields.at("status") == "open");
    CHECK(f.fields.at("file_hash").get<std::string>().size() == 64);
  }
  const auto enable = std::find_if(r.findings.begin(), r.findings.end(), [](const auto& f) {
    return f.fields.at("finding_type") == "ios_enable_password";
  });
  REQUIRE(enable != r.findings.end());
  CHECK(enable->severity == zt::model::Severity::high);
  CHECK(enable->fields.at("config_snippet") == "enable password 7 082…");
  CHECK(enable->fields.at("firmware_version") == "12.4");
  CHECK(enable->fields.at("filename") == "rtr-branch-07");
  CHECK(enable->metadata == json{{"file", kRouter}, {"component", "enable password"}, {"lines", "13"},
                                 {"standard_id", "ios_enable_password"},
                                 {"standard_name", "ZeroTrace network device configuration audit"}});
  const json frameworks = {{{"framework", "cis_cisco_ios_15"}, {"requirements", {"1.4.1"}}},
                           {{"framework", "nist_800_53"}, {"requirements", {"IA-5(1)"}}},
                           {{"framework", "pci_dss_4"}, {"requirements", {"8.3.2"}}}};
  CHECK(enable->fields.at("compliance_frameworks") == frameworks);

  // The ASA configuration is found, recognised and audited.
  const json asa = file_entry(r, kAsa);
  CHECK(asa.at("parsing_status") == "parsed");
  CHECK(asa.at("vendor") == "cisco_asa");
  CHECK(asa.at("firmware_version") == "9.8(4)15");
  CHECK(asa.at("manufacturer") == "Cisco");
  CHECK(asa.at("analysis").at("total_findings") == 1);
  const zt::model::ConfigFile& asa_file = config_file(r, kAsa);
  CHECK(asa_file.parsed_data.at("hostname").at("value") == "asa-edge-01");
  CHECK(asa_file.analysis == zt::model::ConfigAnalysis{
                                 .total_findings = 1,
                                 .critical_findings = 0,
                                 .compliance_scores = asa.at("analysis").at("compliance_scores"),
                                 .overall_security_score = asa.at("analysis").at("overall_security_score"),
                                 .overall_risk_score = zt::model::default_risk_score(
                                     zt::model::Severity::medium)});
  std::set<std::string> paths, config_paths;
  for (const json& f : r.inventory.at("files")) paths.insert(f.at("path"));
  for (const zt::model::ConfigFile& c : r.config_files) config_paths.insert(c.file_path);
  CHECK(paths == std::set<std::string>{kAsa, kRouter, kSwitch});
  CHECK(config_paths == paths);
}

TEST_CASE("netconfig re-audits only the files that changed", "[unit]") {
  TempTree tree;
  const std::string router = zt::test::read_text(fixture_host("netconfig-weak") / std::string(kRouter).substr(1));
  tree.write("var/lib/rancid/edge/configs/r1", router);
  tree.write("var/lib/rancid/edge/configs/r2", router);
  auto collector = make();
  const CollectResult first = zt::test::collect_at(*collector, tree.root());
  CHECK(file_entry(first, "/var/lib/rancid/edge/configs/r1").at("reused") == false);
  // r2 fixed: its enable password removed (same size, so only the hash tells).
  std::string fixed = router;
  fixed.replace(fixed.find("enable password 7 0822455D0A16"), 30, "!                             ");
  tree.write("var/lib/rancid/edge/configs/r2", fixed);
  const CollectResult second = zt::test::collect_at(*collector, tree.root());
  CHECK(file_entry(second, "/var/lib/rancid/edge/configs/r1").at("reused") == true);
  CHECK(file_entry(second, "/var/lib/rancid/edge/configs/r2").at("reused") == false);
  std::set<std::string> r2_checks;
  for (const auto& f : second.findings)
    if (f.fields.at("file_path") == "/var/lib/rancid/edge/configs/r2") r2_checks.insert(f.fields.at("finding_type"));
  CHECK_FALSE(r2_checks.count("ios_enable_password"));
  CHECK(r2_checks.count("ios_type5_secret"));
  CHECK(second.findings.size() + 2 == first.findings.size());  // enable password, and its type 7
}

TEST_CASE("netconfig reports binary, oversized and unknown files without a finding", "[unit]") {
  TempTree tree;
  tree.write("srv/configs/garbage.bin", std::string("\0\x01\x02\x03\xff\xfe", 6));
  tree.write("srv/configs/big", std::string((1u << 20) + 1, 'x'));
  tree.write("srv/configs/notes.txt", "remember to back up the switches\n");
  tree.write("srv/configs/.hidden", "version 15.2\n");
  // RANCID's CVS and Oxidized's git folders are not entered.
  tree.write("srv/configs/CVS/Root", "hostname cvs\n");
  tree.write("srv/configs/.git/config", "hostname git\n");
  auto collector = make({{"paths", {"/srv/configs", "/nowhere/*"}}, {"max_file_mib", 1}});
  const CollectResult r = zt::test::collect_at(*collector, tree.root());
  CHECK(r.problems == std::vector<std::string>{});
  CHECK(r.findings.empty());
  CHECK(file_entry(r, "/srv/configs/garbage.bin").at("parsing_status") == "failed");
  CHECK(file_entry(r, "/srv/configs/garbage.bin").at("reason") == "binary content, not a configuration text");
  CHECK(file_entry(r, "/srv/configs/big").at("reason") == "larger than max_file_mib (1 MiB): not read");
  CHECK(file_entry(r, "/srv/configs/big").at("sha256") == "");
  CHECK(file_entry(r, "/srv/configs/notes.txt").at("parsing_status") == "unsupported");
  CHECK(r.inventory.at("files").size() == 3);
}

TEST_CASE("netconfig takes a single file as its path, and says when it finds nothing", "[unit]") {
  auto collector = make({{"paths", {kSwitch}}});
  const CollectResult r = zt::test::collect_at(*collector, fixture_host("netconfig-weak"));
  CHECK(rows(r) == audited("netconfig-weak", kSwitch));
  CHECK(collector->capabilities(zt::collector::HostFs(fixture_host("netconfig-weak"))).usable);
  auto nothing = make({{"paths", {"/nowhere"}}});
  const auto availability = nothing->capabilities(zt::collector::HostFs(fixture_host("netconfig-weak")));
  CHECK_FALSE(availability.usable);
  CHECK(availability.reason == "no configuration folder or file found under the configured paths");
}

TEST_CASE("netconfig audits Junos configurations in both forms and ASA configurations", "[unit]") {
  const std::string junos = "/var/lib/rancid/junos/configs/";
  auto collector = make();
  const CollectResult r = zt::test::collect_at(*collector, fixture_host("netconfig-junos"));
  CHECK(r.problems == std::vector<std::string>{});
  std::set<Row> expected = audited("netconfig-junos", junos + "srx-branch-02");
  expected.merge(audited("netconfig-junos", junos + "srx-branch-02.set"));
  CHECK(rows(r) == expected);
  CHECK(expected.size() == 24);
  for (const zt::model::Finding& f : r.findings) {
    INFO(f.fields.dump());
    CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});
    CHECK(f.fields.at("manufacturer") == "Juniper");
    CHECK(f.fields.at("config_type") == "juniper_junos");
  }
  const json hardened = file_entry(r, junos + "mx-core-01.set");
  CHECK(hardened.at("parsing_status") == "parsed");
  CHECK(hardened.at("analysis").at("total_findings") == 0);
  CHECK(hardened.at("summary").at("form") == "set");

  auto asa = make({{"paths", {"/srv/tftp/configs"}}});
  const CollectResult a = zt::test::collect_at(*asa, fixture_host("netconfig-asa"));
  CHECK(a.problems == std::vector<std::string>{});
  CHECK(rows(a) == audited("netconfig-asa", "/srv/tftp/configs/fw-branch-09"));
  CHECK(file_entry(a, "/srv/tftp/configs/fw-dc-01").at("analysis").at("total_findings") == 0);
}

TEST_CASE("netconfig audits Arista EOS configurations from RANCID's folders", "[unit]") {
  const std::string arista = "/var/lib/rancid/arista/configs/";
  auto collector = make();
  const CollectResult r = zt::test::collect_at(*collector, fixture_host("netconfig-eos"));
  CHECK(r.problems == std::vector<std::string>{});
  CHECK(rows(r) == audited("netconfig-eos", arista + "spine-lab-02"));
  for (const zt::model::Finding& f : r.findings) {
    INFO(f.fields.dump());
    CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});
    CHECK(f.fields.at("manufacturer") == "Arista");
    CHECK(f.fields.at("config_type") == "arista_eos");
    CHECK(f.fields.at("model") == "DCS-7280SR-48C6");
    CHECK(f.fields.at("firmware_version") == "4.26.4M");
  }
  const json weak = file_entry(r, arista + "spine-lab-02");
  CHECK((weak.at("parsing_status") == "parsed" && weak.at("vendor") == "arista_eos"));
  CHECK(weak.at("analysis").at("total_findings") == 27);
  const json hardened = file_entry(r, arista + "leaf-dc-01");
  CHECK(hardened.at("analysis").at("total_findings") == 0);
  CHECK(config_file(r, arista + "leaf-dc-01").model == "DCS-7050SX3-48YC12");
}
