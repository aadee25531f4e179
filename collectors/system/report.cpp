#include "collectors/system/report.hpp"

#include "schema-client/model/severity.hpp"

namespace zt::system {
namespace {

nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
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

}  // namespace

nlohmann::json make_inventory(const Snapshot& snapshot) {
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
  nlohmann::json inventory = nlohmann::json::object();
  inventory["os"] = os;
  inventory["kernel"] = {
      {"release", snapshot.kernel_release ? nlohmann::json(*snapshot.kernel_release) : nullptr}};
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
  return inventory;
}

std::vector<model::Dependency> make_dependencies(const Snapshot& snapshot) {
  std::vector<model::Dependency> deps;
  if (!snapshot.packages) return deps;
  const std::string type{package_type(snapshot.package_manager)};
  const std::string location{package_database_path(snapshot.package_manager)};
  deps.reserve(snapshot.packages->size());
  for (const Package& p : *snapshot.packages)
    deps.push_back({p.name, p.version, type, location, p.license});
  return deps;
}

std::optional<model::Finding> make_reboot_finding(const Snapshot& snapshot) {
  if (!snapshot.reboot) return std::nullopt;
  const RebootFlag& flag = *snapshot.reboot;

  model::Finding f;
  f.category = model::Category::system;
  f.severity = model::Severity::medium;
  f.risk_score = model::default_risk_score(f.severity);
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

  f.fields = {{"vulnerability_type", "reboot_required"}, {"component_name", component_name(flag)}};
  if (snapshot.os) {
    f.fields["os_name"] = snapshot.os->name;
    if (!snapshot.os->version_id.empty()) f.fields["os_version"] = snapshot.os->version_id;
  }
  if (snapshot.kernel_release) f.fields["component_version"] = *snapshot.kernel_release;

  f.metadata = {{"file", flag.flag_path}, {"packages", flag.packages}};
  return f;
}

}  // namespace zt::system
