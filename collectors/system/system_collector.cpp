#include "collectors/system/system_collector.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "collectors/system/apk_installed.hpp"
#include "collectors/system/dpkg_status.hpp"
#include "collectors/system/host_paths.hpp"
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
using Problems = std::vector<std::string>;

// A file that is simply not there: not a problem for an optional file. A path that cannot be
// resolved (a symlink loop) or a file that exists but cannot be read is not "missing".
bool is_missing(const HostFs& fs, std::string_view path) {
  return fs.resolve(path).ok() && !fs.exists(path);
}

// The end of a HostFs error message, after the "<host path>: " it starts with.
std::string reason_of(const HostFs& fs, std::string_view path, const model::Error& error) {
  const std::string prefix = fs.describe(path) + ": ";
  return error.message.starts_with(prefix) ? error.message.substr(prefix.size())
                                           : error.message;
}

// nullopt when the file is missing, or (with a problem naming it) when it cannot be read.
std::optional<std::string> read_optional(const HostFs& fs, std::string_view path,
                                         std::size_t max_bytes, Problems& problems) {
  auto text = fs.read_file(path, max_bytes);
  if (text) return std::move(*text);
  if (!is_missing(fs, path)) problems.push_back("cannot read " + text.error().message);
  return std::nullopt;
}

struct OsReleaseFile {
  std::string_view path;
  std::string text;
};

// /etc/os-release, or /usr/lib/os-release when it cannot be read. `problems`, when given,
// gets the error of an /etc/os-release that exists but could not be read while the fallback
// could. The error says why neither could be read.
model::Result<OsReleaseFile> read_os_release(const HostFs& fs, Problems* problems) {
  std::vector<std::pair<std::string_view, model::Error>> failures;
  for (std::string_view path : {kOsReleasePath, kOsReleaseFallbackPath}) {
    auto text = fs.read_file(path, kSmallFileMaxBytes);
    if (text) {
      if (problems != nullptr)
        for (const auto& [failed, error] : failures)
          if (!is_missing(fs, failed)) problems->push_back("cannot read " + error.message);
      return OsReleaseFile{path, std::move(*text)};
    }
    failures.emplace_back(path, text.error());
  }
  std::string message = "no " + fs.describe(std::string(kOsReleasePath) + " or " +
                                            std::string(kOsReleaseFallbackPath)) + ": ";
  const std::string first = reason_of(fs, failures[0].first, failures[0].second);
  const std::string second = reason_of(fs, failures[1].first, failures[1].second);
  if (first == second)
    message += first;
  else
    message += std::string(failures[0].first) + ": " + first + "; " +
               std::string(failures[1].first) + ": " + second;
  return model::Error{message};
}

// The first package database present decides: dpkg, then apk. rpm is out of scope for now:
// its database (/var/lib/rpm, SQLite or Berkeley DB) needs more than a text parser.
PackageManager choose_package_manager(const HostFs& fs) {
  if (!is_missing(fs, kDpkgStatusPath)) return PackageManager::dpkg;
  if (!is_missing(fs, kApkInstalledPath)) return PackageManager::apk;
  return PackageManager::none;
}

std::optional<std::vector<Package>> read_packages(const HostFs& fs, PackageManager manager,
                                                  std::size_t max_bytes, Problems& problems) {
  const std::string_view path = package_database_path(manager);
  if (manager == PackageManager::none) return std::nullopt;
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
      packages.push_back({std::move(p.name), std::move(p.version), {}});
  } else {
    ApkInstalled installed = parse_apk_installed(*text);
    malformed = installed.malformed_records;
    records = installed.packages.size();
    for (ApkPackage& p : installed.packages)
      packages.push_back({std::move(p.name), std::move(p.version), std::move(p.license)});
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

std::optional<RebootFlag> find_reboot_flag(const HostFs& fs, Problems& problems) {
  for (const RebootFlagPaths& paths : kRebootFlagPaths) {
    if (!fs.exists(paths.flag)) continue;
    RebootFlag flag{std::string(paths.flag), {}};
    if (auto text = read_optional(fs, paths.packages, kSmallFileMaxBytes, problems))
      flag.packages = parse_reboot_required_packages(*text);
    return flag;
  }
  return std::nullopt;
}

class SystemCollector final : public collector::Collector {
 public:
  explicit SystemCollector(SystemOptions options) : options_(options) {}

  Availability capabilities(const HostFs& fs) const override {
    auto os = read_os_release(fs, nullptr);
    if (!os) return {false, os.error().message};
    std::string found = "os-release";
    if (const PackageManager manager = choose_package_manager(fs);
        manager != PackageManager::none)
      found += ", " + std::string(to_string(manager)) + " database";
    return {true, found};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    Snapshot snapshot;
    try {
      gather(context, snapshot, result.problems);
      result.inventory = make_inventory(snapshot);
      result.dependencies = make_dependencies(snapshot);
      if (auto finding = make_reboot_finding(snapshot))
        result.findings.push_back(std::move(*finding));
    } catch (const std::exception& e) {
      // Only allocation failures and the like get here; the parse functions do not throw.
      result.problems.push_back(std::string("system collector failed: ") + e.what());
    }
    return result;
  }

 private:
  void gather(Context& context, Snapshot& snapshot, Problems& problems) const {
    const HostFs& fs = context.fs();
    const auto stopped = [&](std::string_view next) {
      if (!context.should_stop()) return false;
      problems.push_back("stopped before reading the " + std::string(next) +
                         ": deadline passed or shutdown requested");
      return true;
    };

    if (auto os = read_os_release(fs, &problems))
      snapshot.os = parse_os_release(os->text);
    else
      problems.push_back(os.error().message);

    if (stopped("kernel release")) return;
    if (auto text = read_optional(fs, kKernelReleasePath, kSmallFileMaxBytes, problems)) {
      snapshot.kernel_release = parse_kernel_release(*text);
      if (!snapshot.kernel_release)
        problems.push_back(fs.describe(kKernelReleasePath) + ": empty");
    }

    if (stopped("uptime")) return;
    if (auto text = read_optional(fs, kUptimePath, kSmallFileMaxBytes, problems)) {
      snapshot.uptime_seconds = parse_uptime_seconds(*text);
      if (!snapshot.uptime_seconds)
        problems.push_back(fs.describe(kUptimePath) + ": no uptime in \"" +
                           std::string(trimmed_prefix(*text)) + "\"");
    }

    if (stopped("reboot flag")) return;
    snapshot.reboot = find_reboot_flag(fs, problems);

    if (stopped("package database")) return;
    snapshot.package_manager = choose_package_manager(fs);
    if (options_.packages)
      snapshot.packages =
          read_packages(fs, snapshot.package_manager, options_.package_db_max_bytes, problems);
  }

  // Enough of a bad file to recognise it in a message.
  static std::string_view trimmed_prefix(std::string_view text) {
    return text.substr(0, std::min<std::size_t>(text.find('\n'), 40));
  }

  SystemOptions options_;
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return std::make_unique<SystemCollector>(SystemOptions::from(values));
}

}  // namespace

model::Result<OsRelease> read_host_os_release(const HostFs& fs) {
  auto file = read_os_release(fs, nullptr);
  if (!file) return file.error();
  return parse_os_release(file->text);
}

collector::CollectorDescriptor descriptor() {
  return {
      .name = "system",
      .category = model::Category::system,
      .default_interval = std::chrono::seconds{3600},
      .summary = "OS identity, kernel, uptime, pending reboot and installed packages "
                 "(dpkg, apk)",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::system
