// The compliance collector on the cmp-host tree: the exact (pack, control, status) set, the
// finding contract, the scores, the options, and a broken pack next to good ones.
#include "collectors/compliance/compliance_collector.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <tuple>

#include "schema-client/model/validation.hpp"
#include "tests/collectors/compliance/compliance_fixture.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/temp_tree.hpp"

using nlohmann::json;
using Strings = std::vector<std::string>;
using Result = std::tuple<std::string, std::string, std::string>;

namespace {

std::set<Result> results_of(const zt::collector::CollectResult& result) {
  std::set<Result> out;
  for (const auto& f : result.findings)
    out.emplace(f.metadata.at("pack"), f.metadata.at("control_id"), f.fields.at("status"));
  return out;
}

const bool kRoot = zt::test::file_observed("0644").ends_with("root:root");

}  // namespace

TEST_CASE("compliance collector: the exact results on the fixture host", "[unit][compliance]") {
  const auto result = zt::test::run_compliance({{"pack_dirs", {zt::test::compliance_packs("good")}}});
  CHECK(result.problems.empty());
  const std::string f1 = kRoot ? "pass" : "fail";
  CHECK(results_of(result) ==
        std::set<Result>{
            {"cmp_probes", "S.1", "pass"},  {"cmp_probes", "S.2", "pass"},
            {"cmp_probes", "S.3", "fail"},  {"cmp_probes", "S.4", "fail"},
            {"cmp_probes", "K.1", "fail"},  {"cmp_probes", "K.2", "pass"},
            {"cmp_probes", "K.3", "fail"},  {"cmp_probes", "M.1", "fail"},
            {"cmp_probes", "M.2", "pass"},  {"cmp_probes", "F.1", f1},
            {"cmp_probes", "F.2", "fail"},  {"cmp_probes", "F.3", "pass"},
            {"cmp_probes", "F.4", "fail"},  {"cmp_probes", "F.5", "pass"},
            {"cmp_probes", "F.6", "pass"},  {"cmp_probes", "H.1", "pass"},
            {"cmp_probes", "H.2", "fail"},  {"cmp_probes", "P.1", "pass"},
            {"cmp_probes", "P.2", "not_applicable"}, {"cmp_probes", "U.1", "pass"},
            {"cmp_probes", "U.2", "fail"},  {"cmp_probes", "A.1", "pass"},
            {"cmp_probes", "A.2", "pass"},  {"cmp_probes", "A.3", "pass"},
            {"cmp_probes", "A.4", "fail"},  {"cmp_probes", "A.5", "pass"},
            {"cmp_probes", "C.1", "fail"},  {"cmp_probes", "C.2", "fail"},
            {"cmp_probes", "C.3", "pass"},  {"cmp_probes", "X.1", "pass"},
            {"cmp_probes", "X.2", "pass"},  {"cmp_probes", "X.3", "manual"},
            {"cmp_ubuntu", "1", "not_applicable"},
        });
  const std::size_t passed = kRoot ? 18 : 17;
  const std::size_t failed = kRoot ? 12 : 13;
  CHECK(result.inventory.at("scores") ==
        json{{"ZT Fixture v1", {{"passed", passed}, {"failed", failed}, {"not_applicable", 1},
                                {"error", 0}, {"manual", 1},
                                {"score", kRoot ? 0.6 : 0.57}}},
             {"ZT Ubuntu Fixture v1", {{"passed", 0}, {"failed", 0}, {"not_applicable", 1},
                                       {"error", 0}, {"manual", 0}, {"score", nullptr}}}});
  CHECK(result.inventory.at("packs") ==
        json::parse(R"([{"pack": "cmp_probes", "version": "v1", "framework": "ZT Fixture v1",
                         "applies": true, "controls": 32},
                        {"pack": "cmp_ubuntu", "version": "v1",
                         "framework": "ZT Ubuntu Fixture v1", "applies": false, "controls": 1}])"));
  CHECK(result.inventory.at("os") == "debian 12");
}

TEST_CASE("compliance collector: the finding of a control result", "[unit][compliance]") {
  const auto findings = zt::test::by_control(
      zt::test::run_compliance({{"pack_dirs", {zt::test::compliance_packs("good")}}}));
  const auto& s1 = findings.at("cmp_probes/S.1");
  CHECK(s1.category == zt::model::Category::compliance);
  CHECK(s1.severity == zt::model::Severity::info);  // passed
  CHECK(s1.title == "S.1 forwarding off (set in /usr/lib and /etc; the later file wins)");
  CHECK(s1.description == "IP forwarding is off.");
  CHECK(s1.remediation == "Set net.ipv4.ip_forward = 0.");
  CHECK(s1.fields.at("framework") == "ZT Fixture v1");
  CHECK(s1.fields.at("category") == "S sysctl");
  CHECK(s1.fields.at("requirement") == s1.title);
  CHECK(s1.metadata == json::parse(R"({"pack": "cmp_probes", "control_id": "S.1",
      "profiles": ["level1"],
      "references": {"cis": "3.3.1", "nist_800_53": ["CM-7"], "pci_dss": ["1.4.3"],
                     "iso_27001": ["A.8.20"]},
      "compliance_frameworks": ["ZT Fixture v1 3.3.1", "NIST 800-53 CM-7", "PCI DSS 1.4.3",
                                "ISO 27001 A.8.20"]})"));
  for (const auto& [control, f] : findings) {
    INFO(control);
    CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});
  }
  CHECK(findings.at("cmp_probes/C.1").severity == zt::model::Severity::high);  // failed
  CHECK(findings.at("cmp_probes/X.3").metadata.at("manual") ==
        "needs a person to compare the keys with the vendor's");
}

TEST_CASE("compliance collector: packs and profiles select the controls", "[unit][compliance]") {
  const auto only = zt::test::run_compliance({{"pack_dirs", {zt::test::compliance_packs("good")}},
                                              {"packs", {"cmp_ubuntu", "cmp_missing"}}});
  CHECK(results_of(only) == std::set<Result>{{"cmp_ubuntu", "1", "not_applicable"}});
  CHECK(only.problems == Strings{"pack \"cmp_missing\" (collectors.compliance.packs) is in none "
                                 "of the pack folders"});
  const auto level2 = zt::test::run_compliance(
      {{"pack_dirs", {zt::test::compliance_packs("good")}}, {"packs", {"cmp_probes"}},
       {"profiles", {"level2"}}});
  std::set<std::string> ids;
  for (const auto& [pack, id, status] : results_of(level2)) ids.insert(id);
  // X.1 and X.2 are level2; the controls without profiles are in every profile; S.1 is level1.
  CHECK(ids.contains("X.1"));
  CHECK(ids.contains("X.2"));
  CHECK(ids.contains("S.2"));
  CHECK_FALSE(ids.contains("S.1"));
  CHECK(ids.size() == 31);
}

TEST_CASE("compliance collector: a broken pack is a problem, the others still run",
          "[unit][compliance]") {
  const auto result = zt::test::run_compliance(
      {{"pack_dirs", {zt::test::compliance_packs("bad"), zt::test::compliance_packs("good")}}});
  CHECK(results_of(result).size() == 33);
  REQUIRE(result.problems.size() == 7);
  CHECK(result.problems.front() ==
        zt::test::compliance_packs("bad") +
            "/broken.yaml:6:1: colour: unknown key (known keys: pack, title, version, framework, "
            "platform, profiles, controls)");
  const auto descriptor = zt::compliance::descriptor();
  REQUIRE(descriptor.validate);
  CHECK(descriptor.validate(zt::test::options_of(
            descriptor, {{"pack_dirs", {zt::test::compliance_packs("bad")}}})) == result.problems);
  CHECK(descriptor.validate(zt::test::options_of(
            descriptor, {{"pack_dirs", {zt::test::compliance_packs("good")}}})).empty());
}

TEST_CASE("compliance collector: its descriptor", "[unit][compliance]") {
  const auto descriptor = zt::compliance::descriptor();
  CHECK(descriptor.name == "compliance");
  CHECK(descriptor.default_interval == std::chrono::hours(24));
  const auto defaults = zt::test::options_of(descriptor).as_json();
  CHECK(defaults == json::parse(R"({"packs": [], "profiles": [],
      "pack_dirs": ["/usr/share/zerotrace/compliance", "/etc/zerotrace/compliance.d"]})"));
}
