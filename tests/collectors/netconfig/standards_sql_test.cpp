// The config_standards rows the migrations insert are the shipped standards: the generated
// section of the newest migration that carries one equals config_standards_sql(shipped).
#include "collectors/netconfig/standards_sql.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace zt::netconfig;

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The generated section of the newest migration holding one, and that migration's name.
std::pair<std::string, std::string> newest_section() {
  std::pair<std::string, std::string> found;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(ZT_SOURCE_DIR) / "schema-client/sql")) {
    const std::string name = entry.path().filename().string();
    const std::string text = read_text(entry.path());
    const std::size_t begin = text.find(kBeginMarker);
    const std::size_t end = text.find(kEndMarker);
    if (begin == std::string::npos || end == std::string::npos || name < found.first) continue;
    found = {name, text.substr(begin, end + kEndMarker.size() - begin)};
  }
  return found;
}

}  // namespace

TEST_CASE("the newest config_standards migration inserts the shipped standards", "[unit]") {
  const ShippedStandards& shipped = shipped_standards();
  REQUIRE(shipped.errors == std::vector<std::string>{});
  const std::string expected = config_standards_sql(shipped.set);
  const auto [migration, section] = newest_section();
  INFO("migration " << migration);
  if (section != expected) {
    // What a new migration must carry (migrations once applied are never edited).
    const auto out = std::filesystem::path(ZT_BINARY_DIR) / "config_standards_rows.sql";
    std::ofstream(out, std::ios::binary) << expected;
    FAIL_CHECK("conf/netconfig/standards.yaml changed: add a migration holding " << out.string());
  }
  CHECK(migration == "0012_config_standards_eos.sql");
}

TEST_CASE("config_standards_sql quotes and maps every column", "[unit]") {
  StandardSet set;
  set.name = "Acme's audit";
  Standard s;
  s.id = "junos_x";
  s.vendor = "juniper_junos";
  s.title = "It's weak";
  s.severity = zt::model::Severity::high;
  s.check_type = "value";
  s.check_pattern = "set system";
  s.expected_value = "none";
  s.remediation = "Fix it";
  s.frameworks = {{"nist_800_53", {"AC-17"}}, {"pci_dss_4", {}}};
  set.standards.push_back(s);
  const std::string sql = config_standards_sql(set);
  CHECK(sql.find("    ('Acme''s audit', 'junos_x', 'Juniper', 'network_device', 'It''s weak', "
                 "'value', 'set system', 'none', 'high', 'Fix it', "
                 "'[{\"framework\":\"nist_800_53\",\"requirements\":[\"AC-17\"]}]'::jsonb)\n") !=
        std::string::npos);
  CHECK(sql.find("requirement_id NOT IN ('junos_x');") != std::string::npos);
  CHECK(sql.starts_with(kBeginMarker));
  CHECK(sql.ends_with(kEndMarker));
}
