// The outdated-kernel finding: a newer kernel is installed than the one running.
#include "schema-client/vuln/version_dpkg.hpp"
#include "collectors/system/finding_types.hpp"
#include "collectors/system/host_paths.hpp"
#include "collectors/system/kernels.hpp"
#include "collectors/system/report.hpp"
#include "collectors/system/report_common.hpp"

namespace zt::system {
namespace {

const InstalledKernel* newest_kernel(const InstalledKernels& installed) {
  const InstalledKernel* newest = nullptr;
  for (const InstalledKernel& k : installed.kernels)
    if (newest == nullptr || vuln::compare_dpkg(k.release, newest->release) > 0) newest = &k;
  return newest;
}

std::string remediation_for(const Snapshot& snapshot, const std::string& newest) {
  std::string text = "Reboot the host into the newest installed kernel (" + newest +
                     ") in its next maintenance window, after checking that it is the boot "
                     "loader's default; then check that `uname -r` shows it.";
  if (snapshot.package_manager == PackageManager::dpkg) {
    const auto meta = deb_kernel_meta_package(newest);
    text += " Keep the kernel current with its meta-package: `apt install " +
            meta.value_or("linux-image-<flavour>") +
            "` (it follows the newest kernel of the flavour), then reboot. Remove kernels no "
            "longer needed with `apt autoremove`.";
  } else if (snapshot.package_manager == PackageManager::apk) {
    text +=
        " Keep the kernel current with `apk upgrade` (linux-lts, linux-virt, …), then "
        "reboot.";
  }
  return text;
}

}  // namespace

std::optional<std::string> newer_installed_kernel(const Snapshot& snapshot) {
  if (!snapshot.kernel_release || !snapshot.installed_kernels) return std::nullopt;
  const InstalledKernel* newest = newest_kernel(*snapshot.installed_kernels);
  if (newest == nullptr || vuln::compare_dpkg(newest->release, *snapshot.kernel_release) <= 0)
    return std::nullopt;
  return newest->release;
}

std::optional<model::Finding> make_kernel_finding(const Snapshot& snapshot) {
  const auto newer = newer_installed_kernel(snapshot);
  if (!newer) return std::nullopt;
  const InstalledKernels& installed = *snapshot.installed_kernels;
  const InstalledKernel& newest = *newest_kernel(installed);
  const std::string& running = *snapshot.kernel_release;

  model::Finding f = detail::new_finding(snapshot, model::Severity::medium,
                                         finding_type::kKernelOutdated);
  f.title = "Running kernel " + running + " is older than the installed " + *newer;
  f.description = "The host runs kernel " + running + ", but " + *newer + " is installed (" +
                  newest.evidence + ", from " + installed.source +
                  "). Fixes in the newer kernel, security fixes among them, do not apply until "
                  "the host boots it.";
  f.remediation = remediation_for(snapshot, *newer);
  f.fields["component_name"] = "kernel";
  f.fields["component_version"] = running;
  f.fields["patch_available"] = true;

  std::vector<std::string> releases;
  for (const InstalledKernel& k : installed.kernels) releases.push_back(k.release);
  f.metadata = {{"file", std::string(kKernelReleasePath)},
                {"value", running},
                {"newest_installed", *newer},
                {"newest_evidence", newest.evidence},
                {"installed_from", installed.source},
                {"installed", releases}};
  return f;
}

}  // namespace zt::system
