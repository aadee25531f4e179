#pragma once
// The Debian security tracker's JSON (https://security-tracker.debian.org/tracker/data/json):
// {source package: {CVE: {description, scope, debianbug, releases: {code name: {status,
// fixed_version, urgency, nodsa, nodsa_reason, repositories}}}}}, read into one
// DebianTrackerEntry per (source package, CVE, release). A release's "status" must be
// resolved, open or undetermined, and its code name one debian_release_version() knows (a new
// release is a problem until the table has it). One bad release skips that entry only; a bad
// CVE object skips its releases. Unknown keys pass. Pure functions; any thread.
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "schema-client/feeds/json_fields.hpp"
#include "schema-client/feeds/records.hpp"

namespace zt::feeds {

FeedRead<DebianTrackerEntry> read_debian_tracker(std::string_view name, std::string_view bytes);
void read_debian_tracker_document(const nlohmann::json& document, ProblemLog& log,
                                  FeedRead<DebianTrackerEntry>& out);

// The version of a Debian release by its code name: "bookworm" → "12", "sid" → "unstable";
// empty for a name the table does not have.
std::string_view debian_release_version(std::string_view code_name);

}  // namespace zt::feeds
