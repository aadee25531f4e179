#include "collectors/windows/system_report.hpp"

#include <catch2/catch.hpp>

using namespace zt;
using namespace zt::windows;

namespace {

SystemSnapshot windows10() {
  SystemSnapshot s;
  s.os = WindowsVersion{.product_name = "Windows 10 Pro",
                        .version = "10.0",
                        .build = "19045",
                        .display_version = "22H2",
                        .ubr = 3803,
                        .edition_id = "Professional"};
  s.programs = std::vector<InstalledProgram>{
      {"7-Zip 23.01 (x64)", "23.01", "Igor Pavlov", "64-bit",
       "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\7-Zip", false},
      {"Notepad++ (32-bit x86)", "8.6", "Notepad++ Team", "32-bit",
       "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Notepad++ (32-bit view)",
       false}};
  return s;
}

}  // namespace

TEST_CASE("windows: the full version joins what is known", "[unit][windows]") {
  CHECK(full_version(*windows10().os) == "10.0.19045.3803");
  CHECK(full_version({.product_name = "Microsoft Windows 7",
                      .version = "6.1",
                      .build = "7601",
                      .display_version = "",
                      .ubr = std::nullopt,
                      .edition_id = ""}) == "6.1.7601");
  CHECK(full_version({}) == "");
}

TEST_CASE("windows: installed programs are dependencies", "[unit][windows]") {
  const auto deps = program_dependencies(windows10());
  REQUIRE(deps.size() == 2);
  CHECK(deps[0] == model::Dependency{.name = "7-Zip 23.01 (x64)",
                                     .version = "23.01",
                                     .type = "windows_program",
                                     .location = "HKLM\\SOFTWARE\\Microsoft\\Windows\\"
                                                 "CurrentVersion\\Uninstall\\7-Zip",
                                     .license = ""});
  CHECK(system_inventory(windows10()).at("package_count") == 2);
  CHECK(program_dependencies(SystemSnapshot{}).empty());
  CHECK(system_inventory(SystemSnapshot{}).at("package_count").is_null());
}

TEST_CASE("windows: reboot markers make one reboot_required finding", "[unit][windows]") {
  SystemSnapshot s = windows10();
  CHECK(!reboot_finding(s));

  s.reboot_markers = {{RebootMarkerKind::file_renames,
                       "HKLM\\...\\PendingFileRenameOperations",
                       {"\\??\\C:\\Temp\\old.dll"}}};
  auto renames_only = reboot_finding(s);
  REQUIRE(renames_only);
  CHECK(renames_only->severity == model::Severity::low);

  s.reboot_markers.push_back({RebootMarkerKind::windows_update, "HKLM\\...\\RebootRequired", {}});
  auto update = reboot_finding(s);
  REQUIRE(update);
  CHECK(update->severity == model::Severity::medium);
  CHECK(update->category == model::Category::system);
  CHECK(update->fields == nlohmann::json{{"vulnerability_type", "reboot_required"},
                                         {"component_name", "windows"},
                                         {"component_version", "10.0.19045.3803"},
                                         {"os_name", "Windows 10 Pro"},
                                         {"os_version", "10.0.19045.3803"}});
  CHECK(update->metadata.at("markers").size() == 2);
  CHECK(system_inventory(s).at("reboot_required") == true);
}
