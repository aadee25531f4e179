#include "collectors/privacy/privacy_options.hpp"

#include <algorithm>

#include "collectors/core/option_table.hpp"

namespace zt::privacy {
namespace {

model::Result<std::string> detector_name(std::string_view text) {
  if (std::find(std::begin(kDetectorNames), std::end(kDetectorNames), text) ==
      std::end(kDetectorNames))
    return model::Error{"unknown detector \"" + std::string(text) +
                        "\": tokens, private_keys, config_secrets, credential_files or "
                        "personal_data"};
  return std::string(text);
}

const collector::OptionTable<PrivacyOptions>& table() {
  using namespace collector;  // the row makers: flag, integer, text, text_list
  using O = PrivacyOptions;
  static const OptionTable<O> kTable = [] {
    std::vector<OptionRow<O>> rows = walk_option_rows<O>();
    rows.insert(rows.end(), {
      text_list<&O::detectors, &detector_name>(
          "detectors",
          "detector families to run (empty: all): tokens, private_keys, config_secrets, "
          "credential_files, personal_data"),
      integer<&O::max_findings>("max_findings", 1, 1000000,
                                "findings reported per run; the inventory counts the rest"),
      text<&O::hash_salt>(
          "hash_salt",
          "salt of the evidence hashes (empty: derived from this host's SSH host key, which "
          "never leaves it); one value for a fleet makes hashes comparable across hosts"),
    });
    return OptionTable<O>(std::move(rows));
  }();
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

PrivacyOptions PrivacyOptions::from(const collector::OptionValues& values) {
  return table().read(values);
}

bool PrivacyOptions::detector_on(std::string_view name) const {
  return detectors.empty() ||
         std::find(detectors.begin(), detectors.end(), name) != detectors.end();
}

}  // namespace zt::privacy
