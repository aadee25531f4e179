// The Windows `system` collector (collectors.hpp): reads the registry into a SystemSnapshot,
// then reports it (system_report.hpp).
#include <functional>
#include <map>

#include "collectors/windows/collectors.hpp"
#include "collectors/windows/registry.hpp"
#include "collectors/windows/registry_paths.hpp"
#include "collectors/windows/servicing_package.hpp"
#include "collectors/windows/system_report.hpp"

namespace zt::windows {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using Problems = std::vector<std::string>;
namespace path = registry_path;

// The key, or nullopt after recording why not: a missing key in `absent` (when given), any
// other failure in `problems`.
std::optional<RegistryKey> open_key(std::variant<RegistryKey, RegistryError> opened,
                                    Problems& problems, std::vector<std::string>* absent) {
  if (auto* key = std::get_if<RegistryKey>(&opened)) return std::move(*key);
  const RegistryError& error = std::get<RegistryError>(opened);
  if (error.not_found && absent)
    absent->push_back(error.key);
  else
    problems.push_back("cannot open " + error.message);
  return std::nullopt;
}

std::optional<WindowsVersion> read_version(Problems& problems) {
  auto key = open_key(RegistryKey::open(path::kCurrentVersion), problems, nullptr);
  if (!key) return std::nullopt;
  WindowsVersion v;
  v.product_name = key->text("ProductName").value_or("");
  const auto major = key->number("CurrentMajorVersionNumber");
  const auto minor = key->number("CurrentMinorVersionNumber");
  v.version = major && minor ? std::to_string(*major) + "." + std::to_string(*minor)
                             : key->text("CurrentVersion").value_or("");
  v.build = key->text("CurrentBuild").value_or(key->text("CurrentBuildNumber").value_or(""));
  v.display_version = key->text("DisplayVersion").value_or(key->text("ReleaseId").value_or(""));
  v.ubr = key->number("UBR");
  v.edition_id = key->text("EditionID").value_or("");
  if (v.product_name.empty() && v.build.empty())
    problems.push_back(key->name() + ": has neither ProductName nor CurrentBuild");
  return v;
}

std::optional<InstalledProgram> read_program(const RegistryKey& entry) {
  auto name = entry.text("DisplayName");
  if (!name || name->empty() || entry.number("SystemComponent").value_or(0) == 1 ||
      entry.has_value("ParentKeyName"))
    return std::nullopt;
  return InstalledProgram{.name = std::move(*name),
                          .version = entry.text("DisplayVersion").value_or(""),
                          .publisher = entry.text("Publisher").value_or(""),
                          .view = std::string(to_string(entry.view())),
                          .key = entry.name(),
                          .windows_installer = entry.number("WindowsInstaller").value_or(0) == 1};
}

// Calls `each` with every subkey of `path` in `view` that opens, once the key is listed: its
// name then goes to `listed`. False when the key cannot be listed (missing: noted in
// absent_keys; any other failure: a problem).
bool for_each_subkey(const Context& context, std::string_view path, RegistryView view,
                     std::vector<std::string>& listed, SystemSnapshot& snapshot, Problems& problems,
                     const std::function<void(const std::string&, const RegistryKey&)>& each) {
  auto key = open_key(RegistryKey::open(path, view), problems, &snapshot.absent_keys);
  if (!key) return false;
  auto names = key->subkeys();
  if (auto* error = std::get_if<RegistryError>(&names)) {
    problems.push_back("cannot list " + error->message);
    return false;
  }
  listed.push_back(key->name());
  for (const std::string& name : std::get<std::vector<std::string>>(names)) {
    if (context.stopped_before("rest of " + key->name(), problems)) break;
    if (auto entry = open_key(key->child(name), problems, nullptr)) each(name, *entry);
  }
  return true;
}

void read_programs(const Context& context, SystemSnapshot& snapshot, Problems& problems) {
  std::vector<InstalledProgram> programs;
  bool listed = false;
  for (RegistryView view : {RegistryView::native, RegistryView::wow64_32})
    listed |= for_each_subkey(context, path::kUninstall, view, snapshot.program_keys, snapshot,
                              problems, [&](const std::string&, const RegistryKey& entry) {
                                if (auto program = read_program(entry))
                                  programs.push_back(std::move(*program));
                              });
  if (listed) snapshot.programs = std::move(programs);
}

// Hotfixes from the servicing packages and the legacy Hotfix key, each KB once, by id.
void read_hotfixes(const Context& context, SystemSnapshot& snapshot, Problems& problems) {
  std::map<std::string, std::string> found;  // id → source
  bool listed = false;
  listed |= for_each_subkey(context, path::kServicingPackages, RegistryView::native,
                            snapshot.hotfix_sources, snapshot, problems,
                            [&](const std::string& name, const RegistryKey& package) {
                              if (auto id = kb_of_package(name);
                                  id && package.number("CurrentState") == kServicingInstalled)
                                found.emplace(std::move(*id), "Component Based Servicing");
                            });
  listed |=
      for_each_subkey(context, path::kLegacyHotfixes, RegistryView::native, snapshot.hotfix_sources,
                      snapshot, problems, [&](const std::string& name, const RegistryKey& hotfix) {
                        if (hotfix.number("Installed") == 1u || hotfix.text("Installed") == "1")
                          found.emplace(name, "Hotfix");
                      });
  if (!listed) return;
  snapshot.hotfixes.emplace();
  for (auto& [id, source] : found) snapshot.hotfixes->push_back({id, source});
}

void read_reboot_markers(SystemSnapshot& snapshot, Problems& problems) {
  struct KeyMarker {
    std::string_view key;
    RebootMarkerKind kind;
  };
  for (const KeyMarker marker :
       {KeyMarker{path::kServicingRebootPending, RebootMarkerKind::servicing},
        KeyMarker{path::kWindowsUpdateRebootRequired, RebootMarkerKind::windows_update}}) {
    std::vector<std::string> absent;  // the usual case: no restart is due
    if (auto key = open_key(RegistryKey::open(marker.key), problems, &absent))
      snapshot.reboot_markers.push_back({marker.kind, key->name(), {}});
  }
  auto session = open_key(RegistryKey::open(path::kSessionManager), problems, nullptr);
  if (!session) return;
  // Pairs of (file, new name, "!"-prefixed to replace one, or "" to delete): the files are
  // the pairs' first halves, "\??\C:\...".
  const auto renames = session->texts(path::kPendingFileRenames);
  if (!renames || renames->empty()) return;
  RebootMarker marker{RebootMarkerKind::file_renames,
                      session->name() + "\\" + std::string(path::kPendingFileRenames),
                      {}};
  for (std::size_t i = 0; i < renames->size(); i += 2)
    if (!(*renames)[i].empty()) marker.files.push_back((*renames)[i]);
  snapshot.reboot_markers.push_back(std::move(marker));
}

class SystemCollector final : public collector::Collector {
 public:
  Availability capabilities(const collector::HostFs&) const override {
    return {.usable = true, .reason = "the Windows registry"};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    SystemSnapshot snapshot;
    snapshot.os = read_version(result.problems);
    read_programs(context, snapshot, result.problems);
    if (!context.stopped_before("hotfixes", result.problems))
      read_hotfixes(context, snapshot, result.problems);
    read_reboot_markers(snapshot, result.problems);
    result.dependencies = program_dependencies(snapshot);
    if (auto finding = reboot_finding(snapshot)) result.findings.push_back(std::move(*finding));
    result.inventory = system_inventory(snapshot);
    return result;
  }
};

}  // namespace

collector::CollectorDescriptor system_descriptor() {
  return {.name = "system",
          .category = model::Category::system,
          .default_interval = std::chrono::seconds{3600},
          .summary =
              "Windows version, installed programs (both registry views), hotfixes and "
              "pending reboots, from the registry",
          .options = {},
          .make = &make_without_options<SystemCollector>};
}

}  // namespace zt::windows
