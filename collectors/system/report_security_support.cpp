// Findings for installed packages that Debian's debian-security-support lists name.
#include <map>

#include "collectors/system/finding_types.hpp"
#include "collectors/system/report.hpp"
#include "collectors/system/report_common.hpp"

namespace zt::system {
namespace {

// ${source:Package}; a package without one (apk, or a stanza without Source) is its own
// source, without an ":arch" qualifier.
std::string source_of(const Package& p) {
  if (!p.source.empty()) return p.source;
  return p.name.substr(0, p.name.find(':'));
}

// The first entry whose pattern matches, as check-support-status takes it; -1 for none.
int first_match(const std::vector<SourcePattern>& patterns, const std::string& source,
                std::map<std::string, int, std::less<>>& cache) {
  if (auto it = cache.find(source); it != cache.end()) return it->second;
  int found = -1;
  for (std::size_t i = 0; i < patterns.size() && found < 0; ++i)
    if (patterns[i].matches(source)) found = static_cast<int>(i);
  cache.emplace(source, found);
  return found;
}

std::vector<SourcePattern> compile(const auto& entries) {
  std::vector<SourcePattern> patterns;
  patterns.reserve(entries.size());
  for (const auto& e : entries) patterns.emplace_back(e.pattern);
  return patterns;
}

std::string details_sentence(const std::string& details) {
  return details.empty() ? std::string() : " Debian's note: " + details;
}

}  // namespace

SecuritySupportMatches match_security_support(const Snapshot& snapshot) {
  SecuritySupportMatches out;
  if (!snapshot.security_support || !snapshot.packages) return out;
  const SecuritySupportLists& lists = *snapshot.security_support;

  if (lists.ended) {
    const auto patterns = compile(lists.ended->entries);
    std::map<std::string, int, std::less<>> cache;
    for (const Package& p : *snapshot.packages) {
      const int i = first_match(patterns, source_of(p), cache);
      if (i < 0) continue;
      const SupportEndedEntry& e = lists.ended->entries[static_cast<std::size_t>(i)];
      (e.date <= snapshot.today ? out.ended : out.ending).push_back({&p, &e});
    }
  }
  if (lists.limited) {
    const auto patterns = compile(lists.limited->entries);
    std::map<std::string, int, std::less<>> cache;
    std::map<std::string, std::size_t, std::less<>> index;  // source → position in out.limited
    for (const Package& p : *snapshot.packages) {
      const std::string source = source_of(p);
      const int i = first_match(patterns, source, cache);
      if (i < 0) continue;
      auto [it, added] = index.emplace(source, out.limited.size());
      if (added)
        out.limited.push_back({source, {}, &lists.limited->entries[static_cast<std::size_t>(i)]});
      out.limited[it->second].packages.push_back(&p);
    }
  }
  return out;
}

std::vector<model::Finding> make_security_support_findings(const Snapshot& snapshot,
                                                           const ReportOptions& options) {
  std::vector<model::Finding> findings;
  if (!snapshot.security_support) return findings;
  const SecuritySupportLists& lists = *snapshot.security_support;
  const SecuritySupportMatches matches = match_security_support(snapshot);

  for (const EndedPackage& m : matches.ended) {
    const Package& p = *m.package;
    const SupportEndedEntry& e = *m.entry;
    const std::string date = format_iso_date(e.date);
    const std::string source = source_of(p);
    model::Finding f =
        detail::new_finding(snapshot, model::Severity::medium, finding_type::kSecuritySupportEnded);
    f.title = "Security support for " + p.name + " ended on " + date;
    f.description = "Debian ended security support for the source package " + source +
                    " (installed: " + p.name + " " + p.version + ") on " + date +
                    ", before the end of Debian " + lists.debian_major +
                    ": vulnerabilities found in it since are not fixed. The last version "
                    "with support is " +
                    e.last_version + "." + details_sentence(e.details);
    f.remediation = "Remove " + p.name + " if nothing needs it (`apt purge " + p.name +
                    "`), or replace it with a supported alternative. If it must stay, keep "
                    "it away from untrusted input and networks, and plan the host's upgrade to "
                    "a Debian release that supports it again, if there is one.";
    f.fields["component_name"] = p.name;
    f.fields["component_version"] = p.version;
    f.fields["eol_date"] = date;
    f.fields["patch_available"] = false;
    f.metadata = {{"file", lists.ended_path},
                  {"line", e.line},
                  {"value", e.text},
                  {"source_package", source},
                  {"last_supported_version", e.last_version},
                  {"details", e.details}};
    findings.push_back(std::move(f));
  }

  if (!options.limited_security_support) return findings;
  for (const LimitedSource& m : matches.limited) {
    const SupportLimitedEntry& e = *m.entry;
    std::vector<std::string> binaries;
    for (const Package* p : m.packages) binaries.push_back(p->name + " " + p->version);
    model::Finding f =
        detail::new_finding(snapshot, model::Severity::low, finding_type::kSecuritySupportLimited);
    f.title = "Security support for " + m.source + " is limited";
    f.description = "Debian's security support for the source package " + m.source +
                    " is limited: it is supported for some uses only, and vulnerabilities "
                    "outside them may not be fixed. Installed: " +
                    detail::join(binaries, ", ") + "." + details_sentence(e.details);
    f.remediation = "Check that " + m.source +
                    " is used only as Debian's note allows (typically: trusted input, trusted "
                    "users or networks). If it is not needed, remove it (`apt purge " +
                    m.packages.front()->name + "`).";
    f.fields["component_name"] = m.source;
    f.fields["component_version"] = m.packages.front()->version;
    f.metadata = {{"file", lists.limited_path},
                  {"line", e.line},
                  {"value", e.text},
                  {"packages", binaries},
                  {"details", e.details}};
    findings.push_back(std::move(f));
  }
  return findings;
}

}  // namespace zt::system
