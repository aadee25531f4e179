#include "collectors/netconfig/netconfig_collector.hpp"

#include <map>

#include "collectors/core/host_salt.hpp"
#include "collectors/netconfig/locate.hpp"
#include "collectors/netconfig/netconfig_options.hpp"
#include "collectors/netconfig/report.hpp"
#include "collectors/netconfig/snapshot.hpp"
#include "schema-client/model/digest.hpp"

namespace zt::netconfig {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;

std::string filename_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// An earlier run's audit of a file, kept while the file does not change.
struct CachedAudit {
  std::uint64_t size = 0;
  std::chrono::system_clock::time_point modified;
  std::string sha256;
  std::shared_ptr<const AuditReport> report;
};

class NetconfigCollector final : public collector::Collector {
 public:
  NetconfigCollector(NetconfigOptions options, Today today)
      : options_(std::move(options)), today_(std::move(today)) {}

  Availability capabilities(const HostFs& fs) const override {
    std::vector<std::string> problems;
    const LocatedFiles located = locate_configs(fs, options_.paths, 0, options_.max_files, problems);
    if (located.matched_paths == 0) return {false, "no configuration folder or file found under the configured paths"};
    return {true, std::to_string(located.matched_paths) + " configuration path(s)"};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    const ShippedStandards& standards = shipped_standards();
    for (const std::string& error : standards.errors) result.problems.push_back(error);
    const HostFs& fs = context.fs();
    const collector::Salt salt = collector::host_salt(fs, options_.hash_salt);
    Snapshot snapshot;
    snapshot.salt_source = salt.source;
    const AuditOptions audit_options{today_(), salt.value};
    const LocatedFiles located =
        locate_configs(fs, options_.paths, options_.max_depth, options_.max_files, result.problems);
    std::map<std::string, CachedAudit> seen;
    for (const std::string& path : located.files) {
      if (context.stopped_before("configuration file " + path, result.problems)) break;
      if (auto file = audit_file(fs, path, standards.set, audit_options, seen, result.problems))
        snapshot.files.push_back(std::move(*file));
    }
    cache_ = std::move(seen);  // files gone since the last run leave the cache
    result.findings = make_findings(snapshot);
    result.inventory = make_inventory(snapshot);
    result.config_files = make_config_files(snapshot);
    return result;
  }

 private:
  std::optional<AuditedFile> audit_file(const HostFs& fs, const std::string& path,
                                        const StandardSet& standards, const AuditOptions& options,
                                        std::map<std::string, CachedAudit>& seen,
                                        std::vector<std::string>& problems) {
    const auto info = fs.stat(path);
    if (!info) {
      problems.push_back("cannot stat " + info.error().message);
      return std::nullopt;
    }
    AuditedFile file{path, filename_of(path), "", info->size, nullptr, false};
    if (info->size > options_.max_file_bytes()) {
      auto report = std::make_shared<AuditReport>();
      report->detection.status = ParsingStatus::failed;
      report->detection.reason = "larger than max_file_mib (" + std::to_string(options_.max_file_mib) + " MiB): not read";
      file.report = std::move(report);
      return file;
    }
    const auto cached = cache_.find(path);
    if (cached != cache_.end() && cached->second.size == info->size &&
        cached->second.modified == info->modified) {
      file.sha256 = cached->second.sha256;
      file.report = cached->second.report;
      file.reused = true;
      seen[path] = cached->second;
      return file;
    }
    auto text = fs.read_file(path, options_.max_file_bytes());
    if (!text) {
      problems.push_back("cannot read " + text.error().message);
      return std::nullopt;
    }
    file.sha256 = model::sha256_hex(*text);
    if (cached != cache_.end() && cached->second.sha256 == file.sha256) {
      file.report = cached->second.report;
      file.reused = true;
    } else {
      file.report = std::make_shared<const AuditReport>(audit_config(*text, standards, options));
    }
    seen[path] = {info->size, info->modified, file.sha256, file.report};
    return file;
  }

  NetconfigOptions options_;
  Today today_;
  std::map<std::string, CachedAudit> cache_;  // by host path
};

std::chrono::sys_days utc_today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
}

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return make_collector(values, &utc_today);
}

std::vector<std::string> validate(const collector::OptionValues&) {
  return shipped_standards().errors;
}

}  // namespace

std::unique_ptr<collector::Collector> make_collector(const collector::OptionValues& options,
                                                     Today today) {
  return std::make_unique<NetconfigCollector>(NetconfigOptions::from(options),
                                              today ? std::move(today) : Today(&utc_today));
}

collector::CollectorDescriptor descriptor() {
  return {
      .name = "netconfig",
      .category = model::Category::config,
      .default_interval = std::chrono::seconds{3600},
      .summary = "network device configurations kept by RANCID, Oxidized or in configured "
                 "folders, audited against the shipped standards (Cisco IOS / IOS-XE: "
                 "passwords, management plane, SNMP, services, logging, crypto, ACLs, firmware)",
      .options = option_specs(),
      .make = &make,
      .validate = &validate,
  };
}

}  // namespace zt::netconfig
