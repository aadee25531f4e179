#pragma once
// Turns a Snapshot into the collector's output: the inventory (scan.results.system), one
// dependency per package and the findings. Pure (the day of the run is in the Snapshot);
// never throws. Findings leave the fingerprint empty (the scan runner sets it).
//
// The finding types, their severities and identities: finding_types.hpp.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "collectors/system/eol_table.hpp"
#include "collectors/system/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::system {

struct ReportOptions {
  int eol_warning_days = 90;
  bool limited_security_support = true;
};

// {"os": {id, id_like, name, version_id, version_codename, pretty_name} or null,
//  "ecosystem": the release's OSV ecosystem (vuln::ecosystem_of), or null,
//  "kernel": {"release", "running", "newest_installed", "installed_from"},
//  "uptime_seconds", "reboot_required", "reboot_required_packages",
//  "package_manager": "dpkg"|"apk"|"rpm"|null, "package_count",
//  "eol": {"status": "supported"|"ending_soon"|"ended"|"unknown", "date", "release",
//          "security_support_end", "note"},
//  "security_support": {"ended", "ending", "limited", "ended_list", "limited_list"} or null};
// unknown values are null, and so are version_id and version_codename when os-release does
// not set them. kernel.release is kernel.running (the older name, kept).
nlohmann::json make_inventory(const Snapshot& snapshot, const ReportOptions& options = {});

// One a package: its name, version, source package and source version, architecture, the
// package format, the database's host path and the release's OSV ecosystem.
std::vector<model::Dependency> make_dependencies(const Snapshot& snapshot);

// Every finding, in this order: end of life, kernel, reboot, ended packages, limited ones.
std::vector<model::Finding> make_findings(const Snapshot& snapshot,
                                          const ReportOptions& options = {});

// One finding when a reboot is required, none otherwise.
std::optional<model::Finding> make_reboot_finding(const Snapshot& snapshot);

// Where the host's release stands against the end-of-life table on snapshot.today.
enum class EolStatus { supported, ending_soon, ended, unknown };
std::string_view to_string(EolStatus status);
struct EolAssessment {
  EolStatus status = EolStatus::unknown;
  std::optional<EolMatch> match;  // set unless unknown
  long long days_left = 0;        // eol date - today: negative once past it
  std::string note;               // why unknown
};
EolAssessment assess_eol(const Snapshot& snapshot, const ReportOptions& options = {});
std::optional<model::Finding> make_eol_finding(const Snapshot& snapshot,
                                               const ReportOptions& options = {});

// The newest installed kernel release, when it is newer than the running one.
std::optional<std::string> newer_installed_kernel(const Snapshot& snapshot);
std::optional<model::Finding> make_kernel_finding(const Snapshot& snapshot);

// The installed packages the debian-security-support lists name.
struct EndedPackage {
  const Package* package;
  const SupportEndedEntry* entry;
};
struct LimitedSource {
  std::string source;
  std::vector<const Package*> packages;  // its installed binaries
  const SupportLimitedEntry* entry;
};
struct SecuritySupportMatches {
  std::vector<EndedPackage> ended;   // end date on or before today
  std::vector<EndedPackage> ending;  // end date still ahead
  std::vector<LimitedSource> limited;
};
SecuritySupportMatches match_security_support(const Snapshot& snapshot);
std::vector<model::Finding> make_security_support_findings(const Snapshot& snapshot,
                                                           const ReportOptions& options = {});

}  // namespace zt::system
