#include "collectors/privacy/secret_detector.hpp"

#include <set>

#include "collectors/privacy/config_secrets.hpp"
#include "collectors/privacy/personal_data.hpp"
#include "collectors/privacy/private_keys.hpp"
#include "collectors/privacy/report.hpp"
#include "collectors/privacy/token_shapes.hpp"

namespace zt::privacy {

SecretDetector::SecretDetector(const PrivacyOptions& options) : options_(options) {
  interest_.every_text_file = true;
  interest_.content = collector::ContentKind::text_only;
}

void SecretDetector::start(std::string salt) {
  salt_ = std::move(salt);
  found_.clear();
  files_scanned_ = 0;
  dropped_ = 0;
}

void SecretDetector::inspect(const collector::WalkedFile& file) {
  ++files_scanned_;
  const std::string_view text = file.head;
  Hits hits;
  if (options_.detector_on("tokens")) find_tokens(text, hits);
  if (options_.detector_on("private_keys")) find_private_keys(text, hits);
  if (options_.detector_on("config_secrets")) {
    find_database_urls(text, hits);
    find_jwt_secrets(text, hits);
  }
  if (options_.detector_on("personal_data") &&
      exposure_of(file.info.mode, file.others_can_reach, file.group_can_reach) != Exposure::owner)
    find_personal_data(text, hits);
  if (options_.detector_on("credential_files")) {
    std::set<std::size_t> lines;
    for (const Hit& hit : hits) lines.insert(hit.line);
    Hits generic;
    find_in_credential_file(credential_file_kind(file.path, file.name), text, generic);
    for (const Hit& hit : generic)
      if (!lines.contains(hit.line)) hits.push_back(hit);
  }
  // One finding per line and data type: a finding's identity is (location, data_type, type).
  std::set<std::pair<std::size_t, std::string_view>> reported;
  for (const Hit& hit : hits) {
    if (!reported.emplace(hit.line, hit.data_type).second) continue;
    if (found_.size() >= options_.max_findings) {
      ++dropped_;
      continue;
    }
    found_.push_back({std::string(hit.finding_type), std::string(hit.data_type),
                      std::string(file.path), hit.line, file.info.mode, file.info.uid,
                      file.info.gid, file.others_can_reach, file.group_can_reach,
                      collector::secret_evidence(hit.value, salt_)});
  }
}

}  // namespace zt::privacy
