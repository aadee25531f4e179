#include "collectors/netconfig/standards.hpp"

#include <catch2/catch.hpp>

#include <set>

#include "collectors/netconfig/asa_checks.hpp"
#include "collectors/netconfig/checks.hpp"
#include "collectors/netconfig/junos_checks.hpp"

using namespace zt::netconfig;

TEST_CASE("the shipped standards load and match the checks one to one", "[unit]") {
  const ShippedStandards& shipped = shipped_standards();
  REQUIRE(shipped.errors == std::vector<std::string>{});
  std::set<std::string> standard_ids, check_ids;
  for (const Standard& s : shipped.set.standards) {
    standard_ids.insert(s.id);
    CHECK_FALSE(s.title.empty());
    CHECK_FALSE(s.remediation.empty());
    CHECK(s.frameworks.size() == 3);
  }
  for (const Check& c : ios_checks()) CHECK(check_ids.insert(std::string(c.id)).second);
  for (const JunosCheck& c : junos_checks()) CHECK(check_ids.insert(std::string(c.id)).second);
  for (const AsaCheck& c : asa_checks()) CHECK(check_ids.insert(std::string(c.id)).second);
  for (const Check& c : eos_checks()) CHECK(check_ids.insert(std::string(c.id)).second);
  CHECK(standard_ids == check_ids);
  CHECK(standard_ids.size() == 81);
  const Standard* enable = shipped.set.find("ios_enable_password");
  REQUIRE(enable);
  CHECK(enable->severity == zt::model::Severity::high);
  CHECK(enable->frameworks == std::vector<FrameworkRefs>{{"cis_cisco_ios_15", {"1.4.1"}},
                                                         {"nist_800_53", {"IA-5(1)"}},
                                                         {"pci_dss_4", {"8.3.2"}}});
  REQUIRE_FALSE(shipped.set.firmware.empty());
  CHECK(shipped.set.firmware[4].release == "12.4");
  CHECK(shipped.set.firmware[4].last_support ==
        std::chrono::sys_days{std::chrono::year{2016} / 1 / 31});
}

TEST_CASE("load_standards names the line of every problem", "[unit]") {
  const auto bad = load_standards(
      "standard_name: x\n"
      "standards:\n"
      "  - id: a\n"
      "    vendor: cisco_ios\n"
      "    category: c\n"
      "    title: t\n"
      "    severity: dreadful\n"
      "    check_type: presence\n"
      "    check_pattern: p\n"
      "    expected_value: e\n"
      "    description: d\n"
      "    remediation: r\n"
      "    frameworks: {nist_800_53: [AC-1]}\n"
      "    colour: red\n"
      "firmware_end_of_support:\n"
      "  - {vendor: cisco_ios, release: '12.4', last_support: 2016-02-30, source: s}\n",
      "test.yaml");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message ==
        "test.yaml:14:5: $.standards[0].colour: unknown key; "
        "test.yaml:7:15: $.standards[0].severity: not a severity; "
        "test.yaml:16:56: $.firmware_end_of_support[0].last_support: expected YYYY-MM-DD");
  const auto broken = load_standards("standards: [\n", "broken.yaml");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().message.rfind("broken.yaml: $: ", 0) == 0);
}
