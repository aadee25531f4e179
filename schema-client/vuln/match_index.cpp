#include "schema-client/vuln/match_index.hpp"

#include <algorithm>
#include <optional>

#include "schema-client/vuln/ecosystem.hpp"

namespace zt::vuln {

namespace {

using feeds::OsvEvent;
using feeds::OsvEventKind;

bool is_cve(std::string_view id) { return id.starts_with("CVE-"); }

std::string summary_of(const feeds::OsvRecord& record) {
  if (!record.summary.empty()) return record.summary;
  return record.details.substr(0, record.details.find('\n'));
}

std::string cvss_vector_of(const feeds::OsvRecord& record) {
  for (const feeds::OsvSeverity& severity : record.severity)
    if (severity.type == "CVSS_V3") return severity.score;
  return {};
}

std::string advisory_url_of(const feeds::OsvRecord& record) {
  for (const feeds::OsvReference& reference : record.references)
    if (reference.type == "ADVISORY") return reference.url;
  return record.references.empty() ? std::string() : record.references.front().url;
}

// "introduced 0" sorts before every version; the rest by the ecosystem's ordering, events of
// equal versions in the record's order.
std::vector<OsvEvent> sorted_events(std::vector<OsvEvent> events, VersionScheme scheme) {
  const auto from_start = [](const OsvEvent& e) {
    return e.kind == OsvEventKind::introduced && e.version == "0";
  };
  std::stable_sort(events.begin(), events.end(), [&](const OsvEvent& a, const OsvEvent& b) {
    if (from_start(a) || from_start(b)) return from_start(a) && !from_start(b);
    return compare_versions(scheme, a.version, b.version) < 0;
  });
  return events;
}

}  // namespace

std::vector<std::string> cve_ids_of(const feeds::OsvRecord& record) {
  std::vector<std::string> ids;
  if (is_cve(record.id)) ids.push_back(record.id);
  for (const auto* list : {&record.aliases, &record.upstream}) {
    std::copy_if(list->begin(), list->end(), std::back_inserter(ids), is_cve);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

Index Index::build(const std::vector<feeds::OsvRecord>& records) {
  Index index;
  for (const feeds::OsvRecord& record : records) {
    const auto number = static_cast<std::uint32_t>(index.records_.size());
    bool indexed = false;
    for (const feeds::OsvAffected& affected : record.affected) {
      const std::optional<VersionScheme> scheme = scheme_of(affected.package.ecosystem);
      if (!scheme) continue;
      IndexedAffected entry{number, *scheme, {}, affected.versions};
      for (const feeds::OsvRange& range : affected.ranges) {
        if (range.type != feeds::OsvRangeType::ecosystem) {
          ++index.skipped_ranges_;
          continue;
        }
        entry.ranges.push_back(sorted_events(range.events, *scheme));
      }
      if (entry.ranges.empty() && entry.versions.empty()) continue;
      index.ranges_ += entry.ranges.size();
      auto& by_name = index.entries_[std::string(index_key(affected.package.ecosystem))];
      auto& entries = by_name[affected.package.name];
      if (entries.empty()) ++index.packages_;
      entries.push_back(std::move(entry));
      indexed = true;
    }
    if (indexed) {
      index.records_.push_back({record.id, cve_ids_of(record), record.withdrawn.has_value(),
                                summary_of(record), cvss_vector_of(record),
                                advisory_url_of(record)});
    }
  }
  return index;
}

const std::vector<IndexedAffected>& Index::find(std::string_view ecosystem_key,
                                                std::string_view package) const {
  static const std::vector<IndexedAffected> kNone;
  const auto by_name = entries_.find(ecosystem_key);
  if (by_name == entries_.end()) return kNone;
  const auto entries = by_name->second.find(package);
  return entries == by_name->second.end() ? kNone : entries->second;
}

}  // namespace zt::vuln
