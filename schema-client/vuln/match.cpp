#include "schema-client/vuln/match.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <tuple>

namespace zt::vuln {

namespace {

using feeds::OsvEvent;
using feeds::OsvEventKind;

struct Why {
  std::string range;
  std::string fixed;
};

struct Lookup {
  std::string_view name;
  std::string_view version;
};

bool is_introduced(const OsvEvent& e) { return e.kind == OsvEventKind::introduced; }

// "introduced 0, fixed 3.0.15-1~deb12u1": the introduced event that opened the range and the
// first event that closes it above, if any.
Why describe(const std::vector<OsvEvent>& events, std::size_t opened) {
  Why why{"introduced " + events[opened].version, {}};
  const auto end = std::find_if(events.begin() + opened + 1, events.end(), [](const OsvEvent& e) {
    return e.kind == OsvEventKind::fixed || e.kind == OsvEventKind::last_affected;
  });
  if (end == events.end()) return why;
  if (end->kind == OsvEventKind::last_affected) {
    why.range += ", last_affected " + end->version;
    return why;
  }
  why.range += ", fixed " + end->version;
  why.fixed = end->version;
  return why;
}

// OSV's evaluation of one range over its sorted events.
std::optional<Why> in_range(const std::vector<OsvEvent>& events, VersionScheme scheme,
                            std::string_view version) {
  const auto at_or_above = [&](const OsvEvent& e) {
    return compare_versions(scheme, version, e.version) >= 0;
  };
  bool limited = false;
  bool below_a_limit = false;
  for (const OsvEvent& e : events) {
    if (e.kind != OsvEventKind::limit) continue;
    limited = true;
    below_a_limit = below_a_limit || e.version == "*" || !at_or_above(e);
  }
  if (limited && !below_a_limit) return std::nullopt;

  std::optional<std::size_t> opened;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const OsvEvent& e = events[i];
    if (is_introduced(e)) {
      if (e.version == "0" || at_or_above(e)) opened = i;
    } else if (e.kind == OsvEventKind::fixed) {
      if (at_or_above(e)) opened.reset();
    } else if (e.kind == OsvEventKind::last_affected) {
      if (compare_versions(scheme, version, e.version) > 0) opened.reset();
    }
  }
  if (!opened) return std::nullopt;
  return describe(events, *opened);
}

std::optional<Why> affects(const IndexedAffected& entry, std::string_view version) {
  for (const auto& events : entry.ranges) {
    if (auto why = in_range(events, entry.scheme, version)) return why;
  }
  const bool listed = std::any_of(entry.versions.begin(), entry.versions.end(),
                                  [&](const std::string& listed_version) {
                                    return compare_versions(entry.scheme, version,
                                                            listed_version) == 0;
                                  });
  if (listed) return Why{"listed in versions", {}};
  return std::nullopt;
}

// "openssl-3.0.7-27.el9.src.rpm" → "openssl"; a plain name stays as it is.
std::string_view source_rpm_name(std::string_view source) {
  for (std::string_view suffix : {".src.rpm", ".nosrc.rpm"}) {
    if (!source.ends_with(suffix)) continue;
    source.remove_suffix(suffix.size());
    for (int part = 0; part < 2; ++part) {  // "-release", then "-version"
      const std::size_t dash = source.rfind('-');
      if (dash == std::string_view::npos) return source;
      source = source.substr(0, dash);
    }
  }
  return source;
}

// "linux-image-6.1.0-25-amd64", not the meta package "linux-image-amd64" (whose version,
// "6.1+1", is its own, and which linux-signed-amd64 builds too).
bool is_kernel_image(std::string_view name) {
  constexpr std::string_view kPrefix = "linux-image-";
  return name.starts_with(kPrefix) && name.size() > kPrefix.size() &&
         name[kPrefix.size()] >= '0' && name[kPrefix.size()] <= '9';
}

std::vector<Lookup> lookups_of(const InstalledPackage& p, VersionScheme scheme) {
  if (scheme == VersionScheme::rpm) {
    std::vector<Lookup> lookups{{p.name, p.version}};
    const std::string_view source = source_rpm_name(p.source_name);
    if (!source.empty() && source != p.name) lookups.push_back({source, p.version});
    return lookups;
  }
  if (p.source_name.empty()) return {{p.name, p.version}};
  // Signed kernel images are built from linux-signed-<arch> ("6.1.106+3") around the linux
  // source's binaries: the image's own version is linux's, and the advisories name linux.
  if (scheme == VersionScheme::dpkg && p.source_name.starts_with("linux-signed") &&
      is_kernel_image(p.name))
    return {{"linux", p.version}};
  return {{p.source_name, p.source_version.empty() ? p.version : p.source_version}};
}

}  // namespace

std::vector<std::string> lookup_names(const InstalledPackage& package, VersionScheme scheme) {
  std::vector<std::string> names;
  for (const Lookup& lookup : lookups_of(package, scheme)) names.emplace_back(lookup.name);
  return names;
}

std::vector<Match> match(const Index& index, const HostEcosystem& host,
                         const std::vector<InstalledPackage>& packages) {
  std::vector<Match> matches;
  for (const InstalledPackage& package : packages) {
    const std::size_t first = matches.size();
    for (const Lookup& lookup : lookups_of(package, host.scheme)) {
      for (const IndexedAffected& entry : index.find(host.ecosystem, lookup.name)) {
        const IndexedRecord& record = index.record(entry.record);
        if (record.withdrawn) continue;
        const bool seen = std::any_of(matches.begin() + first, matches.end(),
                                      [&](const Match& m) { return m.record_id == record.id; });
        if (seen) continue;
        auto why = affects(entry, lookup.version);
        if (!why) continue;
        matches.push_back({package.name, package.arch, package.version, std::string(lookup.name),
                           std::string(lookup.version), record.id, record.cve_ids,
                           std::move(why->range), std::move(why->fixed), entry.record});
      }
    }
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return std::tie(a.package, a.record_id, a.arch, a.installed_version) <
           std::tie(b.package, b.record_id, b.arch, b.installed_version);
  });
  return matches;
}

}  // namespace zt::vuln
