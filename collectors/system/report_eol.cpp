// The end-of-life assessment and finding (finding_types.hpp has the severities).
#include "collectors/system/finding_types.hpp"
#include "collectors/system/report.hpp"
#include "collectors/system/report_common.hpp"

namespace zt::system {
namespace {

constexpr long long kCriticalAfterDays = 365;

std::string remediation_for(const EolRelease& r, bool ended) {
  std::string text;
  if (r.upgrade_to.empty()) {
    text = "Plan the upgrade to the release that follows " + std::string(r.name) +
           " as soon as it is published: " + std::string(r.upgrade_url) + ".";
  } else {
    text = "Upgrade to " + std::string(r.upgrade_to) + ": " + std::string(r.upgrade_url) + ".";
  }
  if (r.id == "debian")
    text +=
        " Debian upgrades one release at a time: read each release's notes, update "
        "/etc/apt/sources.list to the next codename, then `apt update && apt full-upgrade` "
        "and reboot, and repeat until the host runs a supported release.";
  else if (r.id == "ubuntu")
    text +=
        " Run `do-release-upgrade` (one release at a time). Ubuntu Pro's Expanded "
        "Security Maintenance can keep an LTS release patched meanwhile.";
  else if (r.id == "alpine")
    text +=
        " Point /etc/apk/repositories at the new branch, then `apk update && apk upgrade "
        "--available` and reboot.";
  if (ended)
    text +=
        " Until then, the host gets no security fixes from its distribution: keep it off "
        "untrusted networks and limit what it exposes.";
  return text;
}

}  // namespace

std::string_view to_string(EolStatus status) {
  switch (status) {
    case EolStatus::supported:
      return "supported";
    case EolStatus::ending_soon:
      return "ending_soon";
    case EolStatus::ended:
      return "ended";
    case EolStatus::unknown:
      return "unknown";
  }
  return "unknown";
}

EolAssessment assess_eol(const Snapshot& snapshot, const ReportOptions& options) {
  EolAssessment out;
  if (!snapshot.os) {
    out.note = "no os-release: the release is unknown";
    return out;
  }
  out.match = find_eol_release(*snapshot.os);
  if (!out.match) {
    const std::string version =
        snapshot.os->version_id.empty() ? "(no VERSION_ID)" : snapshot.os->version_id;
    out.note = snapshot.os->id + " " + version + " is unknown to the end-of-life table";
    return out;
  }
  out.days_left = days_between(snapshot.today, Date{out.match->release->eol});
  if (out.days_left < 0)
    out.status = EolStatus::ended;
  else if (out.days_left <= options.eol_warning_days)
    out.status = EolStatus::ending_soon;
  else
    out.status = EolStatus::supported;
  return out;
}

std::optional<model::Finding> make_eol_finding(const Snapshot& snapshot,
                                               const ReportOptions& options) {
  const EolAssessment eol = assess_eol(snapshot, options);
  if (eol.status != EolStatus::ended && eol.status != EolStatus::ending_soon) return std::nullopt;
  const EolRelease& r = *eol.match->release;
  const bool ended = eol.status == EolStatus::ended;
  const std::string eol_date = format_iso_date(Date{r.eol});
  const long long past = -eol.days_left;

  model::Finding f = detail::new_finding(
      snapshot,
      ended ? (past > kCriticalAfterDays ? model::Severity::critical : model::Severity::high)
            : model::Severity::medium,
      ended ? finding_type::kOsEndOfLife : finding_type::kOsEndOfLifeSoon);
  f.fields["component_name"] = snapshot.os->id;
  f.fields["component_version"] = eol.match->key;
  f.fields["eol_date"] = eol_date;
  if (ended) f.fields["patch_available"] = false;

  if (ended) {
    f.title = std::string(r.name) + " is past its end of life (" + eol_date + ")";
    f.description = std::string(r.name) + " reached its end of life on " + eol_date + ", " +
                    std::to_string(past) + " day(s) ago: its distribution publishes no more " +
                    "security updates for it, so every vulnerability found since stays open.";
  } else {
    f.title = std::string(r.name) + " reaches its end of life on " + eol_date;
    f.description = std::string(r.name) + " reaches its end of life on " + eol_date + ", in " +
                    std::to_string(eol.days_left) + " day(s); after that day its distribution " +
                    "publishes no more security updates for it.";
  }
  if (r.security_end.ok())
    f.description += " Debian's regular security support for it ends (or ended) on " +
                     format_iso_date(Date{r.security_end}) +
                     "; the date above is the end of Debian LTS.";
  f.remediation = remediation_for(r, ended);

  f.metadata = {{"file", snapshot.os_release_path},
                {"value", snapshot.os->pretty_name},
                {"id", snapshot.os->id},
                {"version_id", snapshot.os->version_id},
                {"matched_by", eol.match->matched_by},
                {"release", r.name},
                {"today", format_iso_date(snapshot.today)},
                {"days_left", eol.days_left}};
  if (r.security_end.ok())
    f.metadata["security_support_end"] = format_iso_date(Date{r.security_end});
  return f;
}

}  // namespace zt::system
