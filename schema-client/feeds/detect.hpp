#pragma once
// Which feed a file is, by its content (the name only names it in messages), so that
// `feeds import PATH…` takes any of them: a zip is an OSV export; gzip or text that opens with
// EPSS's comment or header is EPSS; JSON is told by its keys ("vulnerabilities" with
// "catalogVersion" or items with "cveID": KEV; with items holding "cve": NVD; "cveMetadata":
// CVE 5; "id" and "modified": an OSV record; package → CVE → {"releases"}: the Debian tracker).
// Anything else is an error naming the file and what it looked like. read_feed() detects and
// reads in one pass (a JSON file is parsed once). Pure functions; any thread.
#include <string_view>
#include <variant>

#include "schema-client/feeds/records.hpp"
#include "schema-client/model/result.hpp"

namespace zt::feeds {

enum class Format { osv_record, osv_zip, debian_tracker, nvd, cve5, kev, epss };

std::string_view name_of(Format format);  // "OSV record", "NVD CVE API 2.0", …

model::Result<Format> detect_format(std::string_view name, std::string_view bytes);

struct FeedFile {
  Format format;
  std::variant<FeedRead<OsvRecord>, FeedRead<DebianTrackerEntry>, FeedRead<CveRecord>, KevRead,
               EpssRead>
      read;
};

// detect_format() then the format's reader; the error of detect_format() when none fits.
model::Result<FeedFile> read_feed(std::string_view name, std::string_view bytes);

}  // namespace zt::feeds
