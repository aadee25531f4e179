#include "schema-client/feeds/kev.hpp"

namespace zt::feeds {

using nlohmann::json;

namespace {

constexpr NameTable<bool, 2> kRansomware{{{true, "Known"}, {false, "Unknown"}}};

void read_entry(const json& value, const std::string& path, ProblemLog& log,
                std::vector<KevEntry>& out) {
  const RecordScope scope(log);
  Fields fields(value, path, log);
  KevEntry entry;
  entry.cve = fields.text("cveID", true);
  entry.vendor_project = fields.text("vendorProject", true);
  entry.product = fields.text("product", true);
  entry.vulnerability_name = fields.text("vulnerabilityName", true);
  entry.date_added = fields.date("dateAdded", true);
  entry.short_description = fields.text("shortDescription", true);
  entry.required_action = fields.text("requiredAction", true);
  entry.due_date = fields.date("dueDate", true);
  entry.known_ransomware = fields.one_of("knownRansomwareCampaignUse", kRansomware).value_or(false);
  entry.notes = fields.text("notes");
  entry.cwes = fields.strings("cwes");
  if (scope.clean()) out.push_back(std::move(entry));
}

}  // namespace

void read_kev_document(const json& document, ProblemLog& log, KevRead& out) {
  Fields fields(document, "$", log);
  out.catalog_version = fields.text("catalogVersion");
  out.date_released = fields.time("dateReleased");
  fields.each(
      "vulnerabilities",
      [&](const json& item, const std::string& path) { read_entry(item, path, log, out.records); },
      true);
}

KevRead read_kev(std::string_view name, std::string_view bytes) {
  return read_json_feed<KevRead>(name, bytes, read_kev_document);
}

}  // namespace zt::feeds
