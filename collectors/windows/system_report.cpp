#include "collectors/windows/system_report.hpp"

#include "collectors/system/finding_types.hpp"
#include "schema-client/model/severity.hpp"

namespace zt::windows {
namespace {

using nlohmann::json;

json text_or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

std::string_view to_string(RebootMarkerKind kind) {
  switch (kind) {
    case RebootMarkerKind::servicing:
      return "servicing";
    case RebootMarkerKind::windows_update:
      return "windows_update";
    case RebootMarkerKind::file_renames:
      return "file_renames";
  }
  return "unknown";
}

// What the marker means, for the finding's description.
std::string_view meaning(RebootMarkerKind kind) {
  switch (kind) {
    case RebootMarkerKind::servicing:
      return "component servicing has staged an update";
    case RebootMarkerKind::windows_update:
      return "Windows Update has installed updates";
    case RebootMarkerKind::file_renames:
      return "files are to be replaced at the next start";
  }
  return "";
}

json os_json(const SystemSnapshot& snapshot) {
  if (!snapshot.os) return nullptr;
  const WindowsVersion& v = *snapshot.os;
  return {{"id", "windows"},
          {"name", v.product_name},
          {"version", text_or_null(v.version)},
          {"build", text_or_null(v.build)},
          {"ubr", v.ubr ? json(*v.ubr) : json(nullptr)},
          {"display_version", text_or_null(v.display_version)},
          {"edition_id", text_or_null(v.edition_id)},
          {"full_version", full_version(v)}};
}

}  // namespace

std::string full_version(const WindowsVersion& version) {
  std::string text = version.version;
  for (const std::string& part :
       {version.build, version.ubr ? std::to_string(*version.ubr) : std::string()}) {
    if (part.empty()) break;
    text += (text.empty() ? "" : ".") + part;
  }
  return text;
}

std::vector<model::Dependency> program_dependencies(const SystemSnapshot& snapshot) {
  std::vector<model::Dependency> deps;
  if (!snapshot.programs) return deps;
  for (const InstalledProgram& p : *snapshot.programs)
    deps.push_back({.name = p.name,
                    .version = p.version,
                    .type = std::string(kProgramType),
                    .location = p.key,
                    .license = {}});
  return deps;
}

std::optional<model::Finding> reboot_finding(const SystemSnapshot& snapshot) {
  if (snapshot.reboot_markers.empty()) return std::nullopt;
  bool updates = false;
  std::string reasons;
  json markers = json::array();
  for (const RebootMarker& m : snapshot.reboot_markers) {
    updates = updates || m.kind != RebootMarkerKind::file_renames;
    reasons += (reasons.empty() ? "" : "; ") + std::string(meaning(m.kind)) + " (" + m.where + ")";
    markers.push_back({{"kind", to_string(m.kind)}, {"where", m.where}, {"files", m.files}});
  }
  model::Finding f;
  f.category = model::Category::system;
  f.severity = updates ? model::Severity::medium : model::Severity::low;
  f.risk_score = model::default_risk_score(f.severity);
  f.fields = {{"vulnerability_type", system::finding_type::kRebootRequired},
              {"component_name", "windows"}};
  if (snapshot.os) {
    f.fields["os_name"] = snapshot.os->product_name;
    f.fields["os_version"] = full_version(*snapshot.os);
    f.fields["component_version"] = full_version(*snapshot.os);
  }
  f.title =
      updates ? "Reboot required to finish applying updates" : "Reboot pending to replace files";
  f.description = "Windows has recorded that it must restart: " + reasons + "." +
                  (updates ? " Until it restarts it keeps running the old code, including any "
                             "vulnerability these updates fix."
                           : " Installers ask for this for their own files; no Windows update "
                             "is waiting.");
  f.remediation =
      "Restart the host in its next maintenance window, sooner if the updates are security "
      "fixes; drain, fail over or announce the services it runs first. After it, check that "
      "the markers are gone (Settings > Windows Update shows no pending restart).";
  f.metadata = {{"markers", markers}};
  return f;
}

json system_inventory(const SystemSnapshot& snapshot) {
  json programs = json::array();
  if (snapshot.programs)
    for (const InstalledProgram& p : *snapshot.programs)
      programs.push_back({{"name", p.name},
                          {"version", text_or_null(p.version)},
                          {"publisher", text_or_null(p.publisher)},
                          {"view", p.view},
                          {"key", p.key},
                          {"windows_installer", p.windows_installer}});
  json hotfixes = nullptr;
  if (snapshot.hotfixes) {
    hotfixes = json::array();
    for (const Hotfix& h : *snapshot.hotfixes)
      hotfixes.push_back({{"id", h.id}, {"source", h.source}});
  }
  json markers = json::array();
  for (const RebootMarker& m : snapshot.reboot_markers)
    markers.push_back({{"kind", to_string(m.kind)}, {"where", m.where}, {"files", m.files}});
  return {{"os", os_json(snapshot)},
          {"package_manager", snapshot.programs ? json("windows_uninstall") : json(nullptr)},
          {"package_count", snapshot.programs ? json(snapshot.programs->size()) : json(nullptr)},
          {"program_keys", snapshot.program_keys},
          {"absent_keys", snapshot.absent_keys},
          {"programs", programs},
          {"hotfixes", hotfixes},
          {"hotfix_sources", snapshot.hotfix_sources},
          {"reboot_required", !snapshot.reboot_markers.empty()},
          {"reboot_markers", markers}};
}

}  // namespace zt::windows
