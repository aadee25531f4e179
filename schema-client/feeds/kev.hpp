#pragma once
// CISA's Known Exploited Vulnerabilities catalog (known_exploited_vulnerabilities.json:
// {catalogVersion, dateReleased, vulnerabilities: [{cveID, vendorProject, product, …}]}) read
// into KevEntry, one per item. Required per item: cveID, vendorProject, product,
// vulnerabilityName, dateAdded and dueDate (YYYY-MM-DD), requiredAction, shortDescription,
// and knownRansomwareCampaignUse ("Known" or "Unknown"). An item with any problem is skipped;
// unknown keys pass. Pure functions; any thread.
#include <nlohmann/json.hpp>
#include <string_view>

#include "schema-client/feeds/json_fields.hpp"
#include "schema-client/feeds/records.hpp"

namespace zt::feeds {

KevRead read_kev(std::string_view name, std::string_view bytes);
void read_kev_document(const nlohmann::json& document, ProblemLog& log, KevRead& out);

}  // namespace zt::feeds
