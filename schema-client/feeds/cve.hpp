#pragma once
// CVE records from the two feeds that publish them, read into CveRecord:
// - NVD CVE API 2.0 answers and feed pages ({"vulnerabilities": [{"cve": {…}}]}): one record
//   per item; the CVSS v3 is cvssMetricV31 (else V30), the v4 cvssMetricV40, each NVD's own
//   ("Primary") where there are several; vulnStatus "Rejected" marks it rejected.
// - CVE JSON 5 records (CVEProject/cvelistV5): one record per file; the CNA's metrics first,
//   then the ADPs' (CISA's Vulnrichment adds scores the CNA left out); state REJECTED marks it
//   rejected, with the rejection reason as its description.
// Required: the id, the state (CVE 5), and a metric's baseScore (0 to 10) and vectorString.
// A record with any problem is skipped whole; unknown keys pass. Pure functions; any thread.
#include <nlohmann/json.hpp>
#include <string_view>

#include "schema-client/feeds/json_fields.hpp"
#include "schema-client/feeds/records.hpp"

namespace zt::feeds {

FeedRead<CveRecord> read_nvd(std::string_view name, std::string_view bytes);
void read_nvd_document(const nlohmann::json& document, ProblemLog& log, FeedRead<CveRecord>& out);

FeedRead<CveRecord> read_cve5(std::string_view name, std::string_view bytes);
void read_cve5_document(const nlohmann::json& document, ProblemLog& log, FeedRead<CveRecord>& out);

}  // namespace zt::feeds
