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
  static const OptionTable<O> kTable{
      text_list<&O::roots>("roots", "host folders walked for secrets and personal data"),
      text_list<&O::exclude>(
          "exclude", "host paths or globs (\"*\" crosses \"/\") not walked: a folder's whole tree"),
      flag<&O::cross_filesystems>(
          "cross_filesystems",
          "walk into other filesystems mounted under a root (never proc, sysfs, network or FUSE)"),
      integer<&O::max_files>("max_files", 1, 100000000,
                             "files examined per run; the next run resumes where it stopped"),
      integer<&O::max_megabytes>("max_megabytes", 1, 1000000, "MiB read per run"),
      integer<&O::max_depth>("max_depth", 1, 256, "folders below a root"),
      integer<&O::max_seconds>("max_seconds", 1, 86400, "seconds of walking per run"),
      integer<&O::head_kilobytes>("head_kilobytes", 1, 65536,
                                  "KiB read from the start of each file; the rest is not read"),
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
  };
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

collector::WalkOptions PrivacyOptions::walk_options() const {
  collector::WalkOptions walk;
  walk.roots = roots;
  walk.exclude = exclude;
  walk.cross_filesystems = cross_filesystems;
  walk.head_bytes = head_kilobytes * 1024;
  walk.budget.max_files = max_files;
  walk.budget.max_bytes = static_cast<std::uint64_t>(max_megabytes) << 20;
  walk.budget.max_depth = max_depth;
  walk.budget.max_time = max_seconds;
  return walk;
}

}  // namespace zt::privacy
