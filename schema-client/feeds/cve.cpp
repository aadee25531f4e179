#include "schema-client/feeds/cve.hpp"

#include <algorithm>
#include <array>

namespace zt::feeds {

using nlohmann::json;

namespace {

bool is_english(std::string_view lang) {
  return lang == "en" || lang.starts_with("en-") || lang.starts_with("en_");
}

// The English value of a [{lang, value}] list, both feeds' shape for text in languages.
std::string english(Fields& fields, std::string_view key, ProblemLog& log) {
  std::string found;
  fields.each(key, [&](const json& item, const std::string& path) {
    Fields text(item, path, log);
    const std::string lang = text.text("lang", true);
    std::string value = text.text("value", true);
    if (found.empty() && is_english(lang)) found = std::move(value);
  });
  return found;
}

// {baseScore, vectorString, baseSeverity}: NVD's cvssData and CVE 5's cvssV3_1 alike.
Cvss read_cvss(const json& value, const std::string& path, ProblemLog& log) {
  Fields fields(value, path, log);
  Cvss cvss;
  cvss.score = fields.number("baseScore", 0, 10, true).value_or(0);
  cvss.vector = fields.text("vectorString", true);
  cvss.severity = fields.text("baseSeverity");
  return cvss;
}

void add_reference(CveRecord& record, std::string url, std::vector<std::string> tags) {
  auto same = [&](const CveReference& r) { return r.url == url; };
  const auto it = std::find_if(record.references.begin(), record.references.end(), same);
  if (it == record.references.end())
    return record.references.push_back({std::move(url), std::move(tags)});
  for (std::string& tag : tags)
    if (std::find(it->tags.begin(), it->tags.end(), tag) == it->tags.end())
      it->tags.push_back(std::move(tag));
}

void add_cwe(CveRecord& record, std::string cwe) {
  if (!cwe.empty() && std::find(record.cwes.begin(), record.cwes.end(), cwe) == record.cwes.end())
    record.cwes.push_back(std::move(cwe));
}

// ---- NVD ----

// NVD's own metric ("type": "Primary") of the list at `key`, else the first.
std::optional<Cvss> nvd_metric(Fields& metrics, std::string_view key, ProblemLog& log) {
  std::optional<Cvss> chosen;
  bool primary = false;
  metrics.each(key, [&](const json& item, const std::string& path) {
    Fields metric(item, path, log);
    const bool is_primary = metric.text("type") == "Primary";
    const json* data = metric.object("cvssData", true);
    if (data == nullptr) return;
    Cvss cvss = read_cvss(*data, metric.path_of("cvssData"), log);
    if (!chosen || (is_primary && !primary)) chosen = std::move(cvss), primary = is_primary;
  });
  return chosen;
}

void read_nvd_item(const json& item, const std::string& path, ProblemLog& log,
                   std::vector<CveRecord>& out) {
  const RecordScope scope(log);
  Fields wrapper(item, path, log);
  const json* cve = wrapper.object("cve", true);
  if (cve == nullptr) return;
  Fields fields(*cve, wrapper.path_of("cve"), log);
  CveRecord record;
  record.id = fields.text("id", true);
  record.state = fields.text("vulnStatus");
  record.rejected = record.state == "Rejected";
  record.published = fields.time("published");
  record.modified = fields.time("lastModified");
  record.description = english(fields, "descriptions", log);
  if (const json* metrics = fields.object("metrics")) {
    Fields m(*metrics, fields.path_of("metrics"), log);
    record.cvss_v3 = nvd_metric(m, "cvssMetricV31", log);
    if (!record.cvss_v3) record.cvss_v3 = nvd_metric(m, "cvssMetricV30", log);
    record.cvss_v4 = nvd_metric(m, "cvssMetricV40", log);
  }
  fields.each("weaknesses", [&](const json& weakness, const std::string& at) {
    Fields w(weakness, at, log);
    w.each("description", [&](const json& text, const std::string& text_at) {
      add_cwe(record, Fields(text, text_at, log).text("value", true));
    });
  });
  fields.each("references", [&](const json& reference, const std::string& at) {
    Fields r(reference, at, log);
    add_reference(record, r.text("url", true), r.strings("tags"));
  });
  if (scope.clean()) out.push_back(std::move(record));
}

// ---- CVE JSON 5 ----

constexpr NameTable<bool, 2> kCve5States{{{false, "PUBLISHED"}, {true, "REJECTED"}}};
constexpr std::array<std::string_view, 2> kCve5V3Keys{"cvssV3_1", "cvssV3_0"};

// The first scores of one container's "metrics", into the record where it has none yet.
void cve5_metrics(Fields& container, CveRecord& record, ProblemLog& log) {
  container.each("metrics", [&](const json& item, const std::string& path) {
    Fields metric(item, path, log);
    for (std::string_view key : kCve5V3Keys)
      if (!record.cvss_v3)
        if (const json* v = metric.object(key))
          record.cvss_v3 = read_cvss(*v, metric.path_of(key), log);
    if (!record.cvss_v4)
      if (const json* v = metric.object("cvssV4_0"))
        record.cvss_v4 = read_cvss(*v, metric.path_of("cvssV4_0"), log);
  });
}

}  // namespace

void read_nvd_document(const json& document, ProblemLog& log, FeedRead<CveRecord>& out) {
  Fields fields(document, "$", log);
  fields.each(
      "vulnerabilities",
      [&](const json& item, const std::string& path) {
        read_nvd_item(item, path, log, out.records);
      },
      true);
}

FeedRead<CveRecord> read_nvd(std::string_view name, std::string_view bytes) {
  return read_json_feed<FeedRead<CveRecord>>(name, bytes, read_nvd_document);
}

void read_cve5_document(const json& document, ProblemLog& log, FeedRead<CveRecord>& out) {
  const RecordScope scope(log);
  Fields fields(document, "$", log);
  if (!fields.is_object()) return;
  CveRecord record;
  record.source = CveSource::cve5;
  if (const json* metadata = fields.object("cveMetadata", true)) {
    Fields meta(*metadata, fields.path_of("cveMetadata"), log);
    record.id = meta.text("cveId", true);
    record.rejected = meta.one_of("state", kCve5States).value_or(false);
    record.state = name_in(kCve5States, record.rejected);
    record.published = meta.time("datePublished");
    record.modified = meta.time("dateUpdated");
  }
  static const json kNone = json::object();
  const json* containers = fields.object("containers", true);
  Fields boxes(containers != nullptr ? *containers : kNone, fields.path_of("containers"), log);
  if (const json* cna_value = boxes.object("cna", containers != nullptr)) {
    Fields cna(*cna_value, boxes.path_of("cna"), log);
    record.title = cna.text("title");
    record.description = english(cna, record.rejected ? "rejectedReasons" : "descriptions", log);
    cve5_metrics(cna, record, log);
    cna.each("problemTypes", [&](const json& type, const std::string& at) {
      Fields t(type, at, log);
      t.each("descriptions", [&](const json& text, const std::string& text_at) {
        add_cwe(record, Fields(text, text_at, log).text("cweId"));
      });
    });
    cna.each("references", [&](const json& reference, const std::string& at) {
      Fields r(reference, at, log);
      add_reference(record, r.text("url", true), r.strings("tags"));
    });
  }
  boxes.each("adp", [&](const json& adp, const std::string& at) {
    Fields container(adp, at, log);
    cve5_metrics(container, record, log);
  });
  if (scope.clean()) out.records.push_back(std::move(record));
}

FeedRead<CveRecord> read_cve5(std::string_view name, std::string_view bytes) {
  return read_json_feed<FeedRead<CveRecord>>(name, bytes, read_cve5_document);
}

}  // namespace zt::feeds
