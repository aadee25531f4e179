#include "schema-client/feeds/detect.hpp"

#include <cstdio>
#include <optional>
#include <utility>

#include "schema-client/base/gzip.hpp"
#include "schema-client/base/text.hpp"
#include "schema-client/feeds/cve.hpp"
#include "schema-client/feeds/debian_tracker.hpp"
#include "schema-client/feeds/epss.hpp"
#include "schema-client/feeds/kev.hpp"
#include "schema-client/feeds/osv.hpp"
#include "schema-client/feeds/osv_archive.hpp"

namespace zt::feeds {

using nlohmann::json;

namespace {

constexpr NameTable<Format, 7> kNames{{
    {Format::osv_record, "OSV record"},
    {Format::osv_zip, "OSV zip"},
    {Format::debian_tracker, "Debian security tracker JSON"},
    {Format::nvd, "NVD CVE API 2.0"},
    {Format::cve5, "CVE JSON 5"},
    {Format::kev, "CISA KEV"},
    {Format::epss, "EPSS CSV"},
}};

bool has(const json& value, const char* key) { return value.is_object() && value.contains(key); }

// The first value of a non-empty object, else null.
const json& first_value(const json& value) {
  static const json kNull;
  return value.is_object() && !value.empty() ? value.begin().value() : kNull;
}

std::optional<Format> classify(const json& document) {
  if (const json* items =
          has(document, "vulnerabilities") ? &document["vulnerabilities"] : nullptr) {
    static const json kNone = json::object();
    const json& first = items->is_array() && !items->empty() ? (*items)[0] : kNone;
    if (has(document, "catalogVersion") || has(first, "cveID")) return Format::kev;
    if (document.value("format", "") == "NVD_CVE" || has(first, "cve")) return Format::nvd;
  }
  if (has(document, "cveMetadata") || document.value("dataType", "") == "CVE_RECORD")
    return Format::cve5;
  if (has(document, "id") && has(document, "modified")) return Format::osv_record;
  if (has(first_value(first_value(document)), "releases")) return Format::debian_tracker;
  return std::nullopt;
}

// Text that opens as EPSS does: its comment line, or its header.
bool looks_like_epss(std::string_view text) {
  const std::vector<std::string_view> lines = base::split_lines(text.substr(0, 4096));
  std::size_t n = 0;
  if (n < lines.size() && lines[n].starts_with("#model_version")) return true;
  return n < lines.size() && base::trim(lines[n]).starts_with("cve,epss,percentile");
}

// The first bytes of a file in hex ("7f 45 4c 46"): junk may be binary.
std::string opening(std::string_view bytes) {
  std::string out;
  for (const char c : bytes.substr(0, 8)) {
    char hex[4];
    std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(c));
    out += (out.empty() ? "" : " ") + std::string(hex);
  }
  return out;
}

model::Error unknown(std::string_view name, const std::string& why) {
  return model::Error{std::string(name) +
                      ": not a feed this reader knows (OSV, Debian tracker, "
                      "NVD, CVE 5, KEV, EPSS): " +
                      why};
}

// The format, and the parsed document when it is JSON.
model::Result<Format> detect(std::string_view name, std::string_view bytes,
                             std::optional<json>& document) {
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return Format::osv_zip;
  if (is_gzip(bytes)) {
    auto plain = base::gzip_decompress(bytes, kMaxEpssBytes);
    if (!plain) return unknown(name, "gzip that cannot be read: " + plain.error().message);
    if (looks_like_epss(*plain)) return Format::epss;
    return unknown(name, "gzip of something other than EPSS CSV");
  }
  if (looks_like_epss(bytes)) return Format::epss;
  if (base::trim(bytes).empty()) return unknown(name, "the file is empty");
  const std::string_view text = base::trim(bytes.substr(0, 64));
  if (!text.starts_with('{'))
    return unknown(name, "neither JSON, a zip nor EPSS CSV; its first bytes are " + opening(text));
  std::vector<Problem> problems;
  ProblemLog log(std::string(name), problems);
  document = parse_document(bytes, log);
  if (!document) return unknown(name, problems.front().message);
  if (auto format = classify(*document)) return *format;
  return unknown(name, "JSON without the keys of any of them");
}

}  // namespace

std::string_view name_of(Format format) { return name_in(kNames, format); }

model::Result<Format> detect_format(std::string_view name, std::string_view bytes) {
  std::optional<json> document;
  return detect(name, bytes, document);
}

model::Result<FeedFile> read_feed(std::string_view name, std::string_view bytes) {
  std::optional<json> document;
  auto format = detect(name, bytes, document);
  if (!format) return format.error();
  switch (*format) {
    case Format::osv_zip:
      return FeedFile{*format, read_osv_zip(name, bytes)};
    case Format::epss:
      return FeedFile{*format, read_epss(name, bytes)};
    case Format::osv_record:
      return FeedFile{*format,
                      read_json_document<FeedRead<OsvRecord>>(name, *document, read_osv_document)};
    case Format::debian_tracker:
      return FeedFile{*format, read_json_document<FeedRead<DebianTrackerEntry>>(
                                   name, *document, read_debian_tracker_document)};
    case Format::nvd:
      return FeedFile{*format,
                      read_json_document<FeedRead<CveRecord>>(name, *document, read_nvd_document)};
    case Format::cve5:
      return FeedFile{*format,
                      read_json_document<FeedRead<CveRecord>>(name, *document, read_cve5_document)};
    case Format::kev:
      return FeedFile{*format, read_json_document<KevRead>(name, *document, read_kev_document)};
  }
  return unknown(name, "no reader");
}

}  // namespace zt::feeds
