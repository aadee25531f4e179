#pragma once
// One audited network device configuration: its config_files row and, when it was parsed,
// its config_analysis_results row. Carried by a batch's `config_files` array (wire_format.hpp)
// for every file a config auditor read, whether it has findings or not; its findings are
// config-category findings naming the same file_path.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace zt::model {

// The config_analysis_results columns: the totals and scores of one audit.
struct ConfigAnalysis {
  std::int64_t total_findings = 0;
  std::int64_t critical_findings = 0;
  nlohmann::json compliance_scores = nlohmann::json::object();  // framework → 0..100
  double overall_security_score = 100.0;  // 0..100
  double overall_risk_score = 0.0;        // 0..10
  bool operator==(const ConfigAnalysis&) const = default;
};

struct ConfigFile {
  std::string file_path;  // the key of its row, with the agent: (company_id, agent_id, file_path)
  std::string filename;
  std::string file_hash;  // SHA-256, hex
  std::string device_type;
  std::string manufacturer;
  std::string model;
  std::string firmware_version;
  std::string config_type;
  std::string parsing_status;   // kParsingStatuses
  std::string analysis_status;  // kAnalysisStatuses
  nlohmann::json parsed_data = nlohmann::json::object();  // the typed model; {} when not parsed
  std::optional<ConfigAnalysis> analysis;                  // only for an analyzed file
  bool operator==(const ConfigFile&) const = default;
};

// parsed: read into the typed model; unsupported: a format no parser reads (the reason is in
// the scan's inventory); failed: not read (too large, binary, unreadable).
inline constexpr std::string_view kParsingStatuses = "parsed, unsupported, failed";
// analyzed: audited, with an analysis; not_analyzed: not parsed, so not audited.
inline constexpr std::string_view kAnalysisStatuses = "analyzed, not_analyzed";
bool is_parsing_status(std::string_view status);
bool is_analysis_status(std::string_view status);

}  // namespace zt::model
