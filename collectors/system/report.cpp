#include "collectors/system/report.hpp"

#include "collectors/system/finding_types.hpp"
#include "collectors/system/kernels.hpp"
#include "collectors/system/report_common.hpp"
#include "schema-client/vuln/ecosystem.hpp"

namespace zt::system {
namespace {

using detail::join;

nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

bool is_kernel_package(std::string_view name) {
  return name.starts_with("linux-image-") || name.starts_with("linux-signed-image-");
}

// The finding's component: the kernel when the flag names no package or a kernel image (the
// usual cause: a new kernel is installed and not running yet), otherwise the first package
// that asked for the reboot (a libc or a firmware update, say).
std::string component_name(const RebootFlag& flag) {
  for (const std::string& p : flag.packages)
    if (is_kernel_package(p)) return "kernel";
  return flag.packages.empty() ? "kernel" : flag.packages.front();
}

nlohmann::json eol_inventory(const Snapshot& snapshot, const ReportOptions& options) {
  const EolAssessment eol = assess_eol(snapshot, options);
  nlohmann::json out = {{"status", to_string(eol.status)},
                        {"date", nullptr},
                        {"release", nullptr},
                        {"security_support_end", nullptr},
                        {"note", text_or_null(eol.note)}};
  if (eol.match) {
    const EolRelease& r = *eol.match->release;
    out["date"] = format_iso_date(Date{r.eol});
    out["release"] = r.name;
    if (r.security_end.ok()) out["security_support_end"] = format_iso_date(Date{r.security_end});
  }
  return out;
}

nlohmann::json security_support_inventory(const Snapshot& snapshot) {
  if (!snapshot.security_support) return nullptr;
  const SecuritySupportLists& lists = *snapshot.security_support;
  if (!lists.ended && !lists.limited) return nullptr;
  const SecuritySupportMatches matches = match_security_support(snapshot);
  return {{"ended", lists.ended ? nlohmann::json(matches.ended.size()) : nullptr},
          {"ending", lists.ended ? nlohmann::json(matches.ending.size()) : nullptr},
          {"limited", lists.limited ? nlohmann::json(matches.limited.size()) : nullptr},
          {"ended_list", lists.ended ? nlohmann::json(lists.ended_path) : nullptr},
          {"limited_list", lists.limited ? nlohmann::json(lists.limited_path) : nullptr}};
}

// The OSV ecosystem the release's advisories are filed under ("Debian:12"); empty when the
// release has none (vuln::ecosystem_of).
std::string ecosystem_of(const Snapshot& snapshot) {
  if (!snapshot.os) return {};
  const auto host = vuln::ecosystem_of(snapshot.os->id, snapshot.os->id_like,
                                       snapshot.os->version_id);
  return host ? host->ecosystem : std::string();
}

}  // namespace

nlohmann::json make_inventory(const Snapshot& snapshot, const ReportOptions& options) {
  nlohmann::json os = nullptr;
  if (snapshot.os) {
    const OsRelease& r = *snapshot.os;
    os = {{"id", r.id},
          {"id_like", r.id_like},
          {"name", r.name},
          {"version_id", text_or_null(r.version_id)},
          {"version_codename", text_or_null(r.version_codename)},
          {"pretty_name", r.pretty_name}};
  }
  const nlohmann::json running =
      snapshot.kernel_release ? nlohmann::json(*snapshot.kernel_release) : nullptr;
  nlohmann::json newest = nullptr;
  nlohmann::json installed_from = nullptr;
  if (snapshot.installed_kernels) {
    std::vector<std::string> releases;
    for (const InstalledKernel& k : snapshot.installed_kernels->kernels)
      releases.push_back(k.release);
    if (auto n = newest_kernel_release(releases)) newest = *n;
    installed_from = snapshot.installed_kernels->source;
  }

  nlohmann::json inventory = nlohmann::json::object();
  inventory["os"] = os;
  inventory["ecosystem"] = text_or_null(ecosystem_of(snapshot));
  inventory["kernel"] = {{"release", running},
                         {"running", running},
                         {"newest_installed", newest},
                         {"installed_from", installed_from}};
  inventory["uptime_seconds"] =
      snapshot.uptime_seconds ? nlohmann::json(*snapshot.uptime_seconds) : nullptr;
  inventory["reboot_required"] = snapshot.reboot.has_value();
  inventory["reboot_required_packages"] =
      snapshot.reboot ? nlohmann::json(snapshot.reboot->packages) : nlohmann::json::array();
  inventory["package_manager"] = snapshot.package_manager == PackageManager::none
                                     ? nlohmann::json(nullptr)
                                     : nlohmann::json(to_string(snapshot.package_manager));
  inventory["package_count"] =
      snapshot.packages ? nlohmann::json(snapshot.packages->size()) : nullptr;
  inventory["eol"] = eol_inventory(snapshot, options);
  inventory["security_support"] = security_support_inventory(snapshot);
  return inventory;
}

std::vector<model::Dependency> make_dependencies(const Snapshot& snapshot) {
  std::vector<model::Dependency> deps;
  if (!snapshot.packages) return deps;
  const std::string type{package_type(snapshot.package_manager)};
  const std::string& location = snapshot.package_database;
  const std::string ecosystem = ecosystem_of(snapshot);
  deps.reserve(snapshot.packages->size());
  for (const Package& p : *snapshot.packages)
    deps.push_back(
        {p.name, p.version, type, location, p.license, p.source, p.source_version, p.arch,
         ecosystem});
  return deps;
}

std::vector<model::Finding> make_findings(const Snapshot& snapshot,
                                          const ReportOptions& options) {
  std::vector<model::Finding> findings;
  if (auto f = make_eol_finding(snapshot, options)) findings.push_back(std::move(*f));
  if (auto f = make_kernel_finding(snapshot)) findings.push_back(std::move(*f));
  if (auto f = make_reboot_finding(snapshot)) findings.push_back(std::move(*f));
  for (model::Finding& f : make_security_support_findings(snapshot, options))
    findings.push_back(std::move(f));
  return findings;
}

std::optional<model::Finding> make_reboot_finding(const Snapshot& snapshot) {
  if (!snapshot.reboot) return std::nullopt;
  const RebootFlag& flag = *snapshot.reboot;

  model::Finding f = detail::new_finding(snapshot, model::Severity::medium,
                                         finding_type::kRebootRequired);
  f.title = "Reboot required to finish applying updates";

  f.description = "The host has flagged that it must be rebooted (" + flag.flag_path + ")";
  if (flag.packages.empty())
    f.description += "; the packages that asked for it are not listed.";
  else
    f.description += " to finish applying updates to: " + join(flag.packages, ", ") + ".";
  f.description +=
      " Until it reboots it keeps running the old code, including any vulnerability these "
      "updates fix";
  if (snapshot.kernel_release)
    f.description += " (running kernel: " + *snapshot.kernel_release + ")";
  f.description += ".";

  f.remediation =
      "Schedule a reboot of this host in its next maintenance window, sooner if the updates "
      "are security fixes. Before it, check that the new kernel and its initramfs are "
      "installed and are the boot loader's default, and drain, fail over or announce the "
      "services the host runs. After it, check that `uname -r` shows the new kernel and that " +
      flag.flag_path + " is gone.";

  f.fields["component_name"] = component_name(flag);
  if (snapshot.kernel_release) f.fields["component_version"] = *snapshot.kernel_release;

  f.metadata = {{"file", flag.flag_path}, {"packages", flag.packages}};
  return f;
}

}  // namespace zt::system
