#include "collectors/system/system_collector.hpp"

#include <algorithm>
#include <utility>

#include "collectors/core/optional_file.hpp"
#include "collectors/readers/apk_installed.hpp"
#include "collectors/readers/dpkg_status.hpp"
#include "collectors/readers/rpm_packages.hpp"
#include "collectors/system/eol_table.hpp"
#include "collectors/system/host_paths.hpp"
#include "collectors/system/kernels.hpp"
#include "collectors/system/proc_info.hpp"
#include "collectors/system/reboot_required.hpp"
#include "collectors/system/report.hpp"
#include "collectors/system/snapshot.hpp"
#include "collectors/system/system_options.hpp"

namespace zt::system {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;
using collector::read_os_release;
using Problems = std::vector<std::string>;
using readers::ApkInstalled;
using readers::ApkPackage;
using readers::DpkgPackage;
using readers::DpkgStatus;
using readers::find_rpm_database;
using readers::installed_packages;
using readers::parse_apk_installed;
using readers::parse_dpkg_status;
using readers::read_rpm_packages;
using readers::RpmPackage;

struct PackageDatabase {
  PackageManager manager = PackageManager::none;
  std::string path;  // host path
};

// The first package database present decides: dpkg, then apk, then rpm's (rpm_packages.hpp).
PackageDatabase find_package_database(const HostFs& fs) {
  if (!fs.is_missing(kDpkgStatusPath)) return {PackageManager::dpkg, std::string(kDpkgStatusPath)};
  if (!fs.is_missing(kApkInstalledPath))
    return {PackageManager::apk, std::string(kApkInstalledPath)};
  if (const auto rpm = find_rpm_database(fs)) return {PackageManager::rpm, std::string(rpm->path)};
  return {};
}

std::optional<std::vector<Package>> read_rpm(const HostFs& fs, std::size_t max_bytes,
                                             Problems& problems) {
  auto database = read_rpm_packages(fs, max_bytes, problems);
  if (!database) return std::nullopt;
  std::vector<Package> packages;
  for (RpmPackage& p : database->packages) {
    if (p.name == "gpg-pubkey") continue;  // an imported signing key, not installed software
    std::string evr = rpm_evr(p);
    packages.push_back({std::move(p.name), std::move(evr), std::move(p.license),
                        std::move(p.source_rpm), {}, std::move(p.arch)});
  }
  return packages;
}

std::optional<std::vector<Package>> read_packages(const HostFs& fs,
                                                  const PackageDatabase& database,
                                                  std::size_t max_bytes, Problems& problems) {
  const PackageManager manager = database.manager;
  const std::string& path = database.path;
  if (manager == PackageManager::none) return std::nullopt;
  if (manager == PackageManager::rpm) return read_rpm(fs, max_bytes, problems);
  auto text = fs.read_file(path, max_bytes);
  if (!text) {
    problems.push_back("cannot read " + text.error().message);
    return std::nullopt;
  }
  const bool blank = text->find_first_not_of(" \t\r\n") == std::string::npos;
  std::vector<Package> packages;
  std::size_t malformed = 0;
  std::size_t records = 0;
  if (manager == PackageManager::dpkg) {
    const DpkgStatus status = parse_dpkg_status(*text);
    malformed = status.malformed_stanzas;
    records = status.entries.size();
    for (DpkgPackage& p : installed_packages(status))
      packages.push_back({std::move(p.name), std::move(p.version), {}, std::move(p.source_name),
                          std::move(p.source_version), std::move(p.architecture)});
  } else {
    ApkInstalled installed = parse_apk_installed(*text);
    malformed = installed.malformed_records;
    records = installed.packages.size();
    // Without an origin a package is its own source, as dpkg's ${source:Package} has it.
    for (ApkPackage& p : installed.packages) {
      std::string source = p.origin.empty() ? p.name : std::move(p.origin);
      packages.push_back({std::move(p.name), p.version, std::move(p.license), std::move(source),
                          p.version, std::move(p.architecture)});
    }
  }
  if (records == 0 && !blank) {
    problems.push_back(fs.describe(path) + ": no package records found; not a " +
                       std::string(to_string(manager)) + " database?");
    return std::nullopt;
  }
  if (malformed > 0)
    problems.push_back(fs.describe(path) + ": " + std::to_string(malformed) +
                       " malformed record(s) without a package name or status left out");
  return packages;
}

// Installed kernels: from the package database when it names any (dpkg linux-image-*,
// apk linux-<flavour>), else /boot/vmlinuz-*, else /lib/modules/* with a modules.dep.
// Only called for hosts whose releases order like dpkg's (kernel_releases_order_like_dpkg).
std::optional<InstalledKernels> find_installed_kernels(const HostFs& fs, const Snapshot& snapshot,
                                                       Problems& problems) {
  // A folder that is not there is normal (containers have neither); one that cannot be
  // listed is a problem.
  const auto list = [&](std::string_view path) -> std::optional<std::vector<std::string>> {
    auto entries = fs.list_dir(path);
    if (entries) return std::move(*entries);
    if (!fs.is_missing(path)) problems.push_back("cannot list " + entries.error().message);
    return std::nullopt;
  };
  InstalledKernels out;
  if (snapshot.packages) {
    out.source = snapshot.package_database;
    for (const Package& p : *snapshot.packages) {
      const auto release = snapshot.package_manager == PackageManager::apk
                               ? kernel_release_of_apk(p.name, p.version)
                               : kernel_release_of_deb(p.name);
      if (release) out.kernels.push_back({*release, p.name + " " + p.version});
    }
    if (!out.kernels.empty()) return out;
  }
  if (auto entries = list(kBootPath)) {
    out.source = std::string(kBootPath);
    for (const std::string& name : *entries)
      if (auto release = kernel_release_of_boot_file(name))
        out.kernels.push_back({*release, std::string(kBootPath) + "/" + name});
    if (!out.kernels.empty()) return out;
  }
  if (auto entries = list(kModulesPath)) {
    out.source = std::string(kModulesPath);
    for (const std::string& name : *entries) {
      const std::string dir = std::string(kModulesPath) + "/" + name;
      if (!name.empty() && name.front() >= '0' && name.front() <= '9' &&
          fs.exists(dir + "/" + std::string(kModulesDepName)))
        out.kernels.push_back({name, dir});
    }
    if (!out.kernels.empty()) return out;
  }
  return std::nullopt;
}

// The debian-security-support lists, on a Debian host whose packages were read.
std::optional<SecuritySupportLists> read_security_support(const HostFs& fs,
                                                          const Snapshot& snapshot,
                                                          Problems& problems) {
  if (!snapshot.os || snapshot.package_manager != PackageManager::dpkg || !snapshot.packages)
    return std::nullopt;
  if (snapshot.os->id != "debian" && snapshot.os->id != "raspbian") return std::nullopt;
  const std::string major = eol_release_key(*snapshot.os);
  if (major.empty()) return std::nullopt;  // testing or unstable: no list applies

  SecuritySupportLists lists;
  lists.debian_major = major;
  lists.ended_path = std::string(kSecuritySupportEndedPrefix) + major;
  lists.limited_path = std::string(kSecuritySupportLimitedPath);
  if (auto text = collector::read_optional(fs, lists.ended_path, kSmallFileMaxBytes, problems)) {
    lists.ended = parse_security_support_ended(*text);
    if (lists.ended->malformed_lines > 0)
      problems.push_back(fs.describe(lists.ended_path) + ": " +
                         std::to_string(lists.ended->malformed_lines) +
                         " line(s) without a package, a version and a YYYY-MM-DD date left out");
  }
  if (auto text = collector::read_optional(fs, lists.limited_path, kSmallFileMaxBytes, problems))
    lists.limited = parse_security_support_limited(*text);
  return lists;
}

std::optional<RebootFlag> find_reboot_flag(const HostFs& fs, Problems& problems) {
  for (const RebootFlagPaths& paths : kRebootFlagPaths) {
    if (!fs.exists(paths.flag)) continue;
    RebootFlag flag{std::string(paths.flag), {}};
    if (auto text = collector::read_optional(fs, paths.packages, kSmallFileMaxBytes, problems))
      flag.packages = parse_reboot_required_packages(*text);
    return flag;
  }
  return std::nullopt;
}

class SystemCollector final : public collector::Collector {
 public:
  SystemCollector(SystemOptions options, Today today)
      : options_(options), today_(std::move(today)) {}

  Availability capabilities(const HostFs& fs) const override {
    auto os = read_os_release(fs, nullptr);
    if (!os) return {false, os.error().message};
    std::string found = "os-release";
    if (const PackageDatabase database = find_package_database(fs);
        database.manager != PackageManager::none)
      found += ", " + std::string(to_string(database.manager)) + " database";
    return {true, found};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    Snapshot snapshot;
    snapshot.today = today_();
    gather(context, snapshot, result.problems);
    const ReportOptions report{options_.eol_warning_days, options_.limited_security_support};
    result.inventory = make_inventory(snapshot, report);
    result.dependencies = make_dependencies(snapshot);
    result.findings = make_findings(snapshot, report);
    return result;
  }

 private:
  void gather(Context& context, Snapshot& snapshot, Problems& problems) const {
    const HostFs& fs = context.fs();

    if (auto os = read_os_release(fs, &problems)) {
      snapshot.os = collector::parse_os_release(os->text);
      snapshot.os_release_path = std::string(os->path);
    } else {
      problems.push_back(os.error().message);
    }

    if (context.stopped_before("kernel release", problems)) return;
    if (auto text = collector::read_optional(fs, kKernelReleasePath, kSmallFileMaxBytes, problems)) {
      snapshot.kernel_release = parse_kernel_release(*text);
      if (!snapshot.kernel_release)
        problems.push_back(fs.describe(kKernelReleasePath) + ": empty");
    }

    if (context.stopped_before("uptime", problems)) return;
    if (auto text = collector::read_optional(fs, kUptimePath, kSmallFileMaxBytes, problems)) {
      snapshot.uptime_seconds = parse_uptime_seconds(*text);
      if (!snapshot.uptime_seconds)
        problems.push_back(fs.describe(kUptimePath) + ": no uptime in \"" +
                           std::string(trimmed_prefix(*text)) + "\"");
    }

    if (context.stopped_before("reboot flag", problems)) return;
    snapshot.reboot = find_reboot_flag(fs, problems);

    if (context.stopped_before("package database", problems)) return;
    const PackageDatabase database = find_package_database(fs);
    snapshot.package_manager = database.manager;
    snapshot.package_database = database.path;
    if (options_.packages)
      snapshot.packages =
          read_packages(fs, database, options_.package_db_max_bytes(), problems);

    if (context.stopped_before("installed kernels", problems)) return;
    if (snapshot.os && kernel_releases_order_like_dpkg(*snapshot.os))
      snapshot.installed_kernels = find_installed_kernels(fs, snapshot, problems);

    if (context.stopped_before("security support lists", problems)) return;
    snapshot.security_support = read_security_support(fs, snapshot, problems);
  }

  // Enough of a bad file to recognise it in a message.
  static std::string_view trimmed_prefix(std::string_view text) {
    return text.substr(0, std::min<std::size_t>(text.find('\n'), 40));
  }

  SystemOptions options_;
  Today today_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return make_collector(values, &utc_today);
}

}  // namespace

Date utc_today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

std::unique_ptr<collector::Collector> make_collector(const collector::OptionValues& options,
                                                     Today today) {
  SystemOptions parsed = SystemOptions::from(options);
  if (parsed.eol_as_of) today = [day = *parsed.eol_as_of] { return day; };
  return std::make_unique<SystemCollector>(parsed, today ? std::move(today) : Today(&utc_today));
}

collector::CollectorDescriptor descriptor() {
  return {
      .name = "system",
      .category = model::Category::system,
      .default_interval = std::chrono::seconds{3600},
      .summary = "OS identity and end of life, kernel, uptime, pending reboot, installed "
                 "packages (dpkg, apk, rpm) and Debian's security-support lists",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::system
