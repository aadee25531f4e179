#pragma once
// The auditor: a configuration's text in, its vendor, its typed model and its findings out,
// each finding with its standard, the lines it names, the affected component and the config
// snippet of those lines with every secret masked (secret_mask.hpp). Also the file's scores
// (scores.hpp). Pure: no I/O, no throw; a text over kMaxConfigBytes, binary or of an unknown
// vendor is not parsed (its detection says why) and gives no finding.
#include <chrono>
#include <nlohmann/json.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/netconfig/asa_model.hpp"
#include "collectors/netconfig/checks.hpp"
#include "collectors/netconfig/ios_model.hpp"
#include "collectors/netconfig/junos_model.hpp"
#include "collectors/netconfig/scores.hpp"
#include "collectors/netconfig/standards.hpp"
#include "collectors/netconfig/vendor_detect.hpp"

namespace zt::netconfig {

// The largest text audited (a running configuration is rarely over 1 MiB).
inline constexpr std::size_t kMaxConfigBytes = std::size_t{32} << 20;
// A snippet shows at most this many lines.
inline constexpr std::size_t kSnippetLines = 12;

struct AuditOptions {
  std::chrono::sys_days today;
  std::string salt;  // for the hashes of secrets named in components
  // Entry comparisons the shadowed-entry analysis may make over the whole file.
  std::size_t acl_comparisons = 50'000'000;
};

struct AuditFinding {
  const Standard* standard = nullptr;  // never null in a report
  Issue issue;
  std::string snippet;  // the issue's lines, secrets masked, one a line
};

struct AuditReport {
  Detection detection;
  std::optional<IosConfig> ios;      // when parsed as IOS, or as Arista EOS (same model)
  std::optional<JunosConfig> junos;  // when parsed as Junos
  std::optional<AsaConfig> asa;      // when parsed as ASA
  nlohmann::json parsed_data;    // the model, secrets masked (model_json.hpp); null when not parsed
  std::vector<AuditFinding> findings;
  std::vector<std::string> notes;  // what was not fully audited, and why
  Scores scores;
};

// `standards`: the checks' standards and the firmware table (shipped_standards().set).
AuditReport audit_config(std::string_view text, const StandardSet& standards,
                         const AuditOptions& options);

}  // namespace zt::netconfig
