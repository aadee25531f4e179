#include "tests/collectors/compliance/compliance_fixture.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include "collectors/compliance/compliance_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/temp_tree.hpp"

namespace zt::test {

namespace fs = std::filesystem;

std::string compliance_packs(std::string_view folder) {
  return (fs::path(ZT_SOURCE_DIR) / "tests/fixtures/compliance" / folder).string();
}

collector::CollectResult run_compliance(const nlohmann::json& overrides) {
  TempTree tree;
  tree.copy_from(fixture_host("cmp-host"));
  const auto rw_r_r = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                      fs::perms::others_read;
  fs::permissions(tree.root() / "etc/passwd", rw_r_r, fs::perm_options::replace);
  fs::permissions(tree.root() / "etc/shadow", rw_r_r, fs::perm_options::replace);
  const auto descriptor = compliance::descriptor();
  return collect_at(*descriptor.make(options_of(descriptor, overrides)), tree.root());
}

std::map<std::string, model::Finding> by_control(const collector::CollectResult& result) {
  std::map<std::string, model::Finding> out;
  for (const model::Finding& f : result.findings)
    out[f.metadata.at("pack").get<std::string>() + "/" +
        f.metadata.at("control_id").get<std::string>()] = f;
  return out;
}

std::string file_observed(std::string_view mode) {
  // The fixture's passwd and group name only id 0 (root) among the ids a checkout has.
  const auto name = [](unsigned id) { return id == 0 ? std::string("root") : std::to_string(id); };
  return "file " + std::string(mode) + " " + name(::getuid()) + ":" + name(::getgid());
}

}  // namespace zt::test
